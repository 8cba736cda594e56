package org.residencymatch.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.residencymatch.ConflictException;
import org.residencymatch.Services;
import org.residencymatch.catalogue.Catalogue;
import org.residencymatch.catalogue.CatalogueEntry;
import org.residencymatch.catalogue.CatalogueFilter;
import org.residencymatch.demo.DemoData;
import org.residencymatch.demo.TestDemo;
import org.residencymatch.eligibility.Decision;
import org.residencymatch.eligibility.Positions;
import org.residencymatch.eligibility.Reason;
import org.residencymatch.matching.MatchRun;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/**
 * The second iteration tells the truth: the positions the first left are shown and enforced, an
 * applicant the first matched is told so by every stream, one still in the first waits for its
 * results, and the catalogue, the eligibility decision and the application step always agree.
 *
 * <p>The story: Ontario's IMG stream A has one position and B two. In the first iteration Amira
 * (A-2001) ranks A, Mei (A-2024) ranks B, Yusuf (A-2016) ranks B but B does not rank him. Sophie
 * (A-1004, previous Canadian residency) is in no list of the first. The first iteration's release is
 * late, after the second's program selection opened: Sophie applies to A meanwhile.
 */
@DatabaseTest
class SecondIterationTest {

    static final String CYCLE = DemoData.CYCLE;
    static final String A = JourneyTest.ON_IMG_A, B = JourneyTest.ON_IMG_B;
    static final String AMIRA = "A-2001", MEI = "A-2024", YUSUF = "A-2016", SOPHIE = "A-1004";
    /** The second iteration's program selection, with the first iteration's results not yet released. */
    static final LocalDateTime SECOND_SELECTION = LocalDateTime.of(2025, 3, 10, 12, 0);

