package org.residencymatch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.residencymatch.demo.DemoData;

/** An applicant in a real browser: sign in, search and filter, read why a stream is closed, switch to French. */
@Tag("browser")
class ApplicantBrowserTest {

    @RegisterExtension
    static final BrowserExtension web = new BrowserExtension();

    private static final By FIRST_WHY = By.cssSelector("details.why > summary");

    @Test
    void anApplicantFiltersTheCatalogueReadsWhyAStreamIsClosedAndSwitchesToFrench() {
        Browser browser = web.browser();
        browser.open("/");
        assertThat(browser.path()).startsWith("/login");

        browser.type(By.id("email"), "amira.haddad@applicant.example");
        browser.type(By.id("password"), DemoData.PASSWORD);
        browser.clickAndLoad(By.cssSelector("form[action='/login'] button[type=submit]"));
        // She lands on her home page: where the match stands and what is left to do, each step a link.
        assertThat(browser.path()).isEqualTo("/applicant");
        assertThat(browser.text(By.cssSelector("[role=status]"))).startsWith("The 2025 R-1 match, iteration 1: it is now");
        assertThat(browser.findAll(By.cssSelector(".checklist li"))).extracting(WebElement::getText)
                .as("the to-do list never asks for what the phase forbids")
                .contains("Done: Your profile is filled in; it can no longer be changed in this phase.");
        browser.clickAndLoad(By.cssSelector("nav.sections a[href='/applicant/catalogue']"));
        assertThat(browser.path()).isEqualTo("/applicant/catalogue");
        assertThat(browser.text(By.tagName("h1"))).isNotBlank();

        browser.type(By.id("q"), "Calgary");
        browser.choose(By.id("province"), "Alberta");
        browser.choose(By.id("streamType"), "IMGs only");
        browser.clickAndLoad(By.cssSelector("form.filters button[type=submit]"));
        assertThat(browser.path()).contains("q=Calgary").contains("province=AB").contains("streamType=IMG");
        List<WebElement> rows = browser.findAll(By.cssSelector("tbody tr"));
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.getText()).contains("University of Calgary").contains("Alberta"));

        WebElement details = browser.find(By.cssSelector("details.why"));
        assertThat(details.findElement(By.cssSelector(".reason")).isDisplayed()).isFalse();
        browser.click(FIRST_WHY);
        assertThat(details.getDomAttribute("open")).isNotNull();
        WebElement reason = details.findElement(By.cssSelector(".reason"));
        assertThat(reason.isDisplayed()).isTrue();
        assertThat(reason.getText()).contains("What to do:").contains("AIMG_LIST_REQUIRED");
        WebElement nextStep = reason.findElement(By.tagName("a"));
        assertThat(nextStep.isDisplayed()).isTrue();
        assertThat(nextStep.getText()).isNotBlank();
        assertThat(nextStep.getDomAttribute("href")).isEqualTo("https://aimg.ca");
        browser.checkAccessibility(); // the open panel too

        browser.clickAndLoad(By.cssSelector("form[action='/language'] button"));
        // The switch comes back to the same page with its filters.
        assertThat(browser.path()).isEqualTo("/applicant/catalogue?q=Calgary&province=AB&discipline=&streamType=IMG&decision=&iteration=1");
        assertThat(browser.language()).isEqualTo("fr");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Catalogue des programmes");
        assertThat(browser.find(By.cssSelector("form[action='/language'] button")).getText()).isEqualTo("English");

        // The choice is remembered: the next pages, reached without any language in the address, are French.
        browser.choose(By.id("province"), "Alberta");
        browser.choose(By.id("streamType"), "DHCEU seulement");
        browser.clickAndLoad(By.cssSelector("form.filters button[type=submit]"));
        assertThat(browser.path()).contains("province=AB").doesNotContain("lang=");
        assertThat(browser.language()).isEqualTo("fr");
        assertThat(browser.text(FIRST_WHY)).isEqualTo("Pourquoi ne puis-je pas postuler?");
        browser.click(FIRST_WHY);
        assertThat(browser.find(By.cssSelector("details.why .reason")).getText()).contains("Quoi faire :");
        browser.checkAccessibility();
        browser.clickAndLoad(By.cssSelector("a.brand"));
        assertThat(browser.path()).isEqualTo("/applicant");
        assertThat(browser.language()).isEqualTo("fr");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Votre jumelage");
        assertThat(browser.text(By.id("todo-title"))).isEqualTo("Ce qui reste à faire");
        browser.open("/help/contact");
        assertThat(browser.language()).isEqualTo("fr");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Joindre l’opérateur du jumelage");

        browser.open("/operator/cases"); // not hers: the error page, in French, checked by axe like the rest
        assertThat(browser.language()).isEqualTo("fr");
        assertThat(browser.text(By.tagName("h1"))).as("what happened, in her words, not a status code")
                .isEqualTo("Votre compte n’a pas accès à ceci");
    }

    @Test
    void anApplicantSignsInAndOpensAWhyPanelWithTheKeyboardAlone() {
        Browser browser = web.browser();
        browser.open("/login");

        browser.tabTo(By.id("email"), 10);
        browser.assertFocusIndicatorVisible();
        browser.press("fatima.benali@applicant.example", Keys.TAB);
        assertThat(browser.focused().getDomAttribute("id")).isEqualTo("password");
        browser.pressAndLoad(DemoData.PASSWORD, Keys.ENTER);
        assertThat(browser.path()).isEqualTo("/applicant");
        browser.open("/applicant/catalogue"); // typed in the address bar

        // The first Tab reaches the skip link; following it skips the header.
        browser.press(Keys.TAB);
        assertThat(browser.focused().getDomAttribute("href")).isEqualTo("#main");
        browser.press(Keys.ENTER);
        browser.press(Keys.TAB);
        assertThat(browser.focused().getDomAttribute("id")).isEqualTo("q");

        // Streams she can select come first; ask for the others: type ahead in the select, then the button.
        browser.tabTo(By.id("decision"), 10);
        browser.press("Not eligible");
        assertThat(browser.find(By.id("decision")).getDomProperty("value")).isEqualTo("NOT_ELIGIBLE");
        browser.tabTo(By.cssSelector("form.filters button[type=submit]"), 5);
        browser.pressAndLoad(Keys.ENTER);
        assertThat(browser.path()).contains("decision=NOT_ELIGIBLE");

        browser.press(Keys.TAB);
        assertThat(browser.focused().getDomAttribute("href")).isEqualTo("#main");
        browser.press(Keys.ENTER);
        browser.tabTo(FIRST_WHY, 40);
        browser.assertFocusIndicatorVisible();
        WebElement details = browser.find(By.cssSelector("details.why"));
        assertThat(details.getDomAttribute("open")).isNull();
        browser.press(Keys.SPACE);
        assertThat(details.getDomAttribute("open")).isNotNull();
        assertThat(details.findElement(By.cssSelector(".reason")).isDisplayed()).isTrue();
        assertThat(details.getText()).contains("What to do:");
        browser.checkAccessibility();

        // The next Tab enters the panel: its next-step link.
        browser.press(Keys.TAB);
        WebElement link = browser.focused();
        assertThat(link.getTagName()).isEqualTo("a");
        browser.assertFocusIndicatorVisible();
        assertThat(details.findElements(By.tagName("a"))).contains(link);
        browser.shiftTab();
        assertThat(browser.focused().getText()).isEqualTo("Why can't I apply?");
        browser.press(Keys.ENTER);
        assertThat(details.getDomAttribute("open")).as("Enter on the summary closes the panel again").isNull();
    }
}
