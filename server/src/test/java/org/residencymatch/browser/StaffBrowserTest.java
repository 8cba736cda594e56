package org.residencymatch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.residencymatch.demo.DemoData;
import org.residencymatch.program.ProgramStream;
import org.residencymatch.program.StreamType;
import org.residencymatch.store.MutableClock;
import org.residencymatch.web.Messages;

/**
 * UBC's program staff: rank the applicants of one of their streams with the keyboard alone and submit the
 * list; find the streams that need them in their list; meet the editor read-only outside the ranking
 * window (in English and French), told until when, and a save sent too late answered by a page, not a code.
 */
@Tag("browser")
class StaffBrowserTest {

    static final String STAFF = "staff@ubc.example";

    static final MutableClock clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));

    @RegisterExtension
    static final BrowserExtension web = new BrowserExtension(clock);

    /** During the ranking window of the first iteration. */
    static final LocalDateTime RANKING = LocalDateTime.of(2025, 1, 20, 12, 0);

    static String stream;
    /** A second stream the same two applied to, which nobody ranks: it needs action throughout. */
    static String unranked;

    @BeforeAll
    static void twoApplicantsApplied() {
        List<String> ubcCmg = web.services().database().jdbi().withHandle(h -> web.services().programs().streams(h, DemoData.CYCLE))
                .stream().filter(s -> s.facultyId().equals("UBC") && s.type() == StreamType.CMG).map(ProgramStream::streamId).toList();
        stream = ubcCmg.get(0);
        unranked = ubcCmg.get(1);
        for (String s : List.of(stream, unranked)) {
            web.services().applications().apply(DemoData.CYCLE, 1, "A-1001", s, "test");
            web.services().applications().apply(DemoData.CYCLE, 1, "A-1002", s, "test");
        }
        clock.set(RANKING);
    }

    @BeforeEach
    void inTheRankingWindow() {
        clock.set(RANKING);
    }

    static Browser signIn(String language) {
        return web.browser().signIn(STAFF, language);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void theStreamListCountsApplicantsSaysWhereEachListStandsAndShowsOnlyThoseNeedingAction(String language) {
        Messages m = Messages.of(language);
        Browser browser = signIn(language);
        assertThat(browser.path()).isEqualTo("/staff/streams");
        WebElement row = browser.find(By.cssSelector("tr[data-stream='" + unranked + "']"));
        List<WebElement> cells = row.findElements(By.tagName("td"));
        assertThat(cells.get(3).getText()).as("applicants").isEqualTo("2");
        assertThat(cells.get(4).getText()).isEqualTo(m.t("staff.status.NOT_RANKED") + " " + m.t("staff.needsAction"));
        List<WebElement> all = browser.findAll(By.cssSelector("tbody tr"));
        assertThat(all).extracting(tr -> tr.getDomAttribute("data-status")).as("streams nobody applied to are listed too")
                .contains("NO_APPLICANTS");

        browser.clickAndLoad(By.id("needs-action-link"));
        assertThat(browser.path()).contains("show=action");
        List<WebElement> needing = browser.findAll(By.cssSelector("tbody tr"));
        assertThat(needing).extracting(tr -> tr.getDomAttribute("data-stream")).contains(unranked);
        assertThat(needing).extracting(tr -> tr.getDomAttribute("data-status")).doesNotContain("NO_APPLICANTS", "SUBMITTED");
        assertThat(browser.text(By.id("needing-action"))).isEqualTo(m.t("staff.needingAction", needing.size()));
        assertThat(browser.find(By.cssSelector("nav strong[aria-current=page]")).getText())
                .isEqualTo(m.t("staff.filter.action", needing.size()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void outsideTheWindowTheEditorIsReadOnlySayingUntilWhenAndASaveTooLateIsAPageNotACode(String language) {
        Messages m = Messages.of(language);
        String emilie = web.services().profiles().identity("A-1001").map(i -> i.familyName() + ", " + i.givenNames()).orElseThrow();
        try {
            // Opened ten minutes before the deadline (15:00 UTC); "Save" is pressed ten minutes after it.
            clock.set(LocalDateTime.of(2025, 2, 11, 14, 50));
            Browser browser = signIn(language);
            browser.open("/staff/streams/" + unranked);
            browser.clickAndLoad(By.cssSelector("button[value='add:A-1001']"));
            clock.set(LocalDateTime.of(2025, 2, 11, 15, 10));
            browser.clickAndLoad(By.cssSelector("button[value='save']"));
            assertThat(browser.language()).isEqualTo(language);
            assertThat(browser.text(By.tagName("h1"))).isEqualTo(m.t("error.heading.409"));
            assertThat(browser.pageText()).doesNotContain("DEADLINE").doesNotContain("OUTSIDE").doesNotContain("Exception")
                    .doesNotContain("ROL_").doesNotContain("409");
            browser.clickAndLoad(By.linkText(m.t("error.back")));

            // Back on the editor: read-only, saying since when it closed, with names beside the ids.
            assertThat(browser.text(By.id("read-only"))).startsWith(prefix(m, "staff.readOnly.after"));
            assertThat(browser.findAll(By.cssSelector("form#ranks"))).isEmpty();
            assertThat(browser.findAll(By.cssSelector("button[value^='add:']"))).isEmpty();
            assertThat(browser.pageText()).contains(emilie + " A-1001");

            // Before the window: read-only, saying from when until when it can be changed.
            clock.set(LocalDateTime.of(2024, 12, 1, 12, 0));
            // A session begun "later" on the test's clock is not one to keep: sign in afresh.
            browser.driver().manage().deleteAllCookies();
            browser.signIn(STAFF, language);
            browser.open("/staff/streams/" + unranked);
            assertThat(browser.text(By.id("read-only"))).startsWith(prefix(m, "staff.readOnly.before"));
            assertThat(browser.findAll(By.cssSelector("form#ranks"))).isEmpty();
            assertThat(browser.pageText()).contains(emilie + " A-1001");
        } finally {
            clock.set(RANKING);
        }
    }

    /** A message's words before its first argument. */
    private static String prefix(Messages m, String key) {
        return m.t(key, "§", "§").split("§")[0];
    }

    @Test
    void staffRankTwoApplicantsByKeyboardSubmitAndReadItInFrench() {
        Browser browser = web.browser();
        browser.open("/login");
        browser.type(By.id("email"), "staff@ubc.example");
        browser.type(By.id("password"), DemoData.PASSWORD);
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.path()).isEqualTo("/staff/streams");

        browser.open("/staff/streams/" + stream);
        // Add both applicants, the second first, then move the first up: buttons reached and pressed by keyboard.
        pressButton(browser, "button[value='add:A-1002']");
        pressButton(browser, "button[value='add:A-1001']");
        pressButton(browser, "button[value='up:A-1001']");
        assertThat(browser.findAll(By.cssSelector("ol.ranks li"))).extracting(li -> li.getDomAttribute("data-item"))
                .containsExactly("A-1001", "A-1002");
        pressButton(browser, "button[value='submit']");

        assertThat(browser.text(By.cssSelector(".status-submitted"))).startsWith("Your list is submitted (version 1");
        assertThat(web.services().rankLists().lists(DemoData.CYCLE, 1, "STREAM", stream).inForce().orElseThrow().entries())
                .extracting(e -> e.item()).containsExactly("A-1001", "A-1002");

        browser.clickAndLoad(By.cssSelector("form[action='/language'] button"));
        assertThat(browser.language()).isEqualTo("fr");
        assertThat(browser.text(By.cssSelector(".status-submitted"))).startsWith("Votre liste est soumise");
    }

    /** Tabs to a button and presses Enter on it, as someone using the keyboard alone does. */
    private static void pressButton(Browser browser, String css) {
        browser.tabTo(By.cssSelector(css), 80);
        browser.pressAndLoad(Keys.ENTER);
    }
}
