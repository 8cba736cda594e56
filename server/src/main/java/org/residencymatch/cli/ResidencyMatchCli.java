package org.residencymatch.cli;

import org.residencymatch.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code residency-match <command>}. Every subcommand prints its own help. */
@Command(name = "residency-match", mixinStandardHelpOptions = true, version = "residency-match 0.1.0", description = "Runs a national residency match: programs, partner eligibility lists, applicants and the match.", subcommands = {
        DemoCommand.class, ServeCommand.class, ProgramsCommand.class, MatchCommand.class, ListsCommand.class})
public final class ResidencyMatchCli {

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The configured command line, also used by tests to run commands in-process. */
    public static CommandLine newCommandLine() {
        return new CommandLine(new ResidencyMatchCli()).setCaseInsensitiveEnumValuesAllowed(true)
                // A database the service cannot write to is the operator's to fix: say so, without a stack trace.
                .setExecutionExceptionHandler((e, command, parsed) -> {
                    if (!(e instanceof Database.NotWritableException)) throw e;
                    command.getErr().println(e.getMessage());
                    return 1;
                });
    }
}
