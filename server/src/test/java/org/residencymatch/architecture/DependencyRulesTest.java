package org.residencymatch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.residencymatch.cycle.Phase;

/**
 * Dependencies point inward: the pure parts (the eligibility rules and the match engine) know nothing
 * of HTTP, the database or the command line, so they can be tested, benchmarked and reused alone.
 */
class DependencyRulesTest {

    // Import only the packages the rule is about: importing the whole classpath took seconds.
    private static final JavaClasses PURE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.residencymatch.eligibility", "org.residencymatch.engine");

    // The project's own classes (the server's, and the match engine's when built alongside), not the jars'; imported once.
    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.residencymatch");

    @Test
    void thePurePartsImportNothingFromWebStoreOrCli() {
        noClasses()
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.residencymatch.web..", "org.residencymatch.store..", "org.residencymatch.cli..",
                        "io.javalin..", "org.jdbi..", "java.sql..", "javax.sql..", "picocli..")
                .check(PURE);
    }

    /**
     * No feature package depends on itself through others, so each can be read, tested and changed
     * from the bottom up (the lists see the effects of their versions through an interface that the
     * composition root wires, for instance). The top package ({@code Services}, the shared exceptions)
     * is not a slice. No known exception.
     */
    @Test
    void theFeaturePackagesDependOnEachOtherWithoutCycles() {
        slices().matching("org.residencymatch.(*)..").should().beFreeOfCycles().check(ALL);
    }

    /**
     * The web layer only translates HTTP: it reads and writes through the features' services, never through
     * JDBI or SQL of its own (the account feature hands it its stores, {@code AccountFeature}).
     */
    @Test
    void theWebLayerTouchesNeitherJdbiNorSql() {
        JavaClasses web = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.residencymatch.web");
        noClasses().that().resideInAPackage("org.residencymatch.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..", "javax.sql..")
                .check(web);
    }

    @Test
    void theMatchEngineDependsOnNothingButTheJdk() {
        noClasses().that().resideInAPackage("org.residencymatch.engine..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.residencymatch.engine..", "java..")
                .check(PURE);
    }

    /**
     * A phase rule is written once, in the phase table ({@code cycle.CycleAction}): outside {@code cycle/}
     * no class names a phase constant (which an {@code ==}, a switch or a date lookup by phase needs) or
     * orders phases, so no service or page can keep a phase rule of its own. Listing every phase
     * ({@code Phase.values()}, the calendar's editor) and passing the phase now along are fine.
     */
    @Test
    void onlyTheCycleFeatureWritesPhaseRules() {
        noClasses().that().resideOutsideOfPackage("org.residencymatch.cycle..")
                .should().accessFieldWhere(DescribedPredicate.describe("a constant of Phase",
                        access -> access.getTargetOwner().isEquivalentTo(Phase.class)))
                .orShould().callMethodWhere(DescribedPredicate.describe("Phase's order (compareTo, ordinal)",
                        call -> call.getTargetOwner().isEquivalentTo(Phase.class)
                                && List.of("compareTo", "ordinal").contains(call.getTarget().getName())))
                .check(ALL);
    }
}
