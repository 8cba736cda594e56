package org.residencymatch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point inward: the pure parts (the eligibility rules and the match engine) know nothing
 * of HTTP, the database or the command line, so they can be tested, benchmarked and reused alone.
 */
class DependencyRulesTest {

    // Import only the packages the rule is about: importing the whole classpath took seconds.
    private static final JavaClasses PURE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.residencymatch.eligibility", "org.residencymatch.engine");

    @Test
    void thePurePartsImportNothingFromWebStoreOrCli() {
        noClasses()
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.residencymatch.web..", "org.residencymatch.store..", "org.residencymatch.cli..",
                        "io.javalin..", "org.jdbi..", "java.sql..", "javax.sql..", "picocli..")
                .check(PURE);
    }

    @Test
    void theMatchEngineDependsOnNothingButTheJdk() {
        noClasses().that().resideInAPackage("org.residencymatch.engine..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.residencymatch.engine..", "java..")
                .check(PURE);
    }
}
