package org.residencymatch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.MutableClock;

/** The operator in a real browser: finds a stream on the programs page and changes its quota (axe checks every page). */
@Tag("browser")
class ProgramQuotaBrowserTest {

    static final String MCMASTER_IMG = "27039";
    static final MutableClock clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));

    @RegisterExtension
    static final BrowserExtension web = new BrowserExtension(clock);

    @Test
    void theOperatorFiltersAndChangesAQuota() {
        Browser browser = web.browser();
        browser.signIn(DemoData.OPERATOR_EMAIL);
        browser.clickAndLoad(By.cssSelector("nav.sections a[href='/operator/programs']"));
        assertThat(browser.path()).isEqualTo("/operator/programs");

        browser.choose(By.id("province"), "Ontario");
        browser.type(By.id("q"), "McMaster");
        browser.clickAndLoad(By.cssSelector("form.filters button[type=submit]"));
        assertThat(browser.path()).contains("province=ON").contains("q=McMaster");

        browser.find(By.id("quota-" + MCMASTER_IMG)).clear();
        browser.type(By.id("quota-" + MCMASTER_IMG), "7");
        browser.clickAndLoad(By.cssSelector("#stream-" + MCMASTER_IMG + " button[type=submit]"));
        assertThat(browser.path()).contains("province=ON").contains("changed=" + MCMASTER_IMG);
        assertThat(browser.text(By.id("quota-changed"))).isEqualTo("The quota of stream #" + MCMASTER_IMG + " is now 7.");
        assertThat(browser.find(By.id("quota-" + MCMASTER_IMG)).getDomProperty("value")).isEqualTo("7");

        // The server's refusal, as a browser without form validation (or a hand-edited form) meets it.
        browser.driver().executeScript("document.querySelector('#stream-" + MCMASTER_IMG + " form').noValidate = true;");
        browser.find(By.id("quota-" + MCMASTER_IMG)).clear();
        browser.type(By.id("quota-" + MCMASTER_IMG), "1000");
        browser.clickAndLoad(By.cssSelector("#stream-" + MCMASTER_IMG + " button[type=submit]"));
        assertThat(browser.text(By.cssSelector("[role=alert]"))).contains("Enter a whole number from 0 to 999.");
        assertThat(browser.find(By.id("quota-" + MCMASTER_IMG)).getDomAttribute("aria-describedby"))
                .isEqualTo("quota-" + MCMASTER_IMG + "-error");
        assertThat(web.services().quotas().streams(DemoData.CYCLE).stream().filter(s -> s.streamId().equals(MCMASTER_IMG)).findFirst()
                .orElseThrow().quota()).isEqualTo(7);
    }
}
