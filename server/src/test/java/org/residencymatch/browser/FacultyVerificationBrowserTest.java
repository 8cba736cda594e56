package org.residencymatch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.residencymatch.demo.DemoData;
import org.residencymatch.eligibility.Decision;

/**
 * Issue #18 in a real browser, as a faculty: UBC's program staff open "Verify your students", find their
 * student Chloé's category and degree awaiting them, are sent back when refusing without reasons, then
 * verify her category; her pending streams open and her profile says UBC verified it. Every page is
 * checked with axe as it is shown.
 */
@Tag("browser")
class FacultyVerificationBrowserTest {

    @RegisterExtension
    static final BrowserExtension web = new BrowserExtension();

    @Test
    void ubcVerifiesItsStudentChloesCategoryAndHerStreamsOpen() {
        Browser browser = web.browser();
        browser.signIn("staff@ubc.example");
        browser.clickAndLoad(By.cssSelector("nav.sections a[href='/staff/verification']"));
        List<String> facts = browser.findAll(By.cssSelector("section[data-applicant='A-1008']")).stream()
                .map(s -> s.getDomAttribute("data-fact")).toList();
        assertThat(facts).containsExactly("CATEGORY", "DEGREE");
        assertThat(browser.text(By.id("fact-A-1008-CATEGORY-title"))).contains("Bergeron, Chloé").contains("A-1008");

        String category = "#fact-A-1008-CATEGORY";
        browser.click(By.cssSelector(category + " input[value=REFUSED]"));
        browser.clickAndLoad(By.cssSelector(category + " button[type=submit]"));
        assertThat(browser.text(By.cssSelector(category + " [role=alert]")))
                .contains("A refusal gives its reason in English and in French");
        assertThat(browser.find(By.id("reasonEn-A-1008-CATEGORY")).getDomAttribute("aria-describedby")).isEqualTo("error-A-1008-CATEGORY");

        assertThat(web.services().catalogue().explain(DemoData.CYCLE, "A-1008", "27447", 1).decision().decision())
                .isEqualTo(Decision.PENDING);
        browser.click(By.cssSelector(category + " input[value=ACCEPTED]"));
        browser.clickAndLoad(By.cssSelector(category + " button[type=submit]"));
        assertThat(browser.path()).isEqualTo("/staff/verification?decided=ACCEPTED");
        assertThat(browser.pageText()).contains("The fact is verified under your faculty's name");
        assertThat(browser.findAll(By.cssSelector(category))).as("verified, so out of the queue").isEmpty();
        assertThat(web.services().catalogue().explain(DemoData.CYCLE, "A-1008", "27447", 1).decision().decision())
                .isEqualTo(Decision.SELECTABLE);
        HelpBrowserTest.signOut(browser);

        browser.signIn("chloe.bergeron@applicant.example");
        browser.clickAndLoad(By.cssSelector("nav.sections a[href='/applicant/profile']"));
        assertThat(browser.find(By.cssSelector("tr[data-fact=CATEGORY]")).getDomAttribute("data-state")).isEqualTo("VERIFIED");
        assertThat(browser.text(By.cssSelector("tr[data-fact=CATEGORY]"))).contains("University of British Columbia");
    }
}
