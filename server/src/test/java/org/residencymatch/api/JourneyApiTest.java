package org.residencymatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.residencymatch.api.DemoApiServer.CYCLE;
import static org.residencymatch.api.DemoApiServer.failure;
import static org.residencymatch.api.DemoApiServer.invalidField;
import static org.residencymatch.api.DemoApiServer.notFound;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.residencymatch.api.client.ApiClient;
import org.residencymatch.api.client.ApiException;
import org.residencymatch.api.client.api.ApplicationsApi;
import org.residencymatch.api.client.api.CatalogueApi;
import org.residencymatch.api.client.api.CouplesApi;
import org.residencymatch.api.client.api.MatchRunsApi;
import org.residencymatch.api.client.api.RankListsApi;
import org.residencymatch.api.client.api.ResultsApi;
import org.residencymatch.api.client.model.ApiError;
import org.residencymatch.api.client.model.ApplicantRankListRequest;
import org.residencymatch.api.client.model.ApplicantResult;
import org.residencymatch.api.client.model.Application;
import org.residencymatch.api.client.model.ApplicationRequest;
import org.residencymatch.api.client.model.CatalogueEntry;
import org.residencymatch.api.client.model.Couple;
import org.residencymatch.api.client.model.CoupleProposal;
import org.residencymatch.api.client.model.CoupleRankListRequest;
import org.residencymatch.api.client.model.Decision;
import org.residencymatch.api.client.model.MatchRun;
import org.residencymatch.api.client.model.ReleaseConfirmation;
import org.residencymatch.api.client.model.MatchRunRequest;
import org.residencymatch.api.client.model.Province;
import org.residencymatch.api.client.model.RankListEntry;
import org.residencymatch.api.client.model.RankLists;
import org.residencymatch.api.client.model.StreamMatched;
import org.residencymatch.api.client.model.StreamRankListRequest;
import org.residencymatch.api.client.model.StreamType;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/**
 * The journey of an iteration through the API, on the demo with a clock the test moves through the
 * 2025-R1 calendar: program selection, rank order lists, couples, the match run and its release,
 * with who may do what. The tests share one server; each sets the clock it needs and uses its own
 * applicants and streams, and only {@link #theOperatorRunsTheMatchAndReleasesItOnResultsDayThenResultsAreVisible} runs the match.
 */
@DatabaseTest
class JourneyApiTest {

    static final LocalDateTime SELECTION = LocalDateTime.of(2024, 10, 15, 12, 0);
    static final LocalDateTime ROL_OPEN = LocalDateTime.of(2025, 1, 20, 12, 0);
    static final LocalDateTime AFTER_DEADLINE = LocalDateTime.of(2025, 2, 11, 16, 0);
    static final LocalDateTime MATCH = LocalDateTime.of(2025, 2, 20, 12, 0);
    static final LocalDateTime RELEASE = LocalDateTime.of(2025, 3, 5, 12, 0);
    /** Ontario IMG streams (Anesthesiology, McMaster and Ottawa) and a CMG stream at Memorial. */
    static final String ON_IMG_A = "27039", ON_IMG_B = "26697", CMG_STREAM = "27447";
    static final int ITERATION = 1;

    static MutableClock clock;
    static DemoApiServer demo;
    static String ubcStaff;

