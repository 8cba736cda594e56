package org.residencymatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.residencymatch.api.DemoApiServer.CYCLE;
import static org.residencymatch.api.DemoApiServer.failure;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.residencymatch.api.client.ApiClient;
import org.residencymatch.api.client.ApiException;
import org.residencymatch.api.client.api.ApplicantsApi;
import org.residencymatch.api.client.api.ApplicationsApi;
import org.residencymatch.api.client.api.CatalogueApi;
import org.residencymatch.api.client.api.CouplesApi;
import org.residencymatch.api.client.api.FollowUpsApi;
import org.residencymatch.api.client.api.ListsApi;
import org.residencymatch.api.client.api.MatchRunsApi;
import org.residencymatch.api.client.api.RegistrationApi;
import org.residencymatch.api.client.api.RankListsApi;
import org.residencymatch.api.client.api.ResultsApi;
import org.residencymatch.api.client.model.ApplicantCategory;
import org.residencymatch.api.client.model.ApplicantProfile;
import org.residencymatch.api.client.model.ApplicantProfileRequest;
import org.residencymatch.api.client.model.ApplicantRankListRequest;
import org.residencymatch.api.client.model.ApplicantResult;
import org.residencymatch.api.client.model.Application;
import org.residencymatch.api.client.model.ApplicationRequest;
import org.residencymatch.api.client.model.CapAnswer;
import org.residencymatch.api.client.model.CapInvitation;
import org.residencymatch.api.client.model.CapInvitationRequest;
import org.residencymatch.api.client.model.CapPool;
import org.residencymatch.api.client.model.CapPoolEntry;
import org.residencymatch.api.client.model.CatalogueEntry;
import org.residencymatch.api.client.model.Citizenship;
import org.residencymatch.api.client.model.ConfirmationRequest;
import org.residencymatch.api.client.model.Couple;
import org.residencymatch.api.client.model.CoupleProposal;
import org.residencymatch.api.client.model.CoupleRankListRequest;
import org.residencymatch.api.client.model.Decision;
import org.residencymatch.api.client.model.DeclaredProfileRequest;
import org.residencymatch.api.client.model.FactDecisionRequest;
import org.residencymatch.api.client.model.ProfileFact;
import org.residencymatch.api.client.model.Verifier;
import org.residencymatch.api.client.model.ExamResult;
import org.residencymatch.api.client.model.Fill;
import org.residencymatch.api.client.model.ListKind;
import org.residencymatch.api.client.model.ListRowReview;
import org.residencymatch.api.client.model.ListUploadPreview;
import org.residencymatch.api.client.model.ListUploadRow;
import org.residencymatch.api.client.model.MatchOutcome;
import org.residencymatch.api.client.model.MatchRun;
import org.residencymatch.api.client.model.ReleaseConfirmation;
import org.residencymatch.api.client.model.MatchRunRequest;
import org.residencymatch.api.client.model.Province;
import org.residencymatch.api.client.model.RegistrationRequest;
import org.residencymatch.api.client.model.StreamRankListRequest;
import org.residencymatch.api.client.model.StreamType;
import org.residencymatch.api.client.model.StudyStatus;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/**
 * A whole 2025-R1 cycle through the API (the generated client only), on the demo catalogue with a
 * clock walked through the calendar: 200 applicants (CMGs and IMGs, four couples) who register
 * themselves, confirm their email with the token of the emailed link, sign in for a session and declare
 * their profile, whose verified facts (citizenship, MCC exams) the operator records; the AIMG list uploaded, reviewed and committed by its partner body, program selection from
 * each applicant's catalogue, rank order lists of applicants, couples and programs (UBC's by its staff,
 * the others by the operator), the deadline, the match run, its release and the results; then the
 * second iteration, whose positions are what the first left unfilled, for an applicant the first left
 * unmatched; and last the AIMG clinical assessment placement: the pool of the AIMG list's unmatched
 * applicants, best MMI score first, the operator's invitations, an invitee who accepts and one who declines.
 */
@DatabaseTest
@Tag("long") // a whole cycle of two iterations, hundreds of people: run by .ci/run and `mvn -Plong verify`, not by `mvn verify`
class WholeCycleApiTest {

