package org.residencymatch.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.residencymatch.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code residency-match <command>}. Every subcommand prints its own help. */
@Command(name = "residency-match", mixinStandardHelpOptions = true, version = "residency-match 0.1.0", description = "Runs a national residency match: programs, partner eligibility lists, applicants and the match.")
public final class ResidencyMatchCli {

    /**
     * The subcommands, in the order the help lists them. Picocli reads every command's annotations when it is added (about
     * 0.1 s of a cold JVM, picocli's classes being too old for the class-data archive), so a run that names its command
     * builds only that one: {@code match run} is short-lived and its start-up counts (docs/BENCHMARKS.md).
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();
    static {
        SUBCOMMANDS.put("demo", DemoCommand::new);
        SUBCOMMANDS.put("serve", ServeCommand::new);
        SUBCOMMANDS.put("programs", ProgramsCommand::new);
        SUBCOMMANDS.put("match", MatchCommand::new);
        SUBCOMMANDS.put("lists", ListsCommand::new);
    }

    public static void main(String[] args) {
        System.exit(forArguments(args).execute(args));
    }

    /** The command line {@code args} need: only the subcommand they name, or all of them (help, a mistyped name). */
    static CommandLine forArguments(String[] args) {
        return newCommandLine(args.length > 0 && SUBCOMMANDS.containsKey(args[0]) ? args[0] : null);
    }

    /** The configured command line with every subcommand, also used by tests to run commands in-process. */
    public static CommandLine newCommandLine() {
        return newCommandLine(null);
    }

    /** The command line with only {@code subcommand} when not null (its name must be one of the subcommands). */
    private static CommandLine newCommandLine(String subcommand) {
        CommandLine commandLine = new CommandLine(new ResidencyMatchCli());
        SUBCOMMANDS.forEach((name, command) -> {
            if (subcommand == null || subcommand.equals(name)) commandLine.addSubcommand(name, command.get());
        });
        // Set after the subcommands are added: picocli passes these settings only to subcommands present at the call.
        return commandLine.setCaseInsensitiveEnumValuesAllowed(true)
                // A database the service cannot write to is the operator's to fix: say so, without a stack trace.
                .setExecutionExceptionHandler((e, command, parsed) -> {
                    if (!(e instanceof Database.NotWritableException)) throw e;
                    command.getErr().println(e.getMessage());
                    return 1;
                });
    }
}