    @BeforeAll
    static void start() {
        clock = new MutableClock(SELECTION);
        demo = DemoApiServer.start(clock);
        ubcStaff = demo.tokenForAccount("staff@ubc.example");
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static ApiClient applicant(String applicantId) throws ApiException {
        return demo.bearer(demo.tokenForApplicant(applicantId));
    }

    private static ApplicationRequest stream(String streamId) {
        return new ApplicationRequest().streamId(streamId);
    }

    private static List<String> items(RankListEntry... entries) {
        return Arrays.stream(entries).map(RankListEntry::getItem).toList();
    }

    /** The streams of a province and type that are selectable for an applicant and have at least one position. */
    private static List<CatalogueEntry> selectable(String applicantId, Province province, StreamType type) throws ApiException {
        return new CatalogueApi(demo.operator())
                .getCatalogue(CYCLE, applicantId, province, null, type, Decision.SELECTABLE, null, ITERATION, 1, 1000)
                .getItems().stream().filter(e -> e.getStream().getQuota() > 0).toList();
    }

    @Test
    void selectionIsRefusedForAStreamThatIsNotSelectableAndOutsideProgramSelection() throws ApiException {
        clock.set(SELECTION);
        ApplicationsApi amira = new ApplicationsApi(applicant("A-2001"));

        assertThat(amira.apply(CYCLE, ITERATION, "A-2001", stream(ON_IMG_A)).getApplications())
                .singleElement().satisfies(a -> {
                    assertThat(a.getStreamId()).isEqualTo(ON_IMG_A);
                    assertThat(a.getStatus()).isEqualTo(Application.StatusEnum.ACTIVE);
                    assertThat(a.getFlag()).isNull();
                });
        ApiError notSelectable = failure(409, () -> amira.apply(CYCLE, ITERATION, "A-2001", stream(CMG_STREAM)));
        assertThat(notSelectable.getCode()).isEqualTo("NOT_SELECTABLE");
        assertThat(notSelectable.getMessage()).as("every reason and what to do, in the caller's language")
                .contains("reserved for Canadian medical graduates").contains("Look for the IMG stream");
        invalidField("streamId", () -> amira.apply(CYCLE, ITERATION, "A-2001", stream("")));
        invalidField("iteration", () -> amira.listApplications(CYCLE, 3, "A-2001"));
        notFound(() -> amira.listApplications("1999-R1", ITERATION, "A-2001"));

        clock.set(ROL_OPEN);
        ApiError outside = failure(409, () -> amira.apply(CYCLE, ITERATION, "A-2001", stream(ON_IMG_B)));
        assertThat(outside.getCode()).isEqualTo("OUTSIDE_PHASE");
        assertThat(outside.getMessage()).as("in the caller's words, with the dates and the phase it is now")
                .contains("only during program selection").contains("2024").as("with the cycle's time zone").contains("8:00 a.m. EDT")
                .contains("now at: rank order lists");
        ApiError enFrancais = failure(409,
                () -> amira.apply(CYCLE, ITERATION, "A-2001", stream(ON_IMG_B), Map.of("Accept-Language", "fr-CA")));
        assertThat(enFrancais.getMessage()).contains("que pendant le choix des programmes").contains("8 h 00 HAE")
                .contains("en est à : les listes de classement");
        assertThat(enFrancais.getNextStep()).as("closed: where the calendar is").startsWith("Rien n’a été modifié.").contains("calendrier");
        assertThat(failure(409, () -> amira.withdrawApplication(CYCLE, ITERATION, "A-2001", ON_IMG_A)).getCode())
                .isEqualTo("OUTSIDE_PHASE");
        assertThat(amira.listApplications(CYCLE, ITERATION, "A-2001").getApplications()).extracting(Application::getStreamId)
                .containsExactly(ON_IMG_A);
    }

    @Test
    void anApplicantActsOnlyForThemselvesAndMayNotCallStaffOrOperatorRoutes() throws ApiException {
        clock.set(SELECTION);
        ApiClient amira = applicant("A-2001");
        notFound(() -> new ApplicationsApi(amira).listApplications(CYCLE, ITERATION, "A-2002"));
        notFound(() -> new ApplicationsApi(amira).apply(CYCLE, ITERATION, "A-2002", stream(ON_IMG_A)));
        notFound(() -> new RankListsApi(amira).getApplicantRankList(CYCLE, ITERATION, "A-2002"));
        notFound(() -> new CouplesApi(amira).proposeCouple(CYCLE, ITERATION, "A-2002", new CoupleProposal().partnerApplicantId("A-2001")));
        notFound(() -> new ResultsApi(amira).getApplicantResult(CYCLE, ITERATION, "A-2002"));

        for (var call : List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
                () -> new RankListsApi(amira).listStreamApplicants(CYCLE, ITERATION, ON_IMG_A),
                () -> new RankListsApi(amira).getStreamRankList(CYCLE, ITERATION, ON_IMG_A),
                () -> new RankListsApi(amira).saveStreamRankList(CYCLE, ITERATION, ON_IMG_A,
                        new StreamRankListRequest().applicants(List.of("A-2001"))),
                () -> new ResultsApi(amira).getStreamMatched(CYCLE, ITERATION, ON_IMG_A),
                () -> new MatchRunsApi(amira).runMatch(CYCLE, ITERATION, new MatchRunRequest()),
                () -> new MatchRunsApi(amira).listMatchRuns(CYCLE, ITERATION))) {
            assertThat(failure(403, call).getCode()).isEqualTo("FORBIDDEN");
        }
        // Couples form by the applicants' own consent: not even the operator proposes for them.
        assertThat(failure(403, () -> new CouplesApi(demo.operator()).proposeCouple(CYCLE, ITERATION, "A-2001",
                new CoupleProposal().partnerApplicantId("A-2024"))).getCode()).isEqualTo("FORBIDDEN");
        assertThat(failure(401, () -> new ApplicationsApi(demo.anonymous()).listApplications(CYCLE, ITERATION, "A-2001")).getCode())
                .isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void programStaffSeeAndRankOnlyTheirOwnFacultysStreams() throws ApiException {
        clock.set(SELECTION);
        String ubcStream = selectable("A-2021", Province.BC, null).stream()
                .filter(e -> e.getStream().getFacultyId().equals("UBC")).findFirst().orElseThrow().getStream().getId();
        new ApplicationsApi(applicant("A-2021")).apply(CYCLE, ITERATION, "A-2021", stream(ubcStream));
        RankListsApi staff = new RankListsApi(demo.bearer(ubcStaff));

        assertThat(staff.listStreamApplicants(CYCLE, ITERATION, ubcStream).getApplicants()).contains("A-2021");
        notFound(() -> staff.listStreamApplicants(CYCLE, ITERATION, ON_IMG_A));
        notFound(() -> staff.getStreamRankList(CYCLE, ITERATION, ON_IMG_A));
        notFound(() -> new ResultsApi(demo.bearer(ubcStaff)).getStreamMatched(CYCLE, ITERATION, ON_IMG_A));
        notFound(() -> staff.listStreamApplicants(CYCLE, ITERATION, "no-such-stream"));
        assertThat(failure(403, () -> new ApplicationsApi(demo.bearer(ubcStaff)).listApplications(CYCLE, ITERATION, "A-2021")).getCode())
                .isEqualTo("FORBIDDEN");
        assertThat(failure(403, () -> new MatchRunsApi(demo.bearer(ubcStaff)).listMatchRuns(CYCLE, ITERATION)).getCode())
                .isEqualTo("FORBIDDEN");

        ApiError early = failure(409, () -> staff.saveStreamRankList(CYCLE, ITERATION, ubcStream,
                new StreamRankListRequest().applicants(List.of("A-2021")).submit(true), Map.of("Accept-Language", "fr-CA")));
        assertThat(early.getCode()).isEqualTo("OUTSIDE_PHASE");
        assertThat(early.getNextStep()).as("still to come: when it opens, in French and in the cycle's zone")
                .startsWith("Rien n’a été modifié. Ce sera ouvert le").contains("2025").contains("HNE");
        clock.set(ROL_OPEN);
        notFound(() -> staff.saveStreamRankList(CYCLE, ITERATION, ON_IMG_A,
                new StreamRankListRequest().applicants(List.of("A-2001")).submit(true)));
        invalidField("applicants", () -> staff.saveStreamRankList(CYCLE, ITERATION, ubcStream,
                new StreamRankListRequest().applicants(List.of("A-2001")).submit(true)));
        RankLists saved = staff.saveStreamRankList(CYCLE, ITERATION, ubcStream,
                new StreamRankListRequest().applicants(List.of("A-2021")).submit(true));
        assertThat(saved.getInForce().getStatus()).isEqualTo(org.residencymatch.api.client.model.RankList.StatusEnum.SUBMITTED);
        assertThat(saved.getInForce().getEntries()).extracting(RankListEntry::getItem, RankListEntry::getSecond)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A-2021", null));
        assertThat(staff.getStreamRankList(CYCLE, ITERATION, ubcStream)).isEqualTo(saved);
    }

    @Test
    void aSavedDraftLeavesTheSubmissionInForceUntilItIsSubmitted() throws ApiException {
        clock.set(SELECTION);
        ApplicationsApi mei = new ApplicationsApi(applicant("A-2024"));
        mei.apply(CYCLE, ITERATION, "A-2024", stream(ON_IMG_A));
        mei.apply(CYCLE, ITERATION, "A-2024", stream(ON_IMG_B));
        RankListsApi lists = new RankListsApi(applicant("A-2024"));
        assertThat(failure(409, () -> lists.saveApplicantRankList(CYCLE, ITERATION, "A-2024",
                new ApplicantRankListRequest().streams(List.of(ON_IMG_A)))).getMessage())
                .contains("during rank order lists, from Jan. 13, 2025, 7:00 a.m. EST to Feb. 11, 2025, 10:00 a.m. EST");

        clock.set(ROL_OPEN);
        RankLists empty = lists.getApplicantRankList(CYCLE, ITERATION, "A-2024");
        assertThat(empty.getLatest()).isNull();
        assertThat(empty.getInForce()).isNull();
        assertThat(empty.getUnsubmittedChanges()).isFalse();
        invalidField("streams",
                () -> lists.saveApplicantRankList(CYCLE, ITERATION, "A-2024", new ApplicantRankListRequest().streams(List.of(CMG_STREAM))));
        invalidField("streams", () -> lists.saveApplicantRankList(CYCLE, ITERATION, "A-2024",
                new ApplicantRankListRequest().streams(List.of(ON_IMG_A, ON_IMG_A))));

        RankLists submitted = lists.saveApplicantRankList(CYCLE, ITERATION, "A-2024",
                new ApplicantRankListRequest().streams(List.of(ON_IMG_A, ON_IMG_B)).submit(true));
        assertThat(submitted.getUnsubmittedChanges()).isFalse();
        assertThat(submitted.getLatest()).isEqualTo(submitted.getInForce());
        RankLists draft = lists.saveApplicantRankList(CYCLE, ITERATION, "A-2024",
                new ApplicantRankListRequest().streams(List.of(ON_IMG_B, ON_IMG_A)));

        assertThat(draft.getUnsubmittedChanges()).isTrue();
        assertThat(draft.getInForce().getVersion()).isEqualTo(1);
        assertThat(draft.getInForce().getStatus()).isEqualTo(org.residencymatch.api.client.model.RankList.StatusEnum.SUBMITTED);
        assertThat(items(draft.getInForce().getEntries().toArray(RankListEntry[]::new))).containsExactly(ON_IMG_A, ON_IMG_B);
        assertThat(draft.getLatest().getVersion()).isEqualTo(2);
        assertThat(draft.getLatest().getStatus()).isEqualTo(org.residencymatch.api.client.model.RankList.StatusEnum.DRAFT);
        assertThat(items(draft.getLatest().getEntries().toArray(RankListEntry[]::new))).containsExactly(ON_IMG_B, ON_IMG_A);
        assertThat(draft.getLatest().getEntries()).extracting(RankListEntry::getSecond).containsOnlyNulls();
        assertThat(lists.getApplicantRankList(CYCLE, ITERATION, "A-2024")).isEqualTo(draft);

        clock.set(AFTER_DEADLINE);
        ApiError locked = failure(409, () -> lists.saveApplicantRankList(CYCLE, ITERATION, "A-2024",
                new ApplicantRankListRequest().streams(List.of(ON_IMG_B, ON_IMG_A)).submit(true)));
        assertThat(locked.getCode()).isEqualTo("OUTSIDE_PHASE");
        assertThat(locked.getMessage()).contains("now at: the rank order list deadline has passed");
        assertThat(lists.getApplicantRankList(CYCLE, ITERATION, "A-2024")).isEqualTo(draft);
    }

    @Test
    void couplesFormByProposalAndAcceptanceAndRankPairs() throws ApiException {
        clock.set(SELECTION);
        for (String partner : List.of("A-2016", "A-2017")) {
            ApplicationsApi applications = new ApplicationsApi(applicant(partner));
            applications.apply(CYCLE, ITERATION, partner, stream(ON_IMG_A));
            applications.apply(CYCLE, ITERATION, partner, stream(ON_IMG_B));
        }
        CouplesApi yusuf = new CouplesApi(applicant("A-2016")), ana = new CouplesApi(applicant("A-2017"));
        Couple proposed = yusuf.proposeCouple(CYCLE, ITERATION, "A-2016", new CoupleProposal().partnerApplicantId("A-2017"));
        assertThat(proposed.getStatus()).isEqualTo(Couple.StatusEnum.PROPOSED);
        assertThat(proposed.getFirst()).isEqualTo("A-2016");
        assertThat(proposed.getSecond()).isEqualTo("A-2017");

        assertThat(failure(409, () -> yusuf.acceptCouple(CYCLE, ITERATION, "A-2016", proposed.getId())).getCode()).isEqualTo("NOT_INVITED");
        notFound(() -> new CouplesApi(applicant("A-2001")).acceptCouple(CYCLE, ITERATION, "A-2001", proposed.getId()));
        notFound(() -> ana.acceptCouple(CYCLE, 2, "A-2017", proposed.getId()));
        Couple active = ana.acceptCouple(CYCLE, ITERATION, "A-2017", proposed.getId());
        assertThat(active.getStatus()).isEqualTo(Couple.StatusEnum.ACTIVE);
        assertThat(failure(409, () -> ana.acceptCouple(CYCLE, ITERATION, "A-2017", proposed.getId())).getCode())
                .isEqualTo("COUPLE_NOT_PROPOSED");
        assertThat(failure(409, () -> new CouplesApi(applicant("A-2001")).proposeCouple(CYCLE, ITERATION, "A-2001",
                new CoupleProposal().partnerApplicantId("A-2016"))).getCode()).isEqualTo("ALREADY_IN_A_COUPLE");
        invalidField("partnerApplicantId",
                () -> yusuf.proposeCouple(CYCLE, ITERATION, "A-2016", new CoupleProposal().partnerApplicantId("A-2016")));
        assertThat(ana.listCouples(CYCLE, ITERATION, "A-2017").getCouples()).containsExactly(active);

        // A proposal withdrawn is dissolved, and a dissolved couple ranks nothing.
        CouplesApi elena = new CouplesApi(applicant("A-2019"));
        Couple withdrawn = elena.proposeCouple(CYCLE, ITERATION, "A-2019", new CoupleProposal().partnerApplicantId("A-2020"));
        assertThat(elena.dissolveCouple(CYCLE, ITERATION, "A-2019", withdrawn.getId()).getStatus()).isEqualTo(Couple.StatusEnum.DISSOLVED);

        clock.set(ROL_OPEN);
        CoupleRankListRequest pairs = new CoupleRankListRequest().pairs(List.of(List.of(ON_IMG_A, ON_IMG_B), Arrays.asList(ON_IMG_B, null)))
                .submit(true);
        assertThat(failure(409,
                () -> new RankListsApi(applicant("A-2019")).saveCoupleRankList(CYCLE, ITERATION, "A-2019", withdrawn.getId(), pairs))
                .getCode())
                .isEqualTo("COUPLE_NOT_ACTIVE");
        assertThat(failure(409, () -> new RankListsApi(applicant("A-2016")).saveApplicantRankList(CYCLE, ITERATION, "A-2016",
                new ApplicantRankListRequest().streams(List.of(ON_IMG_A)))).getCode()).isEqualTo("IN_A_COUPLE");
        RankListsApi anaLists = new RankListsApi(applicant("A-2017"));
        invalidField("pairs", () -> anaLists.saveCoupleRankList(CYCLE, ITERATION, "A-2017", active.getId(),
                new CoupleRankListRequest().pairs(List.of(Arrays.asList(null, null)))));
        invalidField("pairs", () -> anaLists.saveCoupleRankList(CYCLE, ITERATION, "A-2017", active.getId(),
                new CoupleRankListRequest().pairs(List.of(List.of(CMG_STREAM, ON_IMG_A)))));

        RankLists saved = anaLists.saveCoupleRankList(CYCLE, ITERATION, "A-2017", active.getId(), pairs);
        assertThat(saved.getInForce().getEntries()).extracting(RankListEntry::getItem, RankListEntry::getSecond).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ON_IMG_A, ON_IMG_B), org.assertj.core.groups.Tuple.tuple(ON_IMG_B, null));
        assertThat(saved.getUnsubmittedChanges()).isFalse();