    private MutableClock clock;
    private Services services;
    private MatchRun firstRun;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(JourneyTest.SELECTION);
        services = TestDemo.start(clock);
        services.database().jdbi().useHandle(h -> {
            services.programs().setQuota(h, CYCLE, A, 1);
            services.programs().setQuota(h, CYCLE, B, 2);
        });
        services.applications().apply(CYCLE, 1, AMIRA, A, "a");
        services.applications().apply(CYCLE, 1, MEI, B, "a");
        services.applications().apply(CYCLE, 1, YUSUF, B, "a");
        clock.set(JourneyTest.ROL_OPEN);
        services.rankLists().saveApplicantList(CYCLE, 1, AMIRA, List.of(A), true, "a");
        services.rankLists().saveApplicantList(CYCLE, 1, MEI, List.of(B), true, "a");
        services.rankLists().saveApplicantList(CYCLE, 1, YUSUF, List.of(B), true, "a");
        services.rankLists().saveStreamList(CYCLE, 1, A, List.of(AMIRA), true, "staff");
        services.rankLists().saveStreamList(CYCLE, 1, B, List.of(MEI), true, "staff");
        clock.set(JourneyTest.MATCH);
        firstRun = services.matchRuns().run(CYCLE, 1, 1L, "operator");
        clock.set(SECOND_SELECTION);
    }

    @AfterEach
    void tearDown() {
        services.close();
    }

    @Test
    void beforeTheFirstIterationIsReleasedItsApplicantsWaitAndNobodyKnowsWhatIsLeft() {
        CatalogueEntry amiras = services.catalogue().explain(CYCLE, AMIRA, B, 2);
        assertThat(amiras.decision().decision()).isEqualTo(Decision.PENDING);
        assertThat(amiras.decision().reasonCodes()).contains("IN_EARLIER_ITERATION");
        assertThat(amiras.positions()).isEqualTo(Positions.unknownYet(2));
        assertThatThrownBy(() -> services.applications().apply(CYCLE, 2, AMIRA, B, "a"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("NOT_SELECTABLE");
                    assertThat(e.explanation().en()).contains("first iteration");
                    assertThat(e.explanation().fr()).contains("premier tour");
                });

        // Someone in no list of the first iteration is free to apply to the second meanwhile.
        assertThat(services.catalogue().explain(CYCLE, SOPHIE, A, 2).decision().decision()).isEqualTo(Decision.SELECTABLE);
        services.applications().apply(CYCLE, 2, SOPHIE, A, "a");
    }

    @Test
    void theReleaseFillsStreamsAndFlagsTheOpenApplicationsToThemWithoutRemovingThem() {
        services.applications().apply(CYCLE, 2, SOPHIE, A, "a");
        release();

        assertThat(services.catalogue().positions(CYCLE, 2)).containsEntry(A, new Positions(1, 0)).containsEntry(B, new Positions(2, 1));
        Application sophies = services.applications().applicationsOf(CYCLE, 2, SOPHIE).get(0);
        assertThat(sophies.status()).isEqualTo("ACTIVE");
        assertThat(sophies.flagCode()).isEqualTo("NO_POSITIONS_LEFT");
        assertThat(services.applications().flagged(CYCLE)).extracting(Application::applicantId).contains(SOPHIE);
        int flaggedAudits = services.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'application.flagged' AND target = :s")
                .bind("s", "applicant:" + SOPHIE).mapTo(Integer.class).one());
        assertThat(flaggedAudits).isEqualTo(1);
    }

    @Test
    void aStreamTheFirstIterationFilledIsNotSelectableAndSaysWhy() {
        release();
        CatalogueEntry full = services.catalogue().explain(CYCLE, YUSUF, A, 2);
        assertThat(full.positions()).isEqualTo(new Positions(1, 0));
        assertThat(full.decision().decision()).isEqualTo(Decision.NOT_ELIGIBLE);
        assertThat(full.decision().reasonCodes()).contains("NO_POSITIONS_LEFT");
        assertThatThrownBy(() -> services.applications().apply(CYCLE, 2, YUSUF, A, "a"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.getMessage()).contains("NO_POSITIONS_LEFT");
                    assertThat(e.explanation().fr()).contains("n'a plus de poste");
                });

        CatalogueEntry partly = services.catalogue().explain(CYCLE, YUSUF, B, 2);
        assertThat(partly.positions()).isEqualTo(new Positions(2, 1));
        assertThat(partly.decision().decision()).isEqualTo(Decision.SELECTABLE);
        services.applications().apply(CYCLE, 2, YUSUF, B, "a");
    }

    @Test
    void anApplicantTheFirstIterationMatchedIsToldSoByEveryStreamInBothLanguages() {
        release();
        Catalogue catalogue = services.catalogue().catalogue(CYCLE, AMIRA, 2, CatalogueFilter.ALL, 1, 10_000);
        assertThat(catalogue.entries()).hasSize(catalogue.streams()).allSatisfy(entry -> {
            assertThat(entry.decision().decision()).isEqualTo(Decision.NOT_ELIGIBLE);
            assertThat(entry.decision().reasons()).singleElement().satisfies(reason -> {
                assertThat(reason.code()).isEqualTo("MATCHED_IN_EARLIER_ITERATION");
                assertThat(reason.message().en()).contains("#" + A).contains("iteration 1").doesNotContain("{");
                assertThat(reason.message().fr()).contains(A).contains("tour 1").contains("Vous avez été jumelé").doesNotContain("{");
                assertThat(reason.provenance().rules().iteration()).isEqualTo(2);
            });
        });
        assertThatThrownBy(() -> services.applications().apply(CYCLE, 2, AMIRA, B, "a"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.explanation().fr()).contains("Vous avez été jumelé"));
    }

    @Test
    void theCatalogueTheEligibilityDecisionAndTheApplicationStepGiveTheSameDecisionForEveryStream() {
        release();
        for (String applicant : List.of(AMIRA, YUSUF, SOPHIE, "A-2002")) {
            Catalogue catalogue = services.catalogue().catalogue(CYCLE, applicant, 2, CatalogueFilter.ALL, 1, 10_000);
            List<String> disagreements = new ArrayList<>();
            int tried = 0;
            for (CatalogueEntry entry : catalogue.entries()) {
                String stream = entry.stream().streamId();
                CatalogueEntry explained = services.catalogue().explain(CYCLE, applicant, stream, 2);
                if (!codes(explained).equals(codes(entry)) || explained.decision().decision() != entry.decision().decision()
                        || !explained.positions().equals(entry.positions())) {
                    disagreements.add(stream + ": catalogue " + codes(entry) + ", explanation " + codes(explained));
                }
                // The application step on every stream of A, B and a spread of the others (each apply is a transaction).
                if (!stream.equals(A) && !stream.equals(B) && Math.floorMod(stream.hashCode(), 20) != 0) continue;
                tried++;
                boolean accepted;
                try {
                    services.applications().apply(CYCLE, 2, applicant, stream, "a");
                    accepted = true;
                } catch (ConflictException e) {
                    assertThat(e.code()).isEqualTo("NOT_SELECTABLE");
                    accepted = false;
                }
                if (accepted != entry.decision().isSelectable())
                    disagreements.add(stream + ": catalogue " + codes(entry) + ", application " + accepted);
            }
            assertThat(disagreements).as(applicant).isEmpty();
            assertThat(tried).as(applicant).isGreaterThan(20);
        }
    }

    private void release() {
        services.matchRuns().release(CYCLE, firstRun.id(), "operator");
        assertThat(services.matchRuns().resultOf(CYCLE, 1, AMIRA).orElseThrow()).contains(A);
        assertThat(services.matchRuns().resultOf(CYCLE, 1, MEI).orElseThrow()).contains(B);
        assertThat(services.matchRuns().resultOf(CYCLE, 1, YUSUF).orElseThrow()).isEmpty();
    }

    private static String codes(CatalogueEntry entry) {
        return entry.decision().decision() + entry.decision().reasons().stream().map(Reason::code).toList().toString();
    }
}
