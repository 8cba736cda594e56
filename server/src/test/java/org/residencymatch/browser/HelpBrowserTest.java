package org.residencymatch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.residencymatch.demo.DemoData;

/** An applicant asks the operator for help from a "Why can't I apply?" explanation; the operator answers; she reads the answer. */
@Tag("browser")
class HelpBrowserTest {

    static final String LAVAL_ANESTHESIOLOGY = "27032";

    @RegisterExtension
    static final BrowserExtension web = new BrowserExtension();

    static void signOut(Browser browser) {
        browser.clickAndLoad(By.cssSelector("form[action='/logout'] button[type=submit]"));
    }

    @Test
    void fatimaAsksWhySheCannotSeeQuebecProgramsAndReadsTheOperatorsAnswer() {
        Browser browser = web.browser();
        browser.signIn("fatima.benali@applicant.example");
        browser.open("/applicant/catalogue?q=" + LAVAL_ANESTHESIOLOGY);
        browser.click(By.cssSelector("#stream-" + LAVAL_ANESTHESIOLOGY + " details.why > summary"));
        browser.checkAccessibility();
        browser.type(By.id("help-message-" + LAVAL_ANESTHESIOLOGY),
                "I was approved for the Régulier contingent but cannot see Québec programs.");
        browser.clickAndLoad(By.cssSelector("#stream-" + LAVAL_ANESTHESIOLOGY + " form.help-form button[type=submit]"));

        assertThat(browser.path()).startsWith("/applicant/help#help-case-");
        String caseId = browser.path().substring(browser.path().indexOf('#') + 1);
        assertThat(browser.text(By.id(caseId))).contains("Waiting for an answer")
                .contains("I was approved for the Régulier contingent but cannot see Québec programs.").contains("Anesthesiology");
        signOut(browser);

        browser.signIn(DemoData.OPERATOR_EMAIL);
        browser.clickAndLoad(By.cssSelector("nav.sections a[href='/operator/help']"));
        browser.clickAndLoad(By.cssSelector("#" + caseId + " a"));
        assertThat(browser.text(By.id("applicant-message")))
                .isEqualTo("I was approved for the Régulier contingent but cannot see Québec programs.");
        assertThat(browser.text(By.id("what-they-saw"))).contains("QUEBEC_REGULIER_NOT_ON_LIST").contains("QIMG");
        browser.type(By.id("answer"), "BCI left you off its list by mistake; the corrected list is on its way.");
        browser.clickAndLoad(By.cssSelector("form[action$='/answer'] button[type=submit]"));
        assertThat(browser.pageText()).contains("BCI left you off its list by mistake; the corrected list is on its way.")
                .contains("Answered");
        browser.clickAndLoad(By.cssSelector("form[action$='/close'] button[type=submit]"));
        assertThat(browser.findAll(By.id("answer"))).as("a closed request takes no more answers").isEmpty();
        signOut(browser);

        browser.signIn("fatima.benali@applicant.example");
        browser.clickAndLoad(By.cssSelector("nav.sections a[href='/applicant/help']"));
        assertThat(browser.text(By.id(caseId))).contains("BCI left you off its list by mistake; the corrected list is on its way.")
                .contains("Closed");
    }
}
