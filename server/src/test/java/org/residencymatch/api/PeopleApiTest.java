package org.residencymatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.residencymatch.api.DemoApiServer.CYCLE;
import static org.residencymatch.api.DemoApiServer.failure;
import static org.residencymatch.api.DemoApiServer.invalidField;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.residencymatch.api.client.ApiException;
import org.residencymatch.api.client.api.ApplicantsApi;
import org.residencymatch.api.client.api.ApplicationsApi;
import org.residencymatch.api.client.api.RankListsApi;
import org.residencymatch.api.client.model.ApplicantRankListRequest;
import org.residencymatch.api.client.model.ApplicantSearchHit;
import org.residencymatch.api.client.model.ApplicantSearchResults;
import org.residencymatch.api.client.model.ApplicationRequest;
import org.residencymatch.api.client.model.RankListEntry;
import org.residencymatch.api.client.model.RankLists;
import org.residencymatch.api.client.model.ReceiptCheck;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/** The operator finds applicants by name, id, email and MINC, and checks rank order list receipts, through the API. */
@DatabaseTest
class PeopleApiTest {

    static final LocalDateTime SELECTION = LocalDateTime.of(2024, 10, 15, 12, 0);
    static final LocalDateTime ROL_OPEN = LocalDateTime.of(2025, 1, 20, 12, 0);
    /** Ontario IMG streams (Anesthesiology at McMaster and Ottawa). */
    static final String ON_IMG_A = "27039", ON_IMG_B = "26697";

    static MutableClock clock;
    static DemoApiServer demo;

