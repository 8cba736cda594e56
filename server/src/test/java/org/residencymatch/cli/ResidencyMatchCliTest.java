package org.residencymatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ResidencyMatchCliTest {

    @Test
    void aNamedCommandIsTheOnlyOneBuilt() {
        assertThat(ResidencyMatchCli.forArguments(new String[]{"match", "run", "--help"}).getSubcommands()).containsOnlyKeys("match");
        assertThat(ResidencyMatchCli.forArguments(new String[]{"lists"}).getSubcommands()).containsOnlyKeys("lists");
    }

    @Test
    void helpAndUnknownNamesGetEveryCommand() {
        for (String[] args : new String[][]{{}, {"--help"}, {"nosuch"}}) {
            assertThat(ResidencyMatchCli.forArguments(args).getSubcommands()).containsOnlyKeys("demo", "serve", "programs", "match",
                    "lists");
        }
        assertThat(ResidencyMatchCli.newCommandLine().getSubcommands()).hasSize(5);
    }

    @Test
    void theCommandBuiltAloneKeepsTheRootsSettings() {
        CommandLine commandLine = ResidencyMatchCli.forArguments(new String[]{"match"});
        StringWriter out = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        assertThat(commandLine.execute("match", "run", "--help")).isZero();
        assertThat(out.toString()).contains("--instance=FILE");
        assertThat(commandLine.getSubcommands().get("match").isCaseInsensitiveEnumValuesAllowed()).isTrue();
    }
}
