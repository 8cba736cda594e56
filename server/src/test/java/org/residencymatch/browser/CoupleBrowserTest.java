package org.residencymatch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.residencymatch.application.Couple;
import org.residencymatch.application.RankList;
import org.residencymatch.application.RankListService;
import org.residencymatch.application.RankLists;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.MutableClock;

/**
 * Two applicants become a couple in the browser (one proposes, the other accepts), build their paired
 * list side by side with "no match" on one side, submit it, reorder it by dragging, and read it in
 * English and French; axe checks every page. In each language: "no match" on both sides is explained beside the
 * pair's selects, each partner is told on the page and by email when the other changes or submits the shared list, and
 * dissolving asks first (issue #16, point 1).
 */
@Tag("browser")
class CoupleBrowserTest {

    static final String EMILIE = "A-1001", LIAM = "A-1002";
    static final MutableClock clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));

    @RegisterExtension
    static final BrowserExtension web = new BrowserExtension(clock);

    static List<String> hers, his;

    @BeforeAll
    static void applied() {
        hers = RankListBrowserTest.selectable(web.services(), EMILIE, 2);
        his = RankListBrowserTest.selectable(web.services(), LIAM, 2);
        assertThat(hers).hasSize(2);
        assertThat(his).hasSize(2);
        hers.forEach(s -> web.services().applications().apply(DemoData.CYCLE, 1, EMILIE, s, "test"));
        his.forEach(s -> web.services().applications().apply(DemoData.CYCLE, 1, LIAM, s, "test"));
        clock.set(LocalDateTime.of(2025, 1, 20, 12, 0));
    }

    @Test
    void aCoupleFormsInTheBrowserAndSubmitsItsPairedListSideBySide() {
        Browser browser = web.browser();
        browser.signIn(email(EMILIE));
        browser.open("/applicant/rank-list");
        assertThat(browser.text(By.id("partner-hint"))).contains(EMILIE);
        browser.type(By.id("partner"), LIAM);
        browser.clickAndLoad(By.cssSelector("form[action='/applicant/couple'] button[type=submit]"));
        assertThat(browser.pageText()).contains("Your proposal is sent.")
                .contains("You proposed to rank as a couple with applicant " + LIAM + ".")
                .as("a proposer sees only the id typed, not whose it is").doesNotContain("Liam");
        browser.clickAndLoad(By.cssSelector("form[action='/logout'] button"));

        browser.signIn(email(LIAM));
        browser.open("/applicant/rank-list");
        assertThat(browser.pageText()).contains("Émilie Tremblay (applicant " + EMILIE + ") proposes that you rank as a couple.");
        browser.clickAndLoad(By.cssSelector("form[action$='/accept'] button"));
        assertThat(browser.text(By.tagName("h2"))).isEqualTo("Your couple's paired list");
        assertThat(browser.text(By.id("rank-status"))).startsWith("Your couple has not submitted a paired list");
        assertThat(browser.findAll(By.cssSelector("table.pairs th[scope=col]")).stream().map(WebElement::getText).toList())
                .containsExactly("Rank", "Your program", "Program of Émilie Tremblay", "Change");

        // His first choice with hers, then his first choice alone ("no match" for her), then his second with her second.
        addPair(browser, his.get(0), hers.get(0));
        addPair(browser, his.get(0), "");
        addPair(browser, his.get(1), hers.get(1));
        List<WebElement> rows = browser.findAll(By.cssSelector("table.pairs tbody tr"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).findElements(By.tagName("td")).get(2).getText()).isEqualTo("No match");
        assertThat(rows.get(1).findElements(By.tagName("td")).get(1).getText()).contains("#" + his.get(0));
        browser.clickAndLoad(By.cssSelector("#ranks button[value=submit]"));

        assertThat(browser.text(By.id("rank-status"))).startsWith("Your couple's paired list is submitted (version 1,");
        assertThat(browser.pageText()).as("the couple's list is in force: no single list is asked for")
                .doesNotContain("You have not submitted a rank order list");
        // Stored as the couple is: [Émilie's stream, Liam's stream], whoever edits.
        RankLists lists = coupleLists();
        assertThat(lists.inForce().orElseThrow().entries()).containsExactly(
                new RankList.Entry(hers.get(0), his.get(0)), new RankList.Entry(null, his.get(0)),
                new RankList.Entry(hers.get(1), his.get(1)));

        // Dragging the last pair onto the first saves a draft of the paired list and says so.
        rows = browser.findAll(By.cssSelector("table.pairs tbody tr"));
        browser.dragOnto(rows.get(2), rows.get(0));
        String announced = new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> {
            String text = d.findElement(By.id("rank-live")).getText();
            return text.isEmpty() ? null : text;
        });
        assertThat(announced).startsWith("Pair ").endsWith(": now rank 1 of 3. Saved as a draft; submit the paired list to make it count.");
        assertThat(browser.text(By.cssSelector("table.pairs tbody tr:first-child td"))).isEqualTo("1");
        lists = coupleLists();
        assertThat(lists.latest().orElseThrow().status()).isEqualTo("DRAFT");
        assertThat(lists.latest().orElseThrow().entries().get(0)).isEqualTo(new RankList.Entry(hers.get(1), his.get(1)));
        assertThat(lists.inForce().orElseThrow().version()).isEqualTo(1);
        assertThat(browser.text(By.id("rank-status"))).contains("NOT submitted");
        browser.checkAccessibility();

        browser.clickAndLoad(By.cssSelector("form[action='/language'] button"));
        assertThat(browser.language()).isEqualTo("fr");
        assertThat(browser.text(By.tagName("h2"))).isEqualTo("La liste de paires de votre couple");
        assertThat(browser.text(By.id("rank-status"))).contains("NON soumises");
        assertThat(browser.text(By.cssSelector("table.pairs tbody tr:nth-child(3)"))).contains("Aucun jumelage");
        browser.checkAccessibility();

        // Either partner dissolves the couple, after a page that says what it undoes and asks again; each ranks alone again and may propose anew.
        browser.clickAndLoad(By.cssSelector("form[action$='/dissolve'] button"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Dissoudre le couple?");
        assertThat(web.services().couples().couplesOf(DemoData.CYCLE, 1, LIAM)).extracting(Couple::status).containsExactly("ACTIVE");
        browser.checkAccessibility();
        browser.clickAndLoad(By.cssSelector("form[action$='/dissolve'] button"));
        assertThat(browser.pageText()).contains("Le couple est dissous");
        assertThat(browser.findAll(By.id("partner"))).hasSize(1);
        assertThat(web.services().couples().couplesOf(DemoData.CYCLE, 1, LIAM)).extracting(Couple::status).containsExactly("DISSOLVED");
    }

    private static void addPair(Browser browser, String mine, String partners) {
        new Select(browser.find(By.id("pair-mine"))).selectByValue(mine);
        new Select(browser.find(By.id("pair-partner"))).selectByValue(partners);
        browser.clickAndLoad(By.cssSelector("#ranks button[value='add:']"));
    }

    private static RankLists coupleLists() {
        long id = web.services().couples().couplesOf(DemoData.CYCLE, 1, EMILIE).stream().filter(c -> c.status().equals("ACTIVE"))
                .findFirst().orElseThrow().id();
        return web.services().rankLists().lists(DemoData.CYCLE, 1, RankListService.COUPLE, String.valueOf(id));
    }

    private static String email(String applicantId) {
        return web.services().profiles().identity(applicantId).orElseThrow().email();
    }

    /** What the couple's pages say in each language, written out. */
    record Said(String bothNoMatch, String changedByHer, String submittedByHim, String dissolveTitle) {

        static Said in(String lang) {
            return lang.equals("fr")
                    ? new Said("Choisissez un programme pour au moins l’un de vous", "Émilie Tremblay a modifié cette liste de paires",
                            "Liam O'Connor a soumis cette liste de paires, version 1 (le ", "Dissoudre le couple?")
                    : new Said("Choose a program for at least one of you: a pair with \"No match\" on both sides ranks nothing.",
                            "Émilie Tremblay changed this paired list", "Liam O'Connor submitted this paired list, version 1 (on ",
                            "Dissolve the couple?");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void noMatchOnBothSidesIsExplainedInPlaceEachPartnerIsToldOfTheOthersChangesAndDissolvingAsksFirst(String lang) {
        Said said = Said.in(lang);
        // A couple of their own, whatever the other tests left.
        web.services().couples().couplesOf(DemoData.CYCLE, 1, EMILIE).stream().filter(c -> !c.status().equals("DISSOLVED"))
                .forEach(c -> web.services().couples().dissolve(DemoData.CYCLE, c.id(), EMILIE));
        Couple couple = web.services().couples().propose(DemoData.CYCLE, 1, EMILIE, LIAM);
        web.services().couples().accept(DemoData.CYCLE, couple.id(), LIAM);
        Browser browser = web.browser();
        // Liam chooses this language, then signs out: his emails are still written in it.
        browser.signIn(email(LIAM));
        browser.open("/applicant/rank-list?lang=" + lang);
        signOut(browser);

        browser.signIn(email(EMILIE));
        browser.open("/applicant/rank-list?lang=" + lang);
        addPair(browser, "", "");
        assertThat(browser.text(By.id("pair-error"))).startsWith(said.bothNoMatch());
        assertThat(browser.find(By.id("pair-mine")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findAll(By.cssSelector("table.pairs tbody tr"))).isEmpty();
        assertThat(coupleLists(couple.id()).latest()).as("nothing was saved").isEmpty();
        browser.checkAccessibility();

        long changedBefore = outbox("applicant_id = ? AND kind = 'COUPLE_LIST_CHANGED'", LIAM);
        long changedEmailsBefore = outbox("recipient = ? AND subject_key = 'email.coupleList.changed' AND language = ?", email(LIAM), lang);
        addPair(browser, hers.get(0), his.get(0));
        browser.clickAndLoad(By.cssSelector("#ranks button[value=save]"));
        assertThat(outbox("applicant_id = ? AND kind = 'COUPLE_LIST_CHANGED'", LIAM)).isEqualTo(changedBefore + 1);
        assertThat(outbox("recipient = ? AND subject_key = 'email.coupleList.changed' AND language = ?", email(LIAM), lang))
                .as("an email to Liam in the language he chose before signing out").isEqualTo(changedEmailsBefore + 1);
        signOut(browser);

        // Liam is told on his page, submits, and Émilie is told in turn.
        browser.signIn(email(LIAM));
        browser.open("/applicant/rank-list?lang=" + lang);
        assertThat(browser.text(By.id("partner-notice"))).startsWith(said.changedByHer());
        long emailsBefore = outbox("recipient = ? AND subject_key = 'email.coupleList.submitted' AND language = ?", email(EMILIE), lang);
        browser.clickAndLoad(By.cssSelector("#ranks button[value=submit]"));
        assertThat(coupleLists(couple.id()).inForce().orElseThrow().version()).isEqualTo(1);
        assertThat(outbox("recipient = ? AND subject_key = 'email.coupleList.submitted' AND language = ?", email(EMILIE), lang))
                .isEqualTo(emailsBefore + 1);
        signOut(browser);

        browser.signIn(email(EMILIE));
        browser.open("/applicant/rank-list?lang=" + lang);
        assertThat(browser.text(By.id("partner-notice"))).startsWith(said.submittedByHim());

        // Dissolving asks first; "no" keeps the couple, "yes" dissolves it.
        browser.clickAndLoad(By.cssSelector("form[action$='/dissolve'] button"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo(said.dissolveTitle());
        browser.clickAndLoad(By.cssSelector("main a[href^='/applicant/rank-list']"));
        assertThat(status(couple.id())).isEqualTo("ACTIVE");
        browser.clickAndLoad(By.cssSelector("form[action$='/dissolve'] button"));
        browser.clickAndLoad(By.cssSelector("form[action$='/dissolve'] button"));
        assertThat(status(couple.id())).isEqualTo("DISSOLVED");
        assertThat(browser.language()).isEqualTo(lang);
    }

    private static void signOut(Browser browser) {
        browser.clickAndLoad(By.cssSelector("form[action='/logout'] button"));
    }

    private static String status(long coupleId) {
        return web.services().couples().couplesOf(DemoData.CYCLE, 1, EMILIE).stream().filter(c -> c.id() == coupleId).map(Couple::status)
                .findFirst().orElseThrow();
    }

    private static RankLists coupleLists(long coupleId) {
        return web.services().rankLists().lists(DemoData.CYCLE, 1, RankListService.COUPLE, String.valueOf(coupleId));
    }

    private static long outbox(String where, Object... args) {
        return web.services().database().jdbi().withHandle(h -> {
            var query = h.createQuery("SELECT COUNT(*) FROM outbox_message WHERE " + where);
            for (int i = 0; i < args.length; i++) query.bind(i, args[i]);
            return query.mapTo(Long.class).one();
        });
    }
}
