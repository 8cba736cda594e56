package org.residencymatch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.residencymatch.demo.DemoData;

/**
 * The operator finds Jean-François Lévesque by typing his name without accents, opens his file, and checks a
 * receipt code; every page passes the accessibility check.
 */
@Tag("browser")
class PeopleBrowserTest {

    @RegisterExtension
    static final BrowserExtension web = new BrowserExtension();

    @Test
    void theOperatorSearchesANameWithoutAccentsAndOpensTheApplicantsFile() {
        Browser browser = web.browser();
        browser.signIn(DemoData.OPERATOR_EMAIL);
        browser.clickAndLoad(By.cssSelector("nav.sections a[href='/operator/applicants']"));
        browser.type(By.id("q"), "francois levesque");
        browser.clickAndLoad(By.cssSelector("form[role=search] button[type=submit]"));
        assertThat(browser.pageText()).contains("One applicant found");
        browser.checkAccessibility();

        browser.clickAndLoad(By.cssSelector("a[href='/operator/applicants/A-2004']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Lévesque, Jean-François (A-2004)");
        assertThat(browser.text(By.id("lists"))).contains("QIMG");
        assertThat(browser.text(By.id("identity"))).contains("jean-francois.levesque@applicant.example");
        browser.checkAccessibility();

        // A receipt the operator is shown that belongs to no submitted list.
        browser.clickAndLoad(By.cssSelector("nav.sections a[href='/operator/receipts']"));
        browser.type(By.id("ownerId"), "A-2004");
        browser.type(By.id("code"), "aaaaa-aaaaa");
        browser.clickAndLoad(By.cssSelector("form[action='/operator/receipts'] button[type=submit]"));
        assertThat(browser.text(By.id("receipt-verdict"))).contains("matches no submitted version");
        browser.checkAccessibility();
    }
}