    static final LocalDateTime SELECTION = LocalDateTime.of(2024, 10, 15, 12, 0);
    static final LocalDateTime ROL_OPEN = LocalDateTime.of(2025, 1, 20, 12, 0);
    static final LocalDateTime AFTER_DEADLINE = LocalDateTime.of(2025, 2, 11, 16, 0);
    static final LocalDateTime MATCH = LocalDateTime.of(2025, 2, 20, 12, 0);
    static final LocalDateTime RELEASE = LocalDateTime.of(2025, 3, 5, 12, 0);
    static final LocalDateTime SECOND_SELECTION = LocalDateTime.of(2025, 3, 10, 12, 0);
    static final LocalDateTime SECOND_ROL_OPEN = LocalDateTime.of(2025, 3, 28, 12, 0);
    static final LocalDateTime SECOND_MATCH = LocalDateTime.of(2025, 4, 10, 12, 0);
    static final LocalDateTime SECOND_RELEASE = LocalDateTime.of(2025, 4, 18, 12, 0);

    static final int APPLICANTS = 200, IMGS = 30, ON_AIMG_LIST = 15;
    /** The provinces whose streams the CMGs choose from, by applicant number; few streams each, so they compete. */
    static final List<Province> CMG_PROVINCES = List.of(Province.ON, Province.QC, Province.BC, Province.AB, Province.MB);
    static final int STREAMS_PER_PROVINCE = 20;
    /** Couples of CMGs of the same province (same number modulo 5), by applicant number. */
    static final List<List<Integer>> COUPLES = List.of(List.of(1, 6), List.of(11, 16), List.of(21, 26), List.of(31, 36));
    /** A CMG whom no program ranks: unmatched in the first iteration, they try again in the second. */
    static final int SECOND_CHANCE = 100;
    /** An applicant on the AIMG list whom no program ranks: unmatched, so the clinical assessment pool has at least them. */
    static final int UNRANKED_AIMG = 172;
    static final String PASSWORD = "whole cycle password";

    static MutableClock clock;
    static DemoApiServer demo;
    static ApiClient operator;
    static String ubcStaff;
    final Random random = new Random(2025);
    /** Applicant number → the applicant id the service gave them at registration. */
    final String[] applicantIds = new String[APPLICANTS + 1];
    /** Applicant id → their signed-in client. */
    final Map<String, Session> sessions = new HashMap<>();
    /** Applicant → the streams they applied to in the first iteration, in applicant number order. */
    final Map<String, List<String>> applied = new LinkedHashMap<>();
    /** Stream → its faculty and quota, for every stream anyone applied to. */
    final Map<String, CatalogueEntry> streams = new TreeMap<>();
    /** Applicant → the stream they matched to in the first iteration. */
    final Map<String, String> matchedApplicants = new HashMap<>();
    /** Applicant → their MMI score on the AIMG list. */
    final Map<String, Integer> mmiScores = new HashMap<>();
    /** Couple → the pairs it ranked. */
    final Map<List<String>, List<List<String>>> couplePairs = new HashMap<>();