        clock.set(AFTER_DEADLINE);
        assertThat(failure(409, () -> yusuf.dissolveCouple(CYCLE, ITERATION, "A-2016", active.getId())).getCode())
                .isEqualTo("OUTSIDE_PHASE");
    }

    @Test
    void theOperatorRunsTheMatchAndReleasesItOnResultsDayThenResultsAreVisible() throws ApiException {
        clock.set(SELECTION);
        // Streams of their own, so that the other tests' applicants do not compete for them.
        List<String> ontario = selectable("A-2008", Province.ON, StreamType.IMG).stream().map(e -> e.getStream().getId())
                .filter(id -> !id.equals(ON_IMG_A) && !id.equals(ON_IMG_B)).limit(2).toList();
        String first = ontario.get(0), second = ontario.get(1);
        CatalogueEntry ubc = selectable("A-2003", Province.BC, null).stream()
                .filter(e -> e.getStream().getFacultyId().equals("UBC")).skip(1).findFirst().orElseThrow();
        String ubcStream = ubc.getStream().getId();
        for (String applicantId : List.of("A-2008", "A-2013")) {
            ApplicationsApi applications = new ApplicationsApi(applicant(applicantId));
            applications.apply(CYCLE, ITERATION, applicantId, stream(first));
            applications.apply(CYCLE, ITERATION, applicantId, stream(second));
        }
        new ApplicationsApi(applicant("A-2003")).apply(CYCLE, ITERATION, "A-2003", stream(ubcStream));

        clock.set(ROL_OPEN);
        new RankListsApi(applicant("A-2008")).saveApplicantRankList(CYCLE, ITERATION, "A-2008",
                new ApplicantRankListRequest().streams(List.of(first)).submit(true));
        new RankListsApi(applicant("A-2013")).saveApplicantRankList(CYCLE, ITERATION, "A-2013",
                new ApplicantRankListRequest().streams(List.of(first, second)).submit(true));
        new RankListsApi(applicant("A-2003")).saveApplicantRankList(CYCLE, ITERATION, "A-2003",
                new ApplicantRankListRequest().streams(List.of(ubcStream)).submit(true));
        RankListsApi operator = new RankListsApi(demo.operator());
        operator.saveStreamRankList(CYCLE, ITERATION, first, new StreamRankListRequest().applicants(List.of("A-2008")).submit(true));
        operator.saveStreamRankList(CYCLE, ITERATION, second, new StreamRankListRequest().applicants(List.of("A-2013")).submit(true));
        new RankListsApi(demo.bearer(ubcStaff)).saveStreamRankList(CYCLE, ITERATION, ubcStream,
                new StreamRankListRequest().applicants(List.of("A-2003")).submit(true));
        MatchRunsApi runs = new MatchRunsApi(demo.operator());
        assertThat(failure(409, () -> runs.runMatch(CYCLE, ITERATION, new MatchRunRequest().seed(7L))).getCode())
                .isEqualTo("OUTSIDE_PHASE");

        clock.set(MATCH);
        MatchRun run = runs.runMatch(CYCLE, ITERATION, new MatchRunRequest().seed(7L));
        assertThat(run.getStable()).isTrue();
        assertThat(run.getBlocking()).isNull();
        assertThat(run.getReleasedAt()).isNull();
        assertThat(run.getIteration()).isEqualTo(ITERATION);
        assertThat(run.getSeed()).isEqualTo(7L);
        assertThat(run.getMatched()).isGreaterThanOrEqualTo(3).isEqualTo(run.getFilled());
        assertThat(run.getStatistics().getCmgMatched() + run.getStatistics().getImgMatched()).isEqualTo(run.getMatched());
        assertThat(run.getStatistics().getByProvince().values().stream().mapToInt(f -> f.getFilled()).sum()).isEqualTo(run.getFilled());
        assertThat(run.getStatistics().getByProvince().values().stream().mapToInt(f -> f.getPositions()).sum())
                .isEqualTo(run.getPositions());
        assertThat(run.getStatistics().getByStreamType().get("IMG").getFilled()).isGreaterThanOrEqualTo(2);
        assertThat(run.getStatistics().getByDiscipline()).isNotEmpty();
        assertThat(runs.getMatchRun(CYCLE, ITERATION, run.getId())).isEqualTo(run);
        notFound(() -> runs.getMatchRun(CYCLE, 2, run.getId()));

        ResultsApi rajeshResults = new ResultsApi(applicant("A-2008"));
        ApplicantResult before = rajeshResults.getApplicantResult(CYCLE, ITERATION, "A-2008");
        assertThat(before.getReleased()).isFalse();
        assertThat(before.getMatched()).isNull();
        assertThat(before.getStreamId()).isNull();
        StreamMatched staffBefore = new ResultsApi(demo.bearer(ubcStaff)).getStreamMatched(CYCLE, ITERATION, ubcStream);
        assertThat(staffBefore.getReleased()).isFalse();
        assertThat(staffBefore.getApplicants()).isEmpty();
        ApiError early = failure(409,
                () -> runs.releaseMatchRun(CYCLE, ITERATION, run.getId(), new ReleaseConfirmation().confirm(String.valueOf(run.getId()))));
        assertThat(early.getCode()).isEqualTo("OUTSIDE_PHASE");
        assertThat(early.getMessage()).contains("from Mar. 4, 2025, 7:00 a.m. EST to the end of the iteration");
        MatchRun again = runs.runMatch(CYCLE, ITERATION, new MatchRunRequest().seed(7L));
        assertThat(runs.listMatchRuns(CYCLE, ITERATION).getRuns()).extracting(MatchRun::getId).containsExactly(run.getId(), again.getId());

        clock.set(RELEASE);
        notFound(() -> runs.releaseMatchRun(CYCLE, 2, run.getId(), new ReleaseConfirmation().confirm(String.valueOf(run.getId()))));
        MatchRun released = runs.releaseMatchRun(CYCLE, ITERATION, run.getId(),
                new ReleaseConfirmation().confirm(String.valueOf(run.getId())));
        assertThat(released.getReleasedAt()).startsWith("2025-03-05T12:00");
        assertThat(failure(409, () -> runs.releaseMatchRun(CYCLE, ITERATION, again.getId(),
                new ReleaseConfirmation().confirm(String.valueOf(again.getId())))).getCode()).isEqualTo("ALREADY_RELEASED");

        ApplicantResult after = rajeshResults.getApplicantResult(CYCLE, ITERATION, "A-2008");
        assertThat(after.getReleased()).isTrue();
        assertThat(after.getMatched()).isTrue();
        assertThat(after.getStreamId()).isEqualTo(first);
        assertThat(new ResultsApi(applicant("A-2013")).getApplicantResult(CYCLE, ITERATION, "A-2013").getStreamId()).isEqualTo(second);
        StreamMatched staffAfter = new ResultsApi(demo.bearer(ubcStaff)).getStreamMatched(CYCLE, ITERATION, ubcStream);
        assertThat(staffAfter.getReleased()).isTrue();
        assertThat(staffAfter.getApplicants()).containsExactly("A-2003");
        assertThat(new ResultsApi(demo.operator()).getStreamMatched(CYCLE, ITERATION, first).getApplicants()).containsExactly("A-2008");
        // An applicant in no list of the run is released as unmatched.
        ApplicantResult unmatched = new ResultsApi(applicant("A-2012")).getApplicantResult(CYCLE, ITERATION, "A-2012");
        assertThat(unmatched.getReleased()).isTrue();
        assertThat(unmatched.getMatched()).isFalse();
        assertThat(unmatched.getStreamId()).isNull();
        // The second iteration has no run, so nothing is released there.
        assertThat(rajeshResults.getApplicantResult(CYCLE, 2, "A-2008").getReleased()).isFalse();
    }
}
