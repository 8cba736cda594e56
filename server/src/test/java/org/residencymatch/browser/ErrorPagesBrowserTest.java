package org.residencymatch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.MutableClock;
import org.residencymatch.web.Messages;

/**
 * An error page and a form's error in place, as a person meets them in the browser, in English and in
 * French; axe checks every page shown.
 */
@Tag("browser")
class ErrorPagesBrowserTest {

    /** After the first iteration's release, so the operator has an AIMG CAP pool to invite from. */
    static final MutableClock clock = new MutableClock(LocalDateTime.of(2025, 2, 20, 12, 0));

    @RegisterExtension
    static final BrowserExtension web = new BrowserExtension(clock);

    @BeforeAll
    static void theFirstIterationIsReleased() {
        var run = web.services().matchRuns().run(DemoData.CYCLE, 1, 1L, "operator");
        clock.set(LocalDateTime.of(2025, 3, 5, 12, 0));
        web.services().matchRuns().release(DemoData.CYCLE, run.id(), "operator");
    }

    @Test
    void anAddressNobodyServesIsAPageInTheReadersLanguageThatLeadsHome() {
        Browser browser = web.browser();
        RankListBrowserTest.signIn(browser, "amira.haddad@applicant.example");
        browser.open("/applicant/no-such-page?lang=fr");
        Messages fr = Messages.of("fr");
        assertThat(browser.language()).isEqualTo("fr");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo(fr.t("error.heading.404"));
        assertThat(browser.pageText()).contains(fr.t("error.next.404")).doesNotContain("NOT_FOUND").doesNotContain("Endpoint")
                .doesNotContain(Messages.of("en").t("error.home"));
        browser.clickAndLoad(By.linkText(fr.t("error.home")));
        assertThat(browser.path()).doesNotContain("no-such-page");
        browser.open("/?lang=en");
        browser.clickAndLoad(By.cssSelector("form[action='/logout'] button"));
    }

    @Test
    void invitingNobodyToCapIsSaidBesideTheListWithWhatWasTypedKept() {
        Browser browser = web.browser();
        RankListBrowserTest.signIn(browser, DemoData.OPERATOR_EMAIL);
        for (String language : new String[]{"en", "fr"}) {
            browser.open("/operator/cap?lang=" + language);
            ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('respondBy').value = '2025-03-20T17:00';");
            browser.clickAndLoad(By.cssSelector("form[action='/operator/cap/invite'] button[type=submit]"));
            assertThat(browser.language()).isEqualTo(language);
            assertThat(browser.text(By.id("applicantId-error"))).isEqualTo(Messages.of(language).t("cap.error.nobody"));
            assertThat(browser.find(By.cssSelector("table[aria-describedby='applicantId-error']")).isDisplayed()).isTrue();
            assertThat(browser.find(By.id("respondBy")).getDomProperty("value")).isEqualTo("2025-03-20T17:00");
            assertThat(browser.pageText()).doesNotContain("INVALID_FIELD").doesNotContain("choose at least one applicant");
        }
        browser.open("/operator/cap?lang=en");
        browser.clickAndLoad(By.cssSelector("form[action='/logout'] button"));
    }
}
