package org.residencymatch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.MutableClock;
import org.residencymatch.web.Messages;

/**
 * The operator in October, before any match run, in English and in French: signing in lands on the
 * dashboard, which says what comes next instead of one empty chart after another; the calendar shows
 * the phases already begun as fixed; a token is issued once (a refresh does not issue another) and
 * listed under its owner's name; a help answer is signed with the operator's name, on both sides.
 */
@Tag("browser")
class OperatorPagesBrowserTest {

    static final String OPERATOR_NAME = "Claire Fortin";
    static final String LAVAL_ANESTHESIOLOGY = "27032";

    /** Program selection of the first iteration: registration and selection have begun, nothing else has. */
    static final MutableClock clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));

    @RegisterExtension
    static final BrowserExtension web = new BrowserExtension(clock);

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void theOperatorLandsOnADashboardThatSaysWhatComesNextAndACalendarWithThePastFixed(String language) {
        Messages m = Messages.of(language);
        Browser browser = web.browser().signIn(DemoData.OPERATOR_EMAIL, language);
        assertThat(browser.path()).as("the operator lands on the dashboard").isEqualTo("/operator/dashboard");

        // Before the first run: one sentence saying when the match can run and where, not one "no run" per chart.
        String noRun = m.t("dashboard.noRun", "§").split("§")[0];
        List<WebElement> notices = browser.findAll(By.cssSelector("main p[role=status]"));
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).getText()).startsWith(noRun).contains(m.t("dashboard.toMatch"));
        assertThat(browser.pageText().split(java.util.regex.Pattern.quote(noRun), -1)).as("said once").hasSize(2);
        assertThat(browser.find(By.linkText(m.t("dashboard.toMatch"))).getDomAttribute("href")).isEqualTo("/operator/match?iteration=1");
        assertThat(browser.findAll(By.cssSelector("svg[role=img]"))).as("only the chart that has something to show: list coverage")
                .hasSize(1);
        assertThat(browser.findAll(By.cssSelector("#list-coverage svg"))).hasSize(1);
        assertThat(browser.text(By.cssSelector("p.chart-empty#rol-lengths"))).as("an empty chart says why it is empty")
                .isEqualTo(m.t("dashboard.noLists"));

        browser.clickAndLoad(By.cssSelector("nav.sections a[href='/operator/calendar']"));
        for (String started : List.of("i1-REGISTRATION", "i1-PROGRAM_SELECTION")) {
            WebElement input = browser.find(By.id(started));
            assertThat(input.getDomAttribute("readonly")).as(started + " has begun").isNotNull();
            assertThat(input.getDomAttribute("aria-describedby")).isEqualTo(started + "-fixed");
            assertThat(browser.text(By.id(started + "-fixed"))).isEqualTo(m.t("calendar.started"));
        }
        for (String ahead : List.of("i1-FILE_REVIEW", "i1-ROL_DEADLINE", "i2-REGISTRATION")) {
            assertThat(browser.find(By.id(ahead)).getDomAttribute("readonly")).as(ahead + " is ahead: it can still move").isNull();
            assertThat(browser.findAll(By.id(ahead + "-fixed"))).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void aTokenIsIssuedOnceEvenWhenThePageIsRefreshedAndListedUnderItsOwnersName(String language) {
        Messages m = Messages.of(language);
        Browser browser = web.browser().signIn(DemoData.OPERATOR_EMAIL, language);
        browser.open("/operator/accounts");
        int tokensBefore = web.services().database().jdbi()
                .withHandle(h -> h.select("select count(*) from api_token").mapTo(Integer.class).one());
        WebElement bciRow = browser.findAll(By.cssSelector("main table tbody tr")).stream()
                .filter(tr -> tr.getText().contains("bci@partner.example")).findFirst().orElseThrow();
        String label = "nightly upload " + language;
        WebElement labelField = bciRow.findElement(By.cssSelector("input[name=label]"));
        labelField.sendKeys(label);
        browser.clickAndLoad(bciRow.findElement(By.cssSelector("button[type=submit]")));

        assertThat(browser.path()).as("redirected after the POST, to a page a refresh only reads")
                .startsWith("/operator/accounts?issued=1");
        assertThat(browser.text(By.cssSelector("#new-token p"))).isEqualTo(m.t("accounts.newToken"));
        String token = browser.text(By.cssSelector("#new-token code"));
        assertThat(token).matches("[A-Za-z0-9_-]{20,200}");
        WebElement listed = browser.findAll(By.cssSelector("main ul li")).stream().filter(li -> li.getText().contains(label)).findFirst()
                .orElseThrow();
        assertThat(listed.getText()).as("the owner by name, not a bare account id").contains("BCI (" + m.t("accounts.owner") + " ");

        browser.driver().navigate().refresh();
        browser.checkAccessibilityIfNew();
        assertThat(browser.text(By.id("new-token"))).isEqualTo(m.t("accounts.tokenShownOnce"));
        assertThat(browser.pageText()).doesNotContain(token);
        int tokensAfter = web.services().database().jdbi()
                .withHandle(h -> h.select("select count(*) from api_token").mapTo(Integer.class).one());
        assertThat(tokensAfter).as("one token issued, however often the page is refreshed").isEqualTo(tokensBefore + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void helpAnswersAreSignedWithTheOperatorsNameOnBothSides(String language) {
        Messages m = Messages.of(language);
        var help = web.services().help().open(DemoData.CYCLE, "A-2005", 1, LAVAL_ANESTHESIOLOGY,
                "Why can I not see Québec programs? (" + language + ")", "applicant:A-2005");
        String answer = "BCI is sending a corrected list (" + language + ").";
        Browser browser = web.browser().signIn(DemoData.OPERATOR_EMAIL, language);
        browser.open("/operator/help/" + help.id());
        browser.type(By.id("answer"), answer);
        browser.clickAndLoad(By.cssSelector("form[action$='/answer'] button[type=submit]"));
        assertThat(browser.pageText()).contains(answer).doesNotContain("user:");
        assertThat(browser.findAll(By.cssSelector(".signature")).stream().map(WebElement::getText)).contains(OPERATOR_NAME);
        browser.clickAndLoad(By.cssSelector("form[action='/logout'] button[type=submit]"));

        browser.signIn("fatima.benali@applicant.example", language);
        browser.open("/applicant/help");
        String seen = browser.text(By.id("help-case-" + help.id()));
        assertThat(seen).contains(answer).contains(OPERATOR_NAME).doesNotContain("user:");
        String signed = m.t("helpCase.answeredBy", OPERATOR_NAME, "§");
        assertThat(seen).as("signed in the reader's words").contains(signed.substring(signed.indexOf('§') + 1));
        // Fatima may ask about this stream again (one open request per stream) in the other language's run.
        web.services().help().close(DemoData.CYCLE, help.id(), "test");
    }
}
