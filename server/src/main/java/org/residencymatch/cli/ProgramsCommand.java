package org.residencymatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.residencymatch.Services;
import org.residencymatch.program.CatalogueImportException;
import org.residencymatch.program.CatalogueImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code programs import}: loads a program catalogue file into a cycle. */
@Command(name = "programs", description = "Manage the program catalogue.", subcommands = ProgramsCommand.Import.class, mixinStandardHelpOptions = true)
final class ProgramsCommand {

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Import program streams (CSV or .xlsx in the format of the published R-1 list) into a cycle. "
            + "Importing again updates; a file with any problem is refused whole.")
    static final class Import implements Callable<Integer> {
        @Option(names = "--cycle", required = true, description = "cycle id, e.g. 2025-R1 (created with the standard calendar if missing)")
        String cycle;

        @Parameters(paramLabel = "FILE", description = "the catalogue file (.csv or .xlsx)")
        Path file;

        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() throws Exception {
            if (!Files.isReadable(file)) {
                System.err.println(file + ": no such readable file");
                return 2;
            }
            byte[] content = Files.readAllBytes(file);
            try (Services services = Services.start(database.open())) {
                CatalogueImporter.Summary summary = services.catalogueImporter().importFile(cycle, file.getFileName().toString(), content,
                        "cli");
                System.out.printf("%s: %d program streams imported into %s (%d created, %d updated, %d unchanged)%n",
                        file, summary.rows(), cycle, summary.created(), summary.updated(), summary.unchanged());
                return 0;
            } catch (CatalogueImportException e) {
                System.err.println(e.getMessage());
                return 1;
            }
        }
    }
}
