package org.residencymatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.residencymatch.Services;
import org.residencymatch.applicant.Identity;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.TestDatabase;
import org.residencymatch.web.WebConfig;
import org.residencymatch.web.WebServer;
import picocli.CommandLine;

/** The operator's list commands against a running service. */
@DatabaseTest
class ListsCommandTest {

    static Services services;
    static WebServer server;
    static final String TOKEN = "cli-test-token";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void start() {
        services = Services.start(TestDatabase.fresh());
        new DemoData(services).seedIfEmpty();
        server = new WebServer(services, new WebConfig(TOKEN, false)).start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
        services.close();
    }

    private int lists(String... args) {
        CommandLine commandLine = ResidencyMatchCli.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 5];
        all[0] = "lists";
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(new String[] {"--url", "http://localhost:" + server.port(), "--token", TOKEN}, 0, all, args.length + 1, 4);
        return commandLine.execute(all);
    }

    @Test
    void uploadCommitRevertAndHistoryFromTheCommandLine() throws Exception {
        Identity patel = services.profiles().identity("A-2002").orElseThrow();
        Path file = dir.resolve("aimg.csv");
        Files.writeString(file, "MINC,Family name,Given names,Date of birth,MMI score\n"
                + patel.minc() + "," + patel.familyName() + "," + patel.givenNames() + "," + patel.dateOfBirth() + ",90\n");

        assertThat(lists("upload", "--cycle", "2025-R1", "--kind", "AIMG", file.toString())).as(err.toString()).isZero();
        Matcher id = Pattern.compile("\"uploadId\" : (\\d+)").matcher(out.toString());
        assertThat(id.find()).as(out.toString()).isTrue();
        assertThat(lists("commit", "--cycle", "2025-R1", "--kind", "AIMG", "--upload", id.group(1))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"version\" : 2");
        assertThat(lists("revert", "--cycle", "2025-R1", "--kind", "AIMG", "--to-version", "1")).as(err.toString()).isZero();
        assertThat(lists("history", "--cycle", "2025-R1", "--kind", "AIMG")).isZero();
        assertThat(out.toString()).contains("\"revertedTo\" : 1");
    }

    @Test
    void aRefusedFileIsExplainedRowByRowInTheChosenLanguageWithANonZeroExit() throws Exception {
        Path file = dir.resolve("bci.csv");
        Files.write(file, "Nom;Prénom;Date de naissance;Contingent\r\nX;Y;03/04/1990;Régulier\r\n".getBytes(Charset.forName("windows-1252")));

        int exit = lists("upload", "--cycle", "2025-R1", "--kind", "QIMG", "--lang", "fr", file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("row 2, column \"Date de naissance\": « 03/04/1990 » peut se lire jour/mois ou mois/jour");
    }
}
