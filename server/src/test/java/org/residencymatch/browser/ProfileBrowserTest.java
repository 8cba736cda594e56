package org.residencymatch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.residencymatch.store.MutableClock;

/**
 * The profile form in a real browser (issue #16, point 7): its facts in fieldsets with legends, each on
 * its own line under its label, and a date in the future refused next to its field; axe checks each state
 * in English and French.
 */
@Tag("browser")
class ProfileBrowserTest {

    static final MutableClock clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));

    @RegisterExtension
    static final BrowserExtension web = new BrowserExtension(clock);

    @Test
    void theProfileIsLaidOutInFieldsetsAndAFutureDateIsRefusedInPlace() {
        Browser browser = web.browser();
        RankListBrowserTest.signIn(browser, "amira.haddad@applicant.example");
        browser.open("/applicant/profile");
        assertThat(browser.findAll(By.cssSelector("form.profile-form fieldset fieldset > legend"))).extracting(WebElement::getText)
                .containsExactly("Your medical degree", "Citizenship and Québec approval", "Training and practice since your MD",
                        "Ties to a province");
        // One fact per line: the selects of the degree stand one under the other, not side by side in a paragraph.
        WebElement category = browser.find(By.id("category")), status = browser.find(By.id("studyStatus"));
        assertThat(status.getLocation().getY()).isGreaterThan(category.getLocation().getY() + category.getSize().getHeight());
        browser.checkAccessibility();

        browser.driver().executeScript("arguments[0].value = '2031-01-01';", browser.find(By.id("latestClinicalActivityDate")));
        browser.clickAndLoad(By.cssSelector("form.profile-form button[type=submit]"));
        assertThat(browser.text(By.id("latestClinicalActivityDate-error")))
                .isEqualTo("The end of your latest practice cannot be in the future: if you practise now, enter today's date.");
        assertThat(browser.find(By.id("latestClinicalActivityDate")).getDomAttribute("aria-invalid")).isEqualTo("true");
        browser.checkAccessibility();

        browser.open("/applicant/profile?lang=fr");
        assertThat(browser.findAll(By.cssSelector("form.profile-form fieldset fieldset > legend")).get(0).getText())
                .isEqualTo("Votre diplôme de médecine");
        browser.checkAccessibility();
        browser.open("/applicant/profile?lang=en");
    }
}
