package org.residencymatch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.MutableClock;

/**
 * Match day as the operator, in a real browser: run the match, open the confirmation, release with the
 * run's id typed back, find that the match is final (no Run offered, a re-run refused with a page that
 * says why), read the results by applicant with their exports, and the printable report.
 */
@Tag("browser")
class MatchDayBrowserTest {

    static final MutableClock clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));
    @RegisterExtension
    static final BrowserExtension web = new BrowserExtension(clock);
    static final String MCMASTER_IMG = "27039";

    @Test
    void theOperatorRunsConfirmsReleasesIsRefusedARerunAndReadsTheResultsAndTheReport() {
        var services = web.services();
        for (String applicant : List.of("A-2001", "A-2024"))
            services.applications().apply(DemoData.CYCLE, 1, applicant, MCMASTER_IMG, "test");
        clock.set(LocalDateTime.of(2025, 1, 20, 12, 0));
        for (String applicant : List.of("A-2001", "A-2024")) {
            services.rankLists().saveApplicantList(DemoData.CYCLE, 1, applicant, List.of(MCMASTER_IMG), true, "test");
        }
        services.rankLists().saveStreamList(DemoData.CYCLE, 1, MCMASTER_IMG, List.of("A-2024"), true, "test");
        clock.set(LocalDateTime.of(2025, 3, 5, 12, 0));

        Browser browser = web.browser();
        browser.signIn(DemoData.OPERATOR_EMAIL);
        browser.open("/operator/match");
        // The run goes to the background: its progress page moves on by itself to the match page.
        browser.driver().findElement(By.cssSelector("form[action='/operator/match/run'] button[type=submit]")).click();
        browser.awaitPath("/operator/match?iteration=1", Duration.ofSeconds(60));
        long runId = services.matchRuns().runs(DemoData.CYCLE, 1).get(0).id();

        browser.clickAndLoad(By.cssSelector("a[href='/operator/match/" + runId + "/release']"));
        assertThat(browser.pageText()).contains("Release cannot be undone").contains("Every applicant of this run sees their result");
        browser.type(By.id("confirm"), "12345678");
        browser.clickAndLoad(By.cssSelector("form[action$='/release'] button[type=submit]"));
        assertThat(browser.text(By.id("confirm-error"))).contains("That is not the id of this run");
        assertThat(services.matchRuns().releasedRun(DemoData.CYCLE, 1)).isEmpty();
        browser.type(By.id("confirm"), String.valueOf(runId));
        browser.clickAndLoad(By.cssSelector("form[action$='/release'] button[type=submit]"));
        assertThat(browser.path()).startsWith("/operator/match?iteration=1");
        assertThat(browser.text(By.id("final"))).contains("The match of this iteration is final: run " + runId + " was released");
        assertThat(browser.findAll(By.cssSelector("form[action='/operator/match/run']"))).as("no Run after release").isEmpty();
        assertThat(browser.text(By.id("no-run"))).contains("its match is final");
        assertThat(browser.findAll(By.cssSelector("a[href$='/release']"))).as("no Release after release").isEmpty();

        // A re-run sent anyway (an old tab): a page that says why, nothing run.
        MatchDayBrowserTest.reRunFromAnOldTab(browser);
        assertThat(browser.pageText()).contains("Not done").contains("its match is final").contains("Nothing was changed.");
        assertThat(services.matchRuns().runs(DemoData.CYCLE, 1)).hasSize(1);

        browser.open("/operator/match");
        browser.clickAndLoad(By.cssSelector("#final a[href$='/results']"));
        assertThat(browser.text(By.id("results"))).contains("A-2024").contains("Mei Wong").contains("A-2001")
                .contains("Unmatched (rank order list of 1)");
        browser.type(By.id("q"), "Haddad");
        browser.clickAndLoad(By.cssSelector("form.filters button[type=submit]"));
        assertThat(browser.text(By.id("results"))).contains("A-2001").doesNotContain("A-2024");
        assertThat(browser.find(By.id("export-csv")).getDomAttribute("href")).endsWith("/match-runs/" + runId + "/results.csv");
        assertThat(browser.find(By.id("export-xlsx")).getDomAttribute("href")).endsWith("/match-runs/" + runId + "/results.xlsx");

        browser.open("/operator/match");
        browser.clickAndLoad(By.cssSelector("#final a[href^='/operator/match/report']"));
        assertThat(browser.text(By.id("report-summary"))).contains("1 matched");
        assertThat(browser.text(By.id("report-province"))).contains("Ontario");
        assertThat(browser.find(By.id("report-csv")).getDomAttribute("href")).endsWith("/iterations/1/report.csv");
    }

    /** Posts a re-run of iteration 1 with the page's CSRF token, as a tab opened before the release would. */
    static void reRunFromAnOldTab(Browser browser) {
        browser.driver().executeScript(
                """
                        const f = document.createElement('form'); f.method = 'post'; f.action = '/operator/match/run';
                        for (const [k, v] of [['_csrf', document.querySelector('input[name=_csrf]')?.value ?? ''], ['iteration', '1'], ['seed', '9']]) {
                          const i = document.createElement('input'); i.type = 'hidden'; i.name = k; i.value = v; f.appendChild(i); }
                        document.body.appendChild(f); f.submit();""");
        browser.awaitPath("/operator/match/run", Duration.ofSeconds(10));
    }
}
