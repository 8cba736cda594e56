package org.residencymatch.benchmarks;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.residencymatch.Services;
import org.residencymatch.eligibility.ApplicantCategory;
import org.residencymatch.eligibility.ApplicantFacts;
import org.residencymatch.eligibility.CatalogueDecisions;
import org.residencymatch.eligibility.Citizenship;
import org.residencymatch.eligibility.CmqApproval;
import org.residencymatch.eligibility.EligibilityRules;
import org.residencymatch.eligibility.EligibilityRulesLoader;
import org.residencymatch.eligibility.ExamResult;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.eligibility.PartnerLists;
import org.residencymatch.eligibility.StreamCatalogue;
import org.residencymatch.eligibility.StreamFacts;
import org.residencymatch.eligibility.StudyStatus;
import org.residencymatch.program.CatalogueImportException;
import org.residencymatch.program.Province;
import org.residencymatch.store.Database;

/**
 * The eligibility engine on the real 2025 first-iteration catalogue (815 streams): one applicant's
 * catalogue (target under 1 ms) and the whole matrix of 5,000 generated applicants (target under
 * 2 s on 2 cores). Every benchmark reads every decision, so none of the work can be skipped.
 */
@State(Scope.Benchmark)
public class EligibilityBenchmark {

    private static final int APPLICANTS = 5_000;

    private EligibilityRules rules;
    private StreamCatalogue catalogue;
    private ApplicantFacts[] applicants;
    private PartnerLists[] lists;
    private int next;

    @Setup
    public void setUp() throws IOException {
        rules = EligibilityRulesLoader.fromClasspath("2025-R1", 1);
        catalogue = realCatalogue();
        if (catalogue.size() != 815) {
            throw new IllegalStateException("expected the 815 streams of 2025, read " + catalogue.size());
        }
        Random random = new Random(2025);
        applicants = new ApplicantFacts[APPLICANTS];
        lists = new PartnerLists[APPLICANTS];
        for (int index = 0; index < APPLICANTS; index++) {
            applicants[index] = applicant(index, random);
            lists[index] = lists(applicants[index], random);
        }
    }

    /** One applicant's whole catalogue, through the compiled catalogue path. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int catalogueOfOneApplicant() {
        int index = next++ % APPLICANTS; // a different applicant each call
        return countSelectable(rules.decideCatalogue(applicants[index], catalogue, lists[index]));
    }

    /** The same catalogue, one {@code decide} call per stream (the single-stream API). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int catalogueOfOneApplicantStreamByStream() {
        int index = next++ % APPLICANTS;
        int selectable = 0;
        for (StreamFacts stream : catalogue.streams()) {
            if (rules.decide(applicants[index], stream, lists[index]).isSelectable()) {
                selectable++;
            }
        }
        return selectable;
    }

    /** 5,000 applicants x 815 streams, in parallel on the common pool (2 cores here). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int wholeMatrix() {
        return IntStream.range(0, APPLICANTS)
                .parallel()
                .map(index -> countSelectable(rules.decideCatalogue(applicants[index], catalogue, lists[index])))
                .sum();
    }

    private static int countSelectable(CatalogueDecisions decisions) {
        int selectable = 0;
        for (int index = 0; index < decisions.size(); index++) {
            if (decisions.decision(index).isSelectable()) {
                selectable++;
            }
        }
        return selectable;
    }

    private static ApplicantFacts applicant(int index, Random random) {
        // About 3,000 CMGs and 2,000 IMGs, as in a real year.
        boolean img = random.nextInt(5) < 2;
        ApplicantFacts.Builder builder = ApplicantFacts.builder("a" + index, img ? ApplicantCategory.IMG : ApplicantCategory.CMG)
                .citizenship(pick(random, Citizenship.values(), img ? 0.15 : 0.0))
                .status(random.nextBoolean() ? StudyStatus.FINAL_YEAR_STUDENT : StudyStatus.GRADUATE)
                .mdGraduationDate(LocalDate.of(2016 + random.nextInt(10), 1 + random.nextInt(12), 1))
                .priorPostgraduateTraining(random.nextInt(10) == 0)
                .fellowshipCanadaUs(img && random.nextInt(10) == 0)
                .mccqe1(random.nextInt(10) < 8 ? ExamResult.PASSED : ExamResult.NOT_TAKEN)
                .nac(random.nextInt(10) < 7 ? ExamResult.PASSED : ExamResult.FAILED)
                .cmqApproval(img ? CmqApproval.values()[random.nextInt(3)] : CmqApproval.NONE)
                .militaryTrainingPlanMember(random.nextInt(50) == 0);
        if (random.nextInt(20) == 0) {
            builder.provincialTie(random.nextBoolean() ? Province.NS : Province.NB);
        }
        builder.highSchoolYears(Province.ON, random.nextInt(5));
        return builder.build();
    }

    private static PartnerLists lists(ApplicantFacts applicant, Random random) {
        PartnerLists lists = PartnerLists.noneReceived();
        for (ListKind kind : ListKind.values()) {
            boolean member = applicant.category() == ApplicantCategory.IMG && random.nextInt(4) == 0;
            lists = member ? lists.withMember(kind, 1) : lists.withNonMember(kind, 1);
        }
        return lists;
    }

    /** Picks {@code values[last]} with probability {@code lastShare}, else one of the others. */
    private static <T> T pick(Random random, T[] values, double lastShare) {
        return random.nextDouble() < lastShare ? values[values.length - 1] : values[random.nextInt(values.length - 1)];
    }

    // ---- a tiny reader for the catalogue CSV (no quoted fields in this file) ----------------------

    /**
     * The 815 streams of 2025 as the service itself reads them: the bundled catalogue file imported
     * by the real importer into an in-memory database (so stream types and provinces come from the
     * same mapping the service uses).
     */
    static StreamCatalogue realCatalogue() throws IOException {
        byte[] csv;
        try (var in = EligibilityBenchmark.class.getResourceAsStream("/catalogue/r1-2025-program-streams.csv")) {
            csv = in.readAllBytes();
        }
        Database database = Database.open("jdbc:h2:mem:eligibility-bench;DB_CLOSE_DELAY=-1" + Database.H2_POSTGRES_MODE, "sa", "", null);
        try (Services services = Services.start(database)) {
            services.catalogueImporter().importFile("2025-R1", "r1-2025-program-streams.csv", csv, "benchmark");
            return database.jdbi().withHandle(h -> services.catalogue().streamCatalogue(h, "2025-R1"));
        } catch (CatalogueImportException e) {
            throw new IllegalStateException(e);
        }
    }
}
