package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.application.RankListService;
import org.residencymatch.application.RankLists;
import org.residencymatch.catalogue.CatalogueFilter;
import org.residencymatch.demo.DemoData;
import org.residencymatch.eligibility.Decision;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/**
 * The single rank order list editor without JavaScript (issue #16, point 1): ranks are numbered, a move
 * keeps its item (for the focus) and is announced, moves not saved are shown as an unsaved draft and
 * never under an "in force" status, the page is never stored by the browser, and versions count without
 * gaps however many drafts were saved in between.
 */
@DatabaseTest
class RankListPagesTest {

    static final String AMIRA = "A-2001";
    static final MutableClock clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));
    @RegisterExtension
    static final TestServer web = TestServer.demo(clock);
    static List<String> streams;

    @BeforeAll
    static void applied() {
        streams = selectable(web, AMIRA, 3);
        assertThat(streams).hasSize(3);
        streams.forEach(s -> web.services().applications().apply(DemoData.CYCLE, 1, AMIRA, s, "test"));
        clock.set(LocalDateTime.of(2025, 1, 20, 12, 0));
    }

    /** Each test starts from a submitted list, in the order applied. */
    @BeforeEach
    void submitted() {
        web.services().rankLists().saveApplicantList(DemoData.CYCLE, 1, AMIRA, streams, true, "test");
    }

    static List<String> selectable(TestServer web, String applicantId, int count) {
        return web.services().catalogue()
                .catalogue(DemoData.CYCLE, applicantId, 1, new CatalogueFilter(null, null, null, Decision.SELECTABLE, null), 1, count)
                .entries().stream().map(e -> e.stream().streamId()).toList();
    }

    static BrowserlessSession signedIn(String applicantId) throws Exception {
        BrowserlessSession session = new BrowserlessSession(web.port());
        session.signIn(web.services().profiles().identity(applicantId).orElseThrow().email(), DemoData.PASSWORD);
        return session;
    }

    static String status(String page) {
        Matcher m = Pattern.compile("<div id=\"rank-status\">(.*?)</div>\\s*(<p class=\"receipt-link\"|<form)", Pattern.DOTALL)
                .matcher(page);
        assertThat(m.find()).as("the page has a status").isTrue();
        return m.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
    }

    static RankLists lists() {
        return web.services().rankLists().lists(DemoData.CYCLE, 1, RankListService.APPLICANT, AMIRA);
    }

    @Test
    void ranksAreNumberedAndThePageIsNeverStored() throws Exception {
        BrowserlessSession amira = signedIn(AMIRA);
        HttpResponse<String> page = amira.get("/applicant/rank-list");
        assertThat(page.headers().firstValue("Cache-Control")).as("Back and F5 ask the server again").hasValue("no-store");
        for (int rank = 1; rank <= 3; rank++) {
            assertThat(page.body()).contains("<li id=\"rank-" + rank + "\" data-item=\"" + streams.get(rank - 1) + "\"")
                    .contains("<span class=\"rank-number\" data-rank-number>" + rank + "</span>");
        }
    }

    @Test
    void aMoveKeepsItsItemForTheFocusAndIsShownAsAnUnsavedDraftNeverAsInForce() throws Exception {
        BrowserlessSession amira = signedIn(AMIRA);
        String before = amira.get("/applicant/rank-list").body();
        assertThat(status(before)).startsWith("Your list is submitted (version ");

        HttpResponse<String> moved = amira.postFields("/applicant/rank-list", "iteration", "1",
                "item", streams.get(0), "item", streams.get(1), "item", streams.get(2), "action", "down:" + streams.get(0));
        String location = moved.headers().firstValue("Location").orElseThrow();
        assertThat(location).as("the moved item and its new place").contains("moved=" + streams.get(0)).contains("dir=down")
                .as("the browser lands on its ↓ at its new place").endsWith("#down-2");

        HttpResponse<String> shown = amira.get(location);
        assertThat(shown.headers().firstValue("Cache-Control")).hasValue("no-store");
        String status = status(shown.body());
        assertThat(status).startsWith("Draft: your changes below are NOT saved yet.")
                .contains("now rank 2 of 3, not saved yet.")
                .contains("the match uses your list in force, version " + lists().inForce().orElseThrow().version())
                .doesNotContain("Your list is submitted").doesNotContain("It is the one the match will use");
        assertThat(shown.body()).contains("data-focus=\"" + streams.get(0) + "\"")
                .contains("<li id=\"rank-2\" data-item=\"" + streams.get(0) + "\"");
        assertThat(lists().latest().orElseThrow().submitted()).as("a move saves nothing").isTrue();
    }

    @Test
    void afterAMoveTheBrowserLandsOnTheButtonPressedOrOnTheOtherOneAtTheTopOrTheBottom() {
        assertThat(RankListEditor.focusTarget("down", 2, 3)).isEqualTo("down-2");
        assertThat(RankListEditor.focusTarget("down", 3, 3)).as("↓ is disabled at the bottom").isEqualTo("up-3");
        assertThat(RankListEditor.focusTarget("up", 1, 3)).as("↑ is disabled at the top").isEqualTo("down-1");
        assertThat(RankListEditor.focusTarget("up", 2, 3)).isEqualTo("up-2");
    }

    @Test
    void aHandMadeFormWithAStreamNeverAppliedToIsRefusedWith400AndSavesNothing() throws Exception {
        BrowserlessSession amira = signedIn(AMIRA);
        amira.get("/applicant/rank-list");
        int versionBefore = lists().latest().orElseThrow().version();
        HttpResponse<String> saved = amira.postFields("/applicant/rank-list", "iteration", "1",
                "item", streams.get(0), "item", "NOT-A-STREAM", "action", "save");
        assertThat(saved.statusCode()).as("not a 500").isEqualTo(400);
        assertThat(saved.body()).contains("<html lang=\"en\"").doesNotContain("IllegalArgumentException");
        assertThat(lists().latest().orElseThrow().version()).isEqualTo(versionBefore);
    }

    @Test
    void removingTheLastRankShowsAnEmptyUnsavedListNotTheSavedOne() throws Exception {
        BrowserlessSession amira = signedIn(AMIRA);
        amira.get("/applicant/rank-list");
        String location = amira
                .postFields("/applicant/rank-list", "iteration", "1", "item", streams.get(0), "action", "remove:" + streams.get(0))
                .headers().firstValue("Location").orElseThrow();
        String shown = amira.get(location).body();
        assertThat(shown).doesNotContain("data-rank-number>1<").contains("Your list is empty");
        assertThat(status(shown)).startsWith("Draft: your changes below are NOT saved yet.");
    }

    @Test
    void versionsCountSubmissionsWithoutGapsHoweverManyDraftsWereSaved() throws Exception {
        int first = lists().inForce().orElseThrow().version();
        BrowserlessSession amira = signedIn(AMIRA);
        amira.get("/applicant/rank-list");
        List<String> reversed = List.of(streams.get(2), streams.get(1), streams.get(0));
        for (int drag = 0; drag < 4; drag++) {
            List<String> order = drag % 2 == 0 ? reversed : streams;
            amira.postFields("/applicant/rank-list", "iteration", "1", "item", order.get(0), "item", order.get(1), "item", order.get(2),
                    "action", "save");
        }
        assertThat(lists().latest().orElseThrow().version()).as("four drafts, one version").isEqualTo(first + 1);
        String draft = amira.get("/applicant/rank-list").body();
        // The time sits in brackets: the sentence never ends in "p.m.." however the time is written.
        assertThat(status(draft)).isEqualTo("You have changes that are NOT submitted. The list in force is version " + first
                + " (submitted "
                + Messages.of("en").inZone(java.time.ZoneId.of("America/Toronto")).dateTime(lists().inForce().orElseThrow().savedAt())
                + "). Submit to make your changes count.");

        amira.postFields("/applicant/rank-list", "iteration", "1", "item", reversed.get(0), "item", reversed.get(1), "item",
                reversed.get(2), "action", "submit");
        assertThat(lists().inForce().orElseThrow().version()).isEqualTo(first + 1);
        String submitted = amira.get("/applicant/rank-list").body();
        assertThat(status(submitted)).startsWith("Your list is submitted (version " + (first + 1) + ",").doesNotContain("..");
        assertThat(submitted).contains("/applicant/rank-list/receipt?iteration=1&version=" + (first + 1));
    }

    @Test
    void inFrenchTheUnsavedDraftAndTheMoveAreSaidInFrench() throws Exception {
        BrowserlessSession amira = signedIn(AMIRA);
        amira.get("/applicant/rank-list?lang=fr");
        String location = amira.postFields("/applicant/rank-list", "iteration", "1",
                "item", streams.get(0), "item", streams.get(1), "item", streams.get(2), "action", "up:" + streams.get(2))
                .headers().firstValue("Location").orElseThrow();
        String status = status(amira.get(location).body());
        assertThat(status).startsWith("Brouillon : vos modifications ci-dessous ne sont PAS encore enregistrées.")
                .contains("maintenant au rang 2 sur 3, pas encore enregistré.")
                .contains("le jumelage utilise votre liste en vigueur, la version")
                .doesNotContain("Votre liste est soumise");
    }

    @Test
    void outsideTheRankingWindowTheEditorIsReadOnlyAndSaysSinceWhenOrUntilWhen() throws Exception {
        BrowserlessSession amira = signedIn(AMIRA);
        assertThat(amira.get("/applicant/rank-list").body()).contains("name=\"action\"").doesNotContain("id=\"read-only\"");
        LocalDateTime now = LocalDateTime.now(clock);
        try {
            clock.set(LocalDateTime.of(2025, 3, 20, 12, 0));
            amira = signedIn(AMIRA);
            String after = amira.get("/applicant/rank-list").body();
            assertThat(after).as("no form that the phase would refuse").doesNotContain("action=\"/applicant/rank-list\"")
                    .doesNotContain("name=\"action\"").contains("id=\"read-only\">Rank order lists closed at the deadline, ")
                    .contains("<span class=\"rank-number\">3</span>");
            assertThat(amira.get("/applicant/rank-list?lang=fr").body()).contains("Les listes de classement ont fermé à la date limite");
            amira.get("/applicant/rank-list?lang=en");
            clock.set(LocalDateTime.of(2024, 12, 1, 12, 0));
            amira = signedIn(AMIRA);
            assertThat(amira.get("/applicant/rank-list").body()).doesNotContain("name=\"action\"")
                    .contains("id=\"read-only\">Your rank order list can be changed from ");
        } finally {
            clock.set(now);
        }
    }
}
