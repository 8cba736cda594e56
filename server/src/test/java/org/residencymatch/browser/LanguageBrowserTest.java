package org.residencymatch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.residencymatch.demo.DemoData;

/**
 * #16 point 4, "the language choice is forgotten at sign-out": in a real browser whose own language is
 * English, French chosen once stays the browser's language after signing out, when the next person signs in
 * on the same browser, and when the session ends without signing out (the browser closed: its session
 * cookie gone). axe checks every page shown.
 */
@Tag("browser")
class LanguageBrowserTest {

    @RegisterExtension
    static final BrowserExtension web = new BrowserExtension();

    static final String MEI = "mei.wong@applicant.example";

    static void switchLanguage(Browser browser) {
        browser.clickAndLoad(By.cssSelector("form[action='/language'] button[type=submit]"));
    }

    static void signOut(Browser browser) {
        browser.clickAndLoad(By.cssSelector("form[action='/logout'] button[type=submit]"));
    }

    /** The sign-in page and the pages a visitor goes to from it, all in French. */
    static void visitorPagesAreFrench(Browser browser) {
        assertThat(browser.path()).startsWith("/login");
        assertThat(browser.language()).isEqualTo("fr");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Connexion");
        assertThat(browser.text(By.cssSelector("form[action='/login'] button[type=submit]"))).isEqualTo("Se connecter");
        assertThat(browser.text(By.cssSelector("label[for=password]"))).isEqualTo("Mot de passe");
        assertThat(browser.text(By.cssSelector("form[action='/language'] button"))).as("the switch offers the other language")
                .isEqualTo("English");
        browser.clickAndLoad(By.cssSelector("a[href='/password/forgot']"));
        assertThat(browser.language()).isEqualTo("fr");
        assertThat(browser.pageText()).contains("Mot de passe oublié").doesNotContain("Forgot your password");
        // Registration is closed on the system clock's date: the page that says so, in French too.
        browser.open("/register");
        assertThat(browser.language()).isEqualTo("fr");
        assertThat(browser.pageText()).contains("Rien n’a été modifié.").doesNotContain("Register").doesNotContain("Nothing was changed");
    }

    @Test
    void frenchChosenWhileSignedInSurvivesSignOutAndIsTheNextPersonsLanguageOnThisBrowser() {
        Browser browser = web.browser();
        browser.signIn(MEI);
        assertThat(browser.language()).as("the browser asks for English").isEqualTo("en");
        assertThat(browser.text(By.tagName("h1"))).contains("Your match");
        switchLanguage(browser);
        assertThat(browser.language()).isEqualTo("fr");
        assertThat(browser.text(By.tagName("h1"))).contains("Votre jumelage");

        signOut(browser);
        visitorPagesAreFrench(browser);

        // Someone else signs in on this browser: French still, on their pages too.
        browser.signIn(DemoData.OPERATOR_EMAIL);
        assertThat(browser.path()).startsWith("/operator/dashboard");
        assertThat(browser.language()).isEqualTo("fr");
        assertThat(browser.text(By.tagName("h1"))).contains("Tableau de bord");
        browser.clickAndLoad(By.cssSelector("nav.sections a[href='/operator/match']"));
        assertThat(browser.language()).isEqualTo("fr");
        assertThat(browser.text(By.tagName("h1"))).contains("Le jumelage");

        // Back to English, on the sign-in page this time: that choice is kept in the same way.
        signOut(browser);
        switchLanguage(browser);
        assertThat(browser.language()).isEqualTo("en");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Sign in");
        browser.signIn(MEI);
        assertThat(browser.language()).isEqualTo("en");
        signOut(browser);
        assertThat(browser.language()).isEqualTo("en");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Sign in");
    }

    @Test
    void frenchChosenWhileSignedInSurvivesASessionThatEndsWithoutSigningOut() {
        Browser browser = web.browser();
        browser.signIn(MEI);
        browser.clickAndLoad(By.cssSelector("nav.sections a[href='/applicant/profile']"));
        switchLanguage(browser);
        assertThat(browser.language()).isEqualTo("fr");
        assertThat(browser.path()).as("the switch comes back to the page").startsWith("/applicant/profile");

        // Closing the browser drops the session cookie (it has no lifetime of its own); the session is gone.
        browser.driver().manage().deleteCookieNamed("rm_session");
        browser.open("/applicant");
        assertThat(browser.path()).as("signed out").startsWith("/login");
        visitorPagesAreFrench(browser);
        browser.open("/login");
        browser.signIn(MEI);
        assertThat(browser.language()).isEqualTo("fr");
        assertThat(browser.text(By.tagName("h1"))).contains("Votre jumelage");
    }
}