    @BeforeAll
    static void start() {
        clock = new MutableClock(SELECTION);
        demo = DemoApiServer.start(clock);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static List<String> ids(ApplicantSearchResults results) {
        return results.getApplicants().stream().map(ApplicantSearchHit::getApplicantId).toList();
    }

    @Test
    void aNameIsFoundWithOrWithoutItsAccentsInAnyCaseAndInAnyOrder() throws ApiException {
        ApplicantsApi operator = new ApplicantsApi(demo.operator());
        // Jean-François Lévesque (A-2004); Siobhán O'Brien-Lévesque (A-2013) shares a family name.
        assertThat(ids(operator.searchApplicants(CYCLE, "Francois Levesque", null, null))).containsExactly("A-2004");
        assertThat(ids(operator.searchApplicants(CYCLE, "LÉVESQUE jean-françois", null, null))).containsExactly("A-2004");
        assertThat(ids(operator.searchApplicants(CYCLE, "levesq", null, null))).as("by name, given names first")
                .containsExactly("A-2004", "A-2013");
        ApplicantSearchHit hit = operator.searchApplicants(CYCLE, "fran lev", null, null).getApplicants().get(0);
        assertThat(hit.getFamilyName()).isEqualTo("Lévesque");
        assertThat(hit.getGivenNames()).isEqualTo("Jean-François");
        assertThat(hit.getCategory()).isEqualTo("IMG");
        // A word must start a name: "vesque" is inside one, not at its start.
        assertThat(operator.searchApplicants(CYCLE, "vesque", null, null).getApplicants()).isEmpty();
        assertThat(operator.searchApplicants(CYCLE, "Francois Zzz", null, null).getApplicants()).as("every word must match").isEmpty();
    }

    @Test
    void anApplicantIsFoundByTheirIdEmailOrMincWithoutRegardToCaseOrDashes() throws ApiException {
        ApplicantsApi operator = new ApplicantsApi(demo.operator());
        ApplicantSearchHit byId = operator.searchApplicants(CYCLE, "a-2004", null, null).getApplicants().get(0);
        assertThat(byId.getApplicantId()).isEqualTo("A-2004");
        assertThat(byId.getMinc()).startsWith("CAMD-");
        assertThat(ids(operator.searchApplicants(CYCLE, byId.getEmail().toUpperCase(java.util.Locale.ROOT), null, null)))
                .containsExactly("A-2004");
        assertThat(ids(operator.searchApplicants(CYCLE, byId.getMinc().replace("-", "").toLowerCase(java.util.Locale.ROOT), null, null)))
                .containsExactly("A-2004");
        assertThat(ids(operator.searchApplicants(CYCLE, byId.getMinc(), null, null))).containsExactly("A-2004");
    }

    @Test
    void resultsComeByBoundedPagesThatDoNotOverlap() throws ApiException {
        ApplicantsApi operator = new ApplicantsApi(demo.operator());
        // Every demo applicant's email ends the same way, but a search by email is exact: use names starting with "m".
        ApplicantSearchResults all = operator.searchApplicants(CYCLE, "m", 0, 100);
        assertThat(all.getApplicants()).hasSizeGreaterThan(3);
        List<String> paged = new ArrayList<>();
        int offset = 0;
        ApplicantSearchResults page;
        do {
            page = operator.searchApplicants(CYCLE, "m", offset, 2);
            assertThat(page.getApplicants()).hasSizeLessThanOrEqualTo(2);
            paged.addAll(ids(page));
            offset += 2;
        } while (page.getMore());
        assertThat(paged).isEqualTo(ids(all));
        invalidField("limit", () -> operator.searchApplicants(CYCLE, "m", 0, 101));
        invalidField("q", () -> operator.searchApplicants(CYCLE, " ", null, null));
        invalidField("q", () -> operator.searchApplicants(CYCLE, "x".repeat(201), null, null));
    }

    @Test
    void onlyTheOperatorSearches() throws ApiException {
        ApplicantsApi amira = new ApplicantsApi(demo.bearer(demo.tokenForApplicant("A-2001")));
        assertThat(failure(403, () -> amira.searchApplicants(CYCLE, "Haddad", null, null)).getCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void theOperatorChecksAReceiptCodeAgainstTheSubmittedVersionItBelongsTo() throws ApiException {
        clock.set(SELECTION);
        ApplicationsApi applications = new ApplicationsApi(demo.bearer(demo.tokenForApplicant("A-2001")));
        applications.apply(CYCLE, 1, "A-2001", new ApplicationRequest().streamId(ON_IMG_A));
        applications.apply(CYCLE, 1, "A-2001", new ApplicationRequest().streamId(ON_IMG_B));
        clock.set(ROL_OPEN);
        RankListsApi lists = new RankListsApi(demo.bearer(demo.tokenForApplicant("A-2001")));
        RankLists first = lists.saveApplicantRankList(CYCLE, 1, "A-2001",
                new ApplicantRankListRequest().streams(List.of(ON_IMG_A, ON_IMG_B)).submit(true));
        RankLists draft = lists.saveApplicantRankList(CYCLE, 1, "A-2001", new ApplicantRankListRequest().streams(List.of(ON_IMG_B)));
        RankLists second = lists.saveApplicantRankList(CYCLE, 1, "A-2001",
                new ApplicantRankListRequest().streams(List.of(ON_IMG_B, ON_IMG_A)).submit(true));
        String firstCode = first.getInForce().getReceiptCode();
        String secondCode = second.getInForce().getReceiptCode();
        assertThat(firstCode).matches("[A-Z2-7]{5}-[A-Z2-7]{5}");
        assertThat(secondCode).matches("[A-Z2-7]{5}-[A-Z2-7]{5}").isNotEqualTo(firstCode);
        assertThat(draft.getLatest().getReceiptCode()).as("a draft has no receipt").isNull();

        RankListsApi operator = new RankListsApi(demo.operator());
        ReceiptCheck older = operator.checkRankListReceipt(CYCLE, 1, firstCode.toLowerCase(java.util.Locale.ROOT), "APPLICANT", "A-2001");
        assertThat(older.getMatches()).isTrue();
        assertThat(older.getVersion()).isEqualTo(1);
        assertThat(older.getEntries()).extracting(RankListEntry::getItem).containsExactly(ON_IMG_A, ON_IMG_B);
        ReceiptCheck newer = operator.checkRankListReceipt(CYCLE, 1, secondCode, "APPLICANT", "A-2001");
        assertThat(newer.getVersion()).as("the submission over the draft took the draft's number: no gap the applicant sees").isEqualTo(2);
        assertThat(newer.getSavedAt()).isEqualTo(second.getInForce().getSavedAt());

        // One character changed, another owner, another iteration: no version matches.
        String altered = (secondCode.charAt(0) == 'A' ? "B" : "A") + secondCode.substring(1);
        for (ReceiptCheck none : List.of(operator.checkRankListReceipt(CYCLE, 1, altered, "APPLICANT", "A-2001"),
                operator.checkRankListReceipt(CYCLE, 1, secondCode, "APPLICANT", "A-2002"),
                operator.checkRankListReceipt(CYCLE, 2, secondCode, "APPLICANT", "A-2001"))) {
            assertThat(none.getMatches()).isFalse();
            assertThat(none.getVersion()).isNull();
            assertThat(none.getEntries()).isNull();
        }
        invalidField("code", () -> operator.checkRankListReceipt(CYCLE, 1, "ABC", "APPLICANT", "A-2001"));
        invalidField("ownerKind", () -> operator.checkRankListReceipt(CYCLE, 1, secondCode, "PROGRAM", "A-2001"));
        invalidField("ownerId", () -> operator.checkRankListReceipt(CYCLE, 1, secondCode, "COUPLE", "A-2001"));
        RankListsApi amira = new RankListsApi(demo.bearer(demo.tokenForApplicant("A-2001")));
        failure(403, () -> amira.checkRankListReceipt(CYCLE, 1, secondCode, "APPLICANT", "A-2001"));
    }
}
