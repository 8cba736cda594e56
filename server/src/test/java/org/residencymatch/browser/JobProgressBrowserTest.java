package org.residencymatch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.residencymatch.demo.DemoData;

/** Long work in a real browser: the progress page shows the step, passes axe, and follows the work to its result by itself. */
@Tag("browser")
class JobProgressBrowserTest {

    @RegisterExtension
    static final BrowserExtension web = new BrowserExtension();

    @Test
    void theProgressPageShowsTheStepThenTakesThePersonToTheResult() throws Exception {
        Browser browser = web.browser();
        browser.signIn(DemoData.OPERATOR_EMAIL);
        long operator = web.services().database().jdbi().withHandle(h -> h.createQuery("SELECT id FROM user_account WHERE email = :e")
                .bind("e", DemoData.OPERATOR_EMAIL).mapTo(Long.class).one());
        CountDownLatch atStepTwo = new CountDownLatch(1), toStepThree = new CountDownLatch(1), goOn = new CountDownLatch(1);
        long job = web.services().jobs().start("list.commit", operator, "/partner/lists", progress -> {
            progress.step("job.step.listRead", 2, 5);
            atStepTwo.countDown();
            toStepThree.await(30, TimeUnit.SECONDS);
            progress.step("job.step.listCases", 3, 5);
            goOn.await(30, TimeUnit.SECONDS);
            return "/partner/lists?notice=committed-QIMG-2";
        });
        assertThat(atStepTwo.await(10, TimeUnit.SECONDS)).isTrue();

        browser.open("/jobs/" + job); // checked by axe as it opens

        assertThat(browser.text(By.cssSelector("[role=status]")))
                .isEqualTo("Step 2 of 5: reading the members of both versions and the applicants concerned");
        // The page's script redraws the bar as it polls: read both attributes of one drawing, again if it was replaced meanwhile.
        String bar = new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    var progress = d.findElement(By.tagName("progress"));
                    return progress.getDomAttribute("value") + " of " + progress.getDomAttribute("max");
                });
        assertThat(bar).isEqualTo("2 of 5");

        // The page follows the work without being reloaded.
        toStepThree.countDown();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> d.findElement(By.cssSelector("[role=status]")).getText().startsWith("Step 3 of 5"));
        assertThat(browser.path()).isEqualTo("/jobs/" + job);
        browser.checkAccessibility();
        goOn.countDown();
        browser.awaitPath("/partner/lists?notice=committed-QIMG-2", Duration.ofSeconds(20));
    }
}