    static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @BeforeAll
    static void start() {
        clock = new MutableClock(SELECTION);
        demo = DemoApiServer.start(clock);
        operator = demo.operator();
        ubcStaff = demo.tokenForAccount("staff@ubc.example");
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    /** The id of applicant number n, as the service gave it at registration. */
    String id(int n) {
        return applicantIds[n];
    }

    static String email(int n) {
        return String.format(Locale.ROOT, "w-%03d@applicant.example", n);
    }

    List<List<String>> couples() {
        return COUPLES.stream().map(c -> List.of(id(c.get(0)), id(c.get(1)))).toList();
    }

    static boolean isImg(int n) {
        return n > APPLICANTS - IMGS;
    }

    static LocalDate dateOfBirth(int n) {
        return LocalDate.of(1994, 1, 1).plusDays(3L * n);
    }

    /** A session of the applicant's own client, and the time of the clock when it was opened. */
    record Session(String email, ApiClient client, LocalDateTime openedAt) {
    }

    /**
     * The applicant's own client, signed in. The clock stands still between its jumps through the
     * calendar, and each jump (weeks) is longer than a session lives when idle: an applicant coming back
     * after one signs in again, as a person would.
     */
    ApiClient as(String applicantId) throws ApiException {
        Session session = sessions.get(applicantId);
        LocalDateTime now = LocalDateTime.now(clock);
        if (!session.openedAt().equals(now)) {
            session = new Session(session.email(), demo.signIn(session.email(), PASSWORD).client(), now);
            sessions.put(applicantId, session);
        }
        return session.client();
    }

    @Test
    void aWholeCycleOfTwoIterationsThroughTheApi() throws ApiException {
        clock.set(SELECTION);
        registerApplicants();
        commitTheAimgList();
        selectPrograms();
        formCouples();

        clock.set(ROL_OPEN);
        submitApplicantAndCoupleLists();
        submitProgramLists();

        clock.set(AFTER_DEADLINE);
        String someone = id(50);
        assertThat(failure(409, () -> new RankListsApi(as(someone)).saveApplicantRankList(CYCLE, 1, someone,
                new ApplicantRankListRequest().streams(List.of()).submit(true))).getCode()).isEqualTo("OUTSIDE_PHASE");
        MatchRunsApi runs = new MatchRunsApi(operator);
        assertThat(failure(409, () -> runs.runMatch(CYCLE, 1, new MatchRunRequest().seed(2025L))).getCode()).isEqualTo("OUTSIDE_PHASE");

        clock.set(MATCH);
        MatchRun first = runs.runMatch(CYCLE, 1, new MatchRunRequest().seed(2025L));
        assertThat(first.getStable()).as(first.getBlocking()).isTrue();
        assertThat(first.getApplicants()).isEqualTo(APPLICANTS);
        assertThat(first.getMatched()).isEqualTo(first.getFilled()).isBetween(APPLICANTS / 2, APPLICANTS - 1);
        assertThat(first.getStatistics().getCmgMatched() + first.getStatistics().getImgMatched()).isEqualTo(first.getMatched());
        assertThat(first.getStatistics().getImgMatched()).isPositive();
        assertThat(new ResultsApi(as(someone)).getApplicantResult(CYCLE, 1, someone).getReleased()).isFalse();
        assertThat(failure(409,
                () -> runs.releaseMatchRun(CYCLE, 1, first.getId(), new ReleaseConfirmation().confirm(String.valueOf(first.getId()))))
                .getCode()).isEqualTo("OUTSIDE_PHASE");

        clock.set(RELEASE);
        assertThat(runs.releaseMatchRun(CYCLE, 1, first.getId(), new ReleaseConfirmation().confirm(String.valueOf(first.getId())))
                .getReleasedAt()).isNotNull();

        Map<String, List<String>> matchedTo = checkFirstIterationResults(first);

        secondIteration(first, matchedTo);
        aimgClinicalAssessmentInvitations();
    }

    /**
     * Every applicant registers, confirms their address with the token of the link emailed to them (read
     * from the outbox, as from their mailbox), signs in and declares their profile. Citizenship and the
     * MCC exam results are verified facts that applicants cannot declare: the operator records them,
     * as verified from documents and from the MCC, by correcting the profile.
     */
    private void registerApplicants() throws ApiException {
        RegistrationApi registration = new RegistrationApi(demo.anonymous());
        ApplicantsApi operatorApplicants = new ApplicantsApi(operator);
        for (int n = 1; n <= APPLICANTS; n++) {
            boolean img = isImg(n);
            registration.registerApplicant(new RegistrationRequest().email(email(n)).password(PASSWORD)
                    .givenNames("Given" + n).familyName("Family" + n).dateOfBirth(dateOfBirth(n)));
            registration.confirmRegistration(new ConfirmationRequest().token(demo.confirmationToken(email(n)).orElseThrow()));
            var signedIn = demo.signIn(email(n), PASSWORD);
            String applicantId = signedIn.session().getApplicantId();
            applicantIds[n] = applicantId;
            sessions.put(applicantId, new Session(email(n), signedIn.client(), LocalDateTime.now(clock)));

            ApplicantProfile declared = new ApplicantsApi(as(applicantId)).declareProfile(CYCLE, applicantId, new DeclaredProfileRequest()
                    .category(img ? ApplicantCategory.IMG : ApplicantCategory.CMG)
                    .studyStatus(img ? StudyStatus.GRADUATE : StudyStatus.FINAL_YEAR_STUDENT)
                    .graduationDate(img ? LocalDate.of(2022, 6, 30) : LocalDate.of(2025, 5, 30)));
            assertThat(declared.getEmail()).isEqualTo(email(n));
            ApplicantProfileRequest verified = new ApplicantProfileRequest()
                    .familyName(declared.getFamilyName()).givenNames(declared.getGivenNames()).dateOfBirth(declared.getDateOfBirth())
                    .email(declared.getEmail()).category(declared.getCategory()).studyStatus(declared.getStudyStatus())
                    .graduationDate(declared.getGraduationDate())
                    .citizenship(n % 7 == 0 ? Citizenship.PERMANENT_RESIDENT : Citizenship.CITIZEN);
            if (img) verified.mccqe1(ExamResult.PASSED).nac(ExamResult.PASSED);
            assertThat(operatorApplicants.putApplicantWithHttpInfo(CYCLE, applicantId, verified).getStatusCode()).isEqualTo(200);
            // The operator records the facts verified from documents, and the MCC's results (the category blocks until it is verified).
            for (ProfileFact fact : img
                    ? List.of(ProfileFact.CATEGORY, ProfileFact.CITIZENSHIP, ProfileFact.DEGREE, ProfileFact.MCC_EXAMS)
                    : List.of(ProfileFact.CATEGORY, ProfileFact.CITIZENSHIP, ProfileFact.DEGREE)) {
                operatorApplicants.decideFact(CYCLE, applicantId, fact,
                        new FactDecisionRequest().decision(FactDecisionRequest.DecisionEnum.ACCEPTED)
                                .verifier(fact == ProfileFact.MCC_EXAMS ? Verifier.MCC : Verifier.OPERATOR));
            }
        }
        assertThat(new HashSet<>(Arrays.asList(applicantIds).subList(1, APPLICANTS + 1))).hasSize(APPLICANTS);
    }

    /**
     * The AIMG Program uploads its list: the first IMGs by applicant id (matched without review) and
     * one by name and date of birth only (probable: confirmed by a person), then commits it.
     */
    private void commitTheAimgList() throws ApiException {
        StringBuilder csv = new StringBuilder("Applicant ID,Family name,Given names,Date of birth,MMI score\n");
        int firstImg = APPLICANTS - IMGS + 1, byNameOnly = firstImg + ON_AIMG_LIST - 1;
        for (int n = firstImg; n <= byNameOnly; n++) {
            csv.append(n == byNameOnly ? "" : id(n)).append(",Family").append(n).append(",Given").append(n).append(',')
                    .append(dateOfBirth(n)).append(',').append(60 + n % 40).append('\n');
            mmiScores.put(id(n), 60 + n % 40);
        }
        String partner = demo.tokenForAccount("aimg@partner.example");
        ListsApi lists = new ListsApi(demo.bearer(partner));
        new ListsApi(demo.uploading(partner, csv.toString().getBytes(StandardCharsets.UTF_8))).uploadListWithHttpInfo(CYCLE, ListKind.AIMG,
                new java.io.File("aimg.csv"), "aimg.csv", null, null);
        ListUploadPreview draft = lists.listUploads(CYCLE, ListKind.AIMG).getUploads().stream()
                .filter(u -> u.getStatus() == ListUploadPreview.StatusEnum.DRAFT).findFirst().orElseThrow();
        assertThat(draft.getRows()).isEqualTo(ON_AIMG_LIST);
        assertThat(draft.getAwaitingReview()).isEqualTo(1);
        assertThat(draft.getAdded()).hasSize(ON_AIMG_LIST - 1).doesNotContain(id(byNameOnly));

        ListUploadRow probable = lists.listUploadRows(CYCLE, ListKind.AIMG, draft.getUploadId(), MatchOutcome.PROBABLE, null, null)
                .getRows().get(0);
        assertThat(probable.getCandidates()).containsExactly(id(byNameOnly));
        ListUploadPreview reviewed = lists.reviewListUploadRow(CYCLE, ListKind.AIMG, draft.getUploadId(), probable.getRow(),
                new ListRowReview().decision(ListRowReview.DecisionEnum.CONFIRM).applicantId(id(byNameOnly)));
        assertThat(reviewed.getAwaitingReview()).isZero();
        assertThat(reviewed.getAdded()).hasSize(ON_AIMG_LIST).contains(id(byNameOnly));
        assertThat(lists.commitListUpload(CYCLE, ListKind.AIMG, draft.getUploadId()).getVersion()).isEqualTo(2);

        // On the list, Alberta's IMG streams become selectable for them; not for the IMGs left off it.
        CatalogueApi catalogue = new CatalogueApi(operator);
        assertThat(catalogue.getCatalogue(CYCLE, id(byNameOnly), Province.AB, null, StreamType.IMG, Decision.SELECTABLE, null, 1, 1, 5)
                .getTotal()).isPositive();
        assertThat(catalogue.getCatalogue(CYCLE, id(APPLICANTS), Province.AB, null, StreamType.IMG, Decision.SELECTABLE, null, 1, 1, 5)
                .getTotal()).isZero();
    }

    /** Each applicant applies to 5 to 7 streams chosen from their own catalogue's selectable streams. */
    private void selectPrograms() throws ApiException {
        for (int n = 1; n <= APPLICANTS; n++) {
            String applicantId = id(n);
            CatalogueApi catalogue = new CatalogueApi(as(applicantId));
            List<CatalogueEntry> choices = new ArrayList<>();
            if (!isImg(n)) {
                choices.addAll(selectable(catalogue, applicantId, CMG_PROVINCES.get(n % CMG_PROVINCES.size()), null));
            } else {
                if (n <= APPLICANTS - IMGS + ON_AIMG_LIST) choices.addAll(selectable(catalogue, applicantId, Province.AB, StreamType.IMG));
                choices.addAll(selectable(catalogue, applicantId, Province.ON, StreamType.IMG));
            }
            assertThat(choices).as("selectable streams of %s", applicantId).hasSizeGreaterThanOrEqualTo(10);
            Collections.shuffle(choices, random);
            List<CatalogueEntry> chosen = choices.subList(0, 5 + random.nextInt(3));
            ApplicationsApi applications = new ApplicationsApi(as(applicantId));
            for (CatalogueEntry entry : chosen) {
                applications.apply(CYCLE, 1, applicantId, new ApplicationRequest().streamId(entry.getStream().getId()));
                streams.put(entry.getStream().getId(), entry);
            }
            List<String> ids = chosen.stream().map(e -> e.getStream().getId()).toList();
            if (n % 50 == 1) {
                assertThat(applications.listApplications(CYCLE, 1, applicantId).getApplications())
                        .extracting(Application::getStreamId).containsExactlyInAnyOrderElementsOf(ids);
            }
            applied.put(applicantId, ids);
        }
    }

    /** The first streams with positions of a province and type that are selectable for the applicant. */
    private static List<CatalogueEntry> selectable(CatalogueApi catalogue, String applicantId, Province province, StreamType type)
            throws ApiException {
        return catalogue.getCatalogue(CYCLE, applicantId, province, null, type, Decision.SELECTABLE, null, 1, 1, 100).getItems().stream()
                .filter(e -> e.getStream().getQuota() > 0).limit(STREAMS_PER_PROVINCE).toList();
    }

    private void formCouples() throws ApiException {
        for (List<String> couple : couples()) {
            String a = couple.get(0), b = couple.get(1);
            Couple proposed = new CouplesApi(as(a)).proposeCouple(CYCLE, 1, a, new CoupleProposal().partnerApplicantId(b));
            assertThat(new CouplesApi(as(b)).acceptCouple(CYCLE, 1, b, proposed.getId()).getStatus()).isEqualTo(Couple.StatusEnum.ACTIVE);
        }
    }

    private long coupleId(String applicantId) throws ApiException {
        return new CouplesApi(as(applicantId)).listCouples(CYCLE, 1, applicantId).getCouples().stream()
                .filter(c -> c.getStatus() == Couple.StatusEnum.ACTIVE).findFirst().orElseThrow().getId();
    }

    private void submitApplicantAndCoupleLists() throws ApiException {
        Set<String> inCouples = new HashSet<>();
        for (List<String> couple : couples()) {
            String a = couple.get(0), b = couple.get(1);
            inCouples.addAll(couple);
            List<String> as = applied.get(a), bs = applied.get(b);
            List<List<String>> pairs = new ArrayList<>();
            for (int i = 0; i < Math.min(as.size(), bs.size()); i++) pairs.add(List.of(as.get(i), bs.get(i)));
            pairs.add(Arrays.asList(as.get(0), null));
            couplePairs.put(couple, pairs);
            var saved = new RankListsApi(as(b)).saveCoupleRankList(CYCLE, 1, b, coupleId(b),
                    new CoupleRankListRequest().pairs(pairs).submit(true));
            assertThat(saved.getInForce().getEntries()).hasSize(pairs.size());
        }
        for (var e : applied.entrySet()) {
            if (inCouples.contains(e.getKey())) continue;
            List<String> ranked = new ArrayList<>(e.getValue());
            Collections.shuffle(ranked, random);
            var saved = new RankListsApi(as(e.getKey())).saveApplicantRankList(CYCLE, 1, e.getKey(),
                    new ApplicantRankListRequest().streams(ranked).submit(true));
            assertThat(saved.getUnsubmittedChanges()).isFalse();
        }
    }

    /** Every stream ranks all its applicants but one, in an order of its own: UBC's staff rank UBC's streams, the operator the rest. */
    private void submitProgramLists() throws ApiException {
        RankListsApi staff = new RankListsApi(demo.bearer(ubcStaff)), everyStream = new RankListsApi(operator);
        boolean staffRanked = false;
        for (var entry : streams.entrySet()) {
            boolean ubc = entry.getValue().getStream().getFacultyId().equals("UBC");
            RankListsApi lists = ubc ? staff : everyStream;
            staffRanked |= ubc;
            List<String> applicants = new ArrayList<>(lists.listStreamApplicants(CYCLE, 1, entry.getKey()).getApplicants());
            applicants.removeAll(List.of(id(SECOND_CHANCE), id(UNRANKED_AIMG)));
            Collections.shuffle(applicants, random);
            lists.saveStreamRankList(CYCLE, 1, entry.getKey(), new StreamRankListRequest().applicants(applicants).submit(true));
        }
        assertThat(staffRanked).as("UBC staff ranked at least one stream").isTrue();
    }

    /** Every applicant sees their result; every stream its matched applicants, within its quota. Returns stream → matched. */
    private Map<String, List<String>> checkFirstIterationResults(MatchRun run) throws ApiException {
        Map<String, String> results = matchedApplicants;
        for (var e : applied.entrySet()) {
            ApplicantResult result = new ResultsApi(as(e.getKey())).getApplicantResult(CYCLE, 1, e.getKey());
            assertThat(result.getReleased()).isTrue();
            assertThat(result.getMatched()).isEqualTo(result.getStreamId() != null);
            if (result.getMatched()) {
                assertThat(e.getValue()).as("%s matched to a stream they applied to", e.getKey()).contains(result.getStreamId());
                results.put(e.getKey(), result.getStreamId());
            }
        }
        assertThat(results).hasSize(run.getMatched()).doesNotContainKeys(id(SECOND_CHANCE), id(UNRANKED_AIMG));
        for (var couple : couplePairs.entrySet()) {
            List<String> outcome = Arrays.asList(results.get(couple.getKey().get(0)), results.get(couple.getKey().get(1)));
            assertThat(outcome).as("couple %s matches to one of its pairs, or not at all", couple.getKey())
                    .isIn(concat(couple.getValue(), List.of(Arrays.asList(null, null))));
        }
        Map<String, List<String>> matchedTo = new LinkedHashMap<>();
        ResultsApi staff = new ResultsApi(demo.bearer(ubcStaff)), everyStream = new ResultsApi(operator);
        for (var entry : streams.entrySet()) {
            var matched = (entry.getValue().getStream().getFacultyId().equals("UBC") ? staff : everyStream).getStreamMatched(CYCLE, 1,
                    entry.getKey());
            assertThat(matched.getReleased()).isTrue();
            assertThat(matched.getApplicants()).hasSizeLessThanOrEqualTo(entry.getValue().getStream().getQuota())
                    .allSatisfy(a -> assertThat(results.get(a)).isEqualTo(entry.getKey()));
            matchedTo.put(entry.getKey(), matched.getApplicants());
        }
        assertThat(matchedTo.values().stream().mapToInt(List::size).sum()).isEqualTo(run.getMatched());
        return matchedTo;
    }

    /**
     * The second iteration offers what the first left unfilled: to the applicant the first left
     * unmatched, a stream the first filled shows no position left and is not selectable
     * ({@code NO_POSITIONS_LEFT}, and applying is refused in the reader's language), one it left open
     * shows its whole quota; they apply to the open one and match there.
     */
    private void secondIteration(MatchRun first, Map<String, List<String>> matchedTo) throws ApiException {
        clock.set(SECOND_SELECTION);
        String applicantId = id(SECOND_CHANCE);
        assertThat(new ResultsApi(as(applicantId)).getApplicantResult(CYCLE, 1, applicantId).getMatched()).isFalse();
        CatalogueApi catalogue = new CatalogueApi(as(applicantId));
        List<CatalogueEntry> all = catalogue.getCatalogue(CYCLE, applicantId, null, null, null, null, null, 2, 1, 1000).getItems();
        Map<String, CatalogueEntry> byId = new HashMap<>();
        all.forEach(e -> byId.put(e.getStream().getId(), e));
        // Filled in the first iteration, and open to this applicant by the rules (not a CMG-only stream, say).
        String filled = matchedTo.entrySet().stream()
                .filter(e -> e.getValue().size() == streams.get(e.getKey()).getStream().getQuota())
                .map(Map.Entry::getKey)
                .filter(id -> byId.get(id).getReasons().stream().allMatch(r -> r.getCode().equals("NO_POSITIONS_LEFT")))
                .findFirst().orElseThrow(() -> new AssertionError("no stream open to " + applicantId + " was filled"));
        CatalogueEntry full = byId.get(filled);
        assertThat(full.getDecision()).isEqualTo(Decision.NOT_ELIGIBLE);
        assertThat(full.getPositions().getLeft()).isZero();
        assertThat(full.getPositions().getQuota()).isEqualTo(matchedTo.get(filled).size());
        assertThat(catalogue.explainEligibility(CYCLE, applicantId, filled, 2).getDecision()).isEqualTo(Decision.NOT_ELIGIBLE);
        String open = all.stream().filter(e -> e.getDecision() == Decision.SELECTABLE && !streams.containsKey(e.getStream().getId()))
                .findFirst().orElseThrow().getStream().getId();
        assertThat(byId.get(open).getPositions().getLeft()).isEqualTo(byId.get(open).getPositions().getQuota()).isPositive();

        ApplicationsApi applications = new ApplicationsApi(as(applicantId));
        assertThatThrownBy(() -> applications.apply(CYCLE, 2, applicantId, new ApplicationRequest().streamId(filled),
                Map.of("Accept-Language", "fr-CA,fr;q=0.9")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getResponseBody()).contains("NOT_SELECTABLE").contains("n'a plus de poste");
                });
        applications.apply(CYCLE, 2, applicantId, new ApplicationRequest().streamId(open));
        assertThat(applications.listApplications(CYCLE, 2, applicantId).getApplications()).extracting(Application::getStreamId)
                .containsExactly(open);

        clock.set(SECOND_ROL_OPEN);
        new RankListsApi(as(applicantId)).saveApplicantRankList(CYCLE, 2, applicantId,
                new ApplicantRankListRequest().streams(List.of(open)).submit(true));
        RankListsApi lists = new RankListsApi(operator);
        assertThat(lists.listStreamApplicants(CYCLE, 2, filled).getApplicants()).isEmpty();
        assertThat(lists.listStreamApplicants(CYCLE, 2, open).getApplicants()).containsExactly(applicantId);
        lists.saveStreamRankList(CYCLE, 2, open, new StreamRankListRequest().applicants(List.of(applicantId)).submit(true));

        clock.set(SECOND_MATCH);
        MatchRunsApi runs = new MatchRunsApi(operator);
        MatchRun second = runs.runMatch(CYCLE, 2, new MatchRunRequest().seed(2025L));
        assertThat(second.getStable()).isTrue();
        assertThat(second.getPositions()).isEqualTo(first.getPositions() - first.getFilled());
        assertThat(second.getApplicants()).isEqualTo(1);
        assertThat(second.getMatched()).isEqualTo(1);
        Map<String, Fill> before = first.getStatistics().getByProvince(), after = second.getStatistics().getByProvince();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((province, fill) -> assertThat(after.get(province).getPositions()).as(province)
                .isEqualTo(fill.getPositions() - fill.getFilled()));
        assertThat(new ResultsApi(as(applicantId)).getApplicantResult(CYCLE, 2, applicantId).getReleased()).isFalse();

        clock.set(SECOND_RELEASE);
        runs.releaseMatchRun(CYCLE, 2, second.getId(), new ReleaseConfirmation().confirm(String.valueOf(second.getId())));
        ApplicantResult result = new ResultsApi(as(applicantId)).getApplicantResult(CYCLE, 2, applicantId);
        assertThat(result.getMatched()).isTrue();
        assertThat(result.getStreamId()).as("the stream filled in the first iteration offers no position").isEqualTo(open);
        assertThat(new ResultsApi(operator).getStreamMatched(CYCLE, 2, filled).getApplicants()).isEmpty();
        assertThat(new ResultsApi(operator).getStreamMatched(CYCLE, 2, open).getApplicants()).containsExactly(applicantId);
        assertThat(new ResultsApi(operator).getStreamMatched(CYCLE, 1, filled).getApplicants()).isEqualTo(matchedTo.get(filled));
        assertThat(new ResultsApi(as(applicantId)).getApplicantResult(CYCLE, 1, applicantId).getMatched())
                .as("the first iteration's result stays").isFalse();
    }

