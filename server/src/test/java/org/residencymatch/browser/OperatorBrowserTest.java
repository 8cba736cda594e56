package org.residencymatch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.residencymatch.demo.DemoData;

/** The operator in a real browser: find a reconciliation case, comment on it, resolve it. */
@Tag("browser")
class OperatorBrowserTest {

    @RegisterExtension
    static final BrowserExtension web = new BrowserExtension();

    @Test
    void theOperatorCommentsOnAndResolvesTheCaseOfAnApplicantMissingFromTheQimgList() {
        Browser browser = web.browser();
        browser.open("/login");
        browser.type(By.id("email"), DemoData.OPERATOR_EMAIL);
        browser.type(By.id("password"), "not-the-password");
        browser.clickAndLoad(By.cssSelector("form[action='/login'] button[type=submit]"));
        assertThat(browser.text(By.cssSelector("[role=alert]"))).isEqualTo("The email or password is not right.");
        assertThat(browser.find(By.id("email")).getDomAttribute("aria-describedby")).isEqualTo("login-error");

        browser.type(By.id("email"), DemoData.OPERATOR_EMAIL);
        browser.type(By.id("password"), DemoData.PASSWORD);
        browser.clickAndLoad(By.cssSelector("form[action='/login'] button[type=submit]"));
        assertThat(browser.path()).as("the operator lands on the dashboard").isEqualTo("/operator/dashboard");
        browser.clickAndLoad(By.cssSelector("nav.sections a[href='/operator/cases']"));
        assertThat(browser.path()).isEqualTo("/operator/cases");

        WebElement section = caseOf(browser, "A-2005");
        String caseId = section.getDomAttribute("id");
        assertThat(section.getText()).contains("QUEBEC_REGULIER_NOT_ON_LIST");

        browser.type(By.cssSelector("#" + caseId + " textarea[name=body]"), "Asked BCI whether Fatima Benali was left off by mistake.");
        browser.clickAndLoad(By.cssSelector("#" + caseId + " form[action$='/comment'] button[type=submit]"));
        assertThat(browser.path()).startsWith("/operator/cases");
        assertThat(browser.text(By.id(caseId))).contains("Asked BCI whether Fatima Benali was left off by mistake.");

        browser.type(By.cssSelector("#" + caseId + " textarea[name=resolution]"), "BCI will send a corrected list.");
        browser.clickAndLoad(By.cssSelector("#" + caseId + " form[action$='/resolve'] button[type=submit]"));
        assertThat(browser.findAll(By.cssSelector("#" + caseId + " textarea"))).as("a resolved case takes no more comments").isEmpty();

        browser.choose(By.id("status"), "Open");
        browser.clickAndLoad(By.cssSelector("form.filters button[type=submit]"));
        assertThat(browser.path()).contains("status=OPEN");
        assertThat(browser.findAll(By.id(caseId))).as("the open cases no longer list it").isEmpty();

        browser.choose(By.id("status"), "Resolved");
        browser.clickAndLoad(By.cssSelector("form.filters button[type=submit]"));
        assertThat(browser.path()).contains("status=RESOLVED");
        String resolved = browser.text(By.id(caseId));
        assertThat(resolved).contains("A-2005").contains("BCI will send a corrected list.").contains("Resolved")
                .contains("Asked BCI whether Fatima Benali was left off by mistake.");
        assertThat(browser.findAll(By.cssSelector("#" + caseId + " textarea"))).isEmpty();
    }

    private static WebElement caseOf(Browser browser, String applicantId) {
        return browser.findAll(By.cssSelector("section[id^='case-']")).stream()
                .filter(s -> s.getText().contains("(" + applicantId + ")"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no case for " + applicantId + " on " + browser.path()));
    }
}
