package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.application.Couple;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/**
 * A couple's paired list in the pages, without JavaScript (issue #16, point 1): "no match" on both
 * sides is explained in the form, dissolving asks first, and each partner is told (on the page, by a
 * notification and an email) when the other changes or submits the list.
 */
@DatabaseTest
class CouplePagesTest {

    static final String EMILIE = "A-1001", LIAM = "A-1002";
    static final MutableClock clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));
    @RegisterExtension
    static final TestServer web = TestServer.demo(clock);
    static List<String> hers, his;
    long coupleId;

    @BeforeAll
    static void applied() {
        hers = RankListPagesTest.selectable(web, EMILIE, 2);
        his = RankListPagesTest.selectable(web, LIAM, 2);
        hers.forEach(s -> web.services().applications().apply(DemoData.CYCLE, 1, EMILIE, s, "test"));
        his.forEach(s -> web.services().applications().apply(DemoData.CYCLE, 1, LIAM, s, "test"));
        clock.set(LocalDateTime.of(2025, 1, 20, 12, 0));
    }

    /** Each test starts from a new couple, Émilie's proposal accepted by Liam, with an empty paired list. */
    @BeforeEach
    void couple() {
        web.services().couples().couplesOf(DemoData.CYCLE, 1, EMILIE).stream().filter(c -> !c.status().equals("DISSOLVED"))
                .forEach(c -> web.services().couples().dissolve(DemoData.CYCLE, c.id(), EMILIE));
        coupleId = web.services().couples().propose(DemoData.CYCLE, 1, EMILIE, LIAM).id();
        web.services().couples().accept(DemoData.CYCLE, coupleId, LIAM);
    }

    static BrowserlessSession signedIn(String applicantId, String language) throws Exception {
        BrowserlessSession session = new BrowserlessSession(web.port());
        session.signIn(email(applicantId), DemoData.PASSWORD);
        session.get("/applicant/rank-list?lang=" + language);
        return session;
    }

    static String email(String applicantId) {
        return web.services().profiles().identity(applicantId).orElseThrow().email();
    }

    String status() {
        return web.services().couples().couplesOf(DemoData.CYCLE, 1, EMILIE).stream().filter(c -> c.id() == coupleId)
                .map(Couple::status).findFirst().orElseThrow();
    }

    static long outbox(String where, Object... args) {
        return web.services().database().jdbi().withHandle(h -> {
            var query = h.createQuery("SELECT COUNT(*) FROM outbox_message WHERE " + where);
            for (int i = 0; i < args.length; i++) query.bind(i, args[i]);
            return query.mapTo(Long.class).one();
        });
    }

    @Test
    void noMatchOnBothSidesIsExplainedInTheFormAndTheUnsavedPairsAreKept() throws Exception {
        BrowserlessSession liam = signedIn(LIAM, "en");
        String kept = his.get(0) + "|" + hers.get(0);
        HttpResponse<String> refused = liam.postFields("/applicant/couple/" + coupleId + "/rank-list", "iteration", "1",
                "item", kept, "mine", "", "partner", "", "action", "add:");
        assertThat(refused.statusCode()).as("not a raw 400: back to the form").isEqualTo(302);
        String location = refused.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("error=bothNoMatch").endsWith("#pair-add");
        String page = liam.get(location).body();
        assertThat(page).contains("<fieldset id=\"pair-add\" aria-describedby=\"pair-error\">")
                .contains("<p class=\"error\" id=\"pair-error\" role=\"alert\">Choose a program for at least one of you: a pair with ")
                .contains("value=\"" + kept + "\"");

        BrowserlessSession emilie = signedIn(EMILIE, "fr");
        String french = emilie.get(emilie
                .postFields("/applicant/couple/" + coupleId + "/rank-list", "iteration", "1", "mine", "", "partner", "", "action", "add:")
                .headers().firstValue("Location").orElseThrow()).body();
        assertThat(french).contains("Choisissez un programme pour au moins l’un de vous");
    }

    @Test
    void dissolvingAsksForConfirmationFirstInEnglishAndFrench() throws Exception {
        BrowserlessSession liam = signedIn(LIAM, "en");
        String editor = liam.get("/applicant/rank-list").body();
        assertThat(editor).contains("<form method=\"get\" action=\"/applicant/couple/" + coupleId + "/dissolve\">");

        HttpResponse<String> unconfirmed = liam.post("/applicant/couple/" + coupleId + "/dissolve", java.util.Map.of());
        assertThat(unconfirmed.headers().firstValue("Location")).hasValue("/applicant/couple/" + coupleId + "/dissolve");
        assertThat(status()).as("nothing changes before the person confirms").isEqualTo("ACTIVE");

        String confirm = liam.get("/applicant/couple/" + coupleId + "/dissolve").body();
        assertThat(confirm).contains("<h1>Dissolve the couple?</h1>").contains("Émilie Tremblay (applicant " + EMILIE + ")")
                .contains("no longer counts, for either of you").contains("name=\"confirm\" value=\"yes\"")
                .contains("No, keep ranking as a couple");
        liam.get("/applicant/rank-list?lang=fr");
        assertThat(liam.get("/applicant/couple/" + coupleId + "/dissolve").body()).contains("<h1>Dissoudre le couple?</h1>")
                .contains("Non, continuer à se classer en couple");

        liam.get("/applicant/couple/" + coupleId + "/dissolve");
        HttpResponse<String> confirmed = liam.post("/applicant/couple/" + coupleId + "/dissolve", java.util.Map.of("confirm", "yes"));
        assertThat(confirmed.headers().firstValue("Location").orElseThrow()).contains("couple=dissolved");
        assertThat(status()).isEqualTo("DISSOLVED");
    }

    @Test
    void thePartnerIsToldOnThePageByNotificationAndByEmailWhenTheOtherSubmitsOrStartsChanges() throws Exception {
        String pair = hers.get(0) + "|" + his.get(0);
        long notifiedBefore = outbox("applicant_id = ? AND kind LIKE 'COUPLE_LIST_%'", LIAM);
        long emailsBefore = outbox("recipient = ? AND subject_key LIKE 'email.coupleList.%'", email(LIAM));

        BrowserlessSession emilie = signedIn(EMILIE, "en");
        emilie.postFields("/applicant/couple/" + coupleId + "/rank-list", "iteration", "1", "item", pair, "action", "submit");
        assertThat(outbox("applicant_id = ? AND kind = 'COUPLE_LIST_SUBMITTED'", LIAM)).isEqualTo(notifiedBefore + 1);
        assertThat(outbox("recipient = ? AND subject_key = 'email.coupleList.submitted'", email(LIAM))).isEqualTo(emailsBefore + 1);
        assertThat(outbox("applicant_id = ? AND kind LIKE 'COUPLE_LIST_%'", EMILIE)).as("the one who saved is not told").isZero();

        BrowserlessSession liam = signedIn(LIAM, "en");
        assertThat(liam.get("/applicant/rank-list").body()).contains("Émilie Tremblay submitted this paired list, version 1");
        assertThat(emilie.get("/applicant/rank-list").body()).as("her own save is no news to her").doesNotContain("id=\"partner-notice\"");

        // Her drafts: the first is told, the next ones (each drag saves one) are not.
        long changedBefore = outbox("applicant_id = ? AND kind = 'COUPLE_LIST_CHANGED'", LIAM);
        long changedEmailsBefore = outbox("recipient = ? AND subject_key = 'email.coupleList.changed'", email(LIAM));
        for (int save = 0; save < 3; save++) {
            emilie.postFields("/applicant/couple/" + coupleId + "/rank-list", "iteration", "1", "item", pair, "item", "|" + his.get(1),
                    "action", "save");
        }
        assertThat(outbox("applicant_id = ? AND kind = 'COUPLE_LIST_CHANGED'", LIAM)).isEqualTo(changedBefore + 1);
        assertThat(outbox("recipient = ? AND subject_key = 'email.coupleList.changed'", email(LIAM))).isEqualTo(changedEmailsBefore + 1);
        liam.get("/applicant/rank-list?lang=fr");
        assertThat(liam.get("/applicant/rank-list").body())
                .contains("Émilie Tremblay a modifié cette liste de paires (brouillon enregistré le ");
    }

    @Test
    void aPartnerWhoChoseFrenchAndSignedOutIsEmailedInFrench() throws Exception {
        BrowserlessSession liam = signedIn(LIAM, "fr");
        liam.post("/logout", java.util.Map.of());
        long frenchBefore = outbox("recipient = ? AND subject_key = 'email.coupleList.submitted' AND language = 'fr'", email(LIAM));

        signedIn(EMILIE, "en").postFields("/applicant/couple/" + coupleId + "/rank-list", "iteration", "1", "item",
                hers.get(0) + "|" + his.get(0), "action", "submit");
        assertThat(outbox("recipient = ? AND subject_key = 'email.coupleList.submitted' AND language = 'fr'", email(LIAM)))
                .as("signing out ended his session, not his choice of French").isEqualTo(frenchBefore + 1);
    }

    @Test
    void afterTheDeadlineTheCouplesListIsReadOnlyAndSaysSinceWhen() throws Exception {
        web.services().rankLists().saveCoupleList(DemoData.CYCLE, 1, coupleId, List.of(List.of(hers.get(0), his.get(0))), true, "test");
        LocalDateTime now = LocalDateTime.now(clock);
        try {
            clock.set(LocalDateTime.of(2025, 3, 20, 12, 0));
            String page = signedIn(EMILIE, "fr").get("/applicant/rank-list").body();
            assertThat(page).contains("id=\"read-only\">Les listes de classement ont fermé à la date limite")
                    .doesNotContain("action=\"/applicant/couple/" + coupleId + "/rank-list\"").doesNotContain("name=\"action\"")
                    .contains("<tr id=\"rank-1\"><td>1</td>");
        } finally {
            clock.set(now);
        }
    }
}