    /**
     * After release, the pool is everyone on the AIMG list whom neither iteration matched, best MMI
     * score first, as the operator and the AIMG Program see it; the operator invites the first three
     * within a limit of three; one accepts, one declines, one has not answered yet, and everyone sees
     * the status.
     */
    private void aimgClinicalAssessmentInvitations() throws ApiException {
        FollowUpsApi followUps = new FollowUpsApi(operator);
        List<String> expected = mmiScores.keySet().stream().filter(a -> !matchedApplicants.containsKey(a))
                .sorted(Comparator.comparing((String a) -> -mmiScores.get(a)).thenComparing(a -> a)).toList();
        assertThat(expected).contains(id(UNRANKED_AIMG));
        CapPool pool = followUps.getCapPool(CYCLE);
        assertThat(pool.getPool()).extracting(CapPoolEntry::getApplicantId).containsExactlyElementsOf(expected);
        assertThat(pool.getPool()).allSatisfy(e -> assertThat(e.getMmiScore().intValue()).isEqualTo(mmiScores.get(e.getApplicantId())));
        assertThat(new FollowUpsApi(demo.bearer(demo.tokenForAccount("aimg@partner.example"))).getCapPool(CYCLE)).isEqualTo(pool);

        List<String> invitees = expected.subList(0, Math.min(3, expected.size()));
        String respondBy = SECOND_RELEASE.plusDays(10).toString();
        CapPool invited = followUps.inviteToCap(CYCLE, new CapInvitationRequest().applicantIds(invitees).respondBy(respondBy).limit(3));
        assertThat(invited.getInvited()).isEqualTo(invitees.size());
        if (expected.size() > invitees.size()) {
            assertThat(failure(409, () -> followUps.inviteToCap(CYCLE, new CapInvitationRequest().applicantIds(List.of(expected.get(3)))
                    .respondBy(respondBy).limit(3))).getCode()).isEqualTo("LIMIT_REACHED");
        }
        String someoneMatched = matchedApplicants.keySet().iterator().next();
        assertThat(DemoApiServer.notFound(() -> new FollowUpsApi(as(someoneMatched)).getCapInvitation(CYCLE, someoneMatched)).getCode())
                .isEqualTo("NOT_FOUND");

        Map<String, CapInvitation.StatusEnum> answers = new LinkedHashMap<>();
        for (int i = 0; i < invitees.size(); i++) {
            String invitee = invitees.get(i);
            FollowUpsApi own = new FollowUpsApi(as(invitee));
            assertThat(own.getCapInvitation(CYCLE, invitee).getStatus()).isEqualTo(CapInvitation.StatusEnum.INVITED);
            CapInvitation.StatusEnum status = i == 0
                    ? own.answerCapInvitation(CYCLE, invitee, new CapAnswer().accept(true)).getStatus()
                    : i == 1
                            ? own.answerCapInvitation(CYCLE, invitee, new CapAnswer().accept(false)).getStatus()
                            : CapInvitation.StatusEnum.INVITED;
            answers.put(invitee, status);
        }
        assertThat(answers.values()).startsWith(CapInvitation.StatusEnum.ACCEPTED);
        for (CapPoolEntry entry : followUps.getCapPool(CYCLE).getPool()) {
            CapInvitation.StatusEnum answer = answers.get(entry.getApplicantId());
            assertThat(entry.getStatus()).as(entry.getApplicantId()).isEqualTo(answer == null ? null : answer.getValue());
        }
    }
}
