package org.residencymatch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.MutableClock;
import org.residencymatch.web.Access;
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

    @BeforeAll
    static void aRouteThatFails() {
        // A bug, as a page would meet one: the page must say something went wrong, and nothing of the bug.
        web.server().javalin().unsafe.internalRouter.addHttpEndpoint(new Endpoint(HandlerType.GET, "/applicant/failing-for-a-test",
                ctx -> {
                    throw new IllegalStateException("a secret detail A-2001");
                }, Set.of(new Roles(Set.of(Access.APPLICANT)))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void aValueNoFormOffersAndABugArePagesInTheReadersLanguageSayingWhatToDo(String language) {
        Browser browser = web.browser();
        browser.signIn("amira.haddad@applicant.example");
        Messages m = Messages.of(language);
        browser.open("/applicant/follow-ups?lang=" + language);

        // A form sent with a value none of the page's controls can give (a stream left empty): 400, said plainly,
        // with the way back to the page it came from.
        ((JavascriptExecutor) browser.driver()).executeScript(
                """
                        const form = document.createElement('form');
                        form.method = 'post';
                        form.action = '/applicant/applications';
                        for (const [name, value] of [['_csrf', document.querySelector('input[name=_csrf]').value], ['streamId', ''], ['iteration', '1']]) {
                          const input = document.createElement('input');
                          input.type = 'hidden'; input.name = name; input.value = value;
                          form.appendChild(input);
                        }
                        const send = document.createElement('button');
                        send.type = 'submit'; send.id = 'tampered-send'; send.textContent = 'Send';
                        form.appendChild(send);
                        document.querySelector('main').appendChild(form);""");
        browser.clickAndLoad(By.id("tampered-send"));
        assertThat(browser.language()).isEqualTo(language);
        assertThat(browser.text(By.tagName("h1"))).isEqualTo(m.t("error.heading.400"));
        assertThat(browser.pageText()).contains(m.t("error.code.INVALID_FIELD")).contains(m.t("error.next.400"))
                .doesNotContain("INVALID_FIELD").doesNotContain("choose a program stream").doesNotContain("Exception");
        browser.clickAndLoad(By.linkText(m.t("error.back")));
        assertThat(browser.path()).startsWith("/applicant/follow-ups");

        // A bug: something went wrong on our side, nothing of what.
        browser.open("/applicant/failing-for-a-test");
        assertThat(browser.language()).isEqualTo(language);
        assertThat(browser.text(By.tagName("h1"))).isEqualTo(m.t("error.heading.500"));
        assertThat(browser.pageText()).contains(m.t("error.next.500")).doesNotContain("secret").doesNotContain("A-2001")
                .doesNotContain("IllegalState").doesNotContain("Exception");
        browser.open("/?lang=en");
        browser.clickAndLoad(By.cssSelector("form[action='/logout'] button"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void anAddressNobodyServesAndAPageNotForTheRoleArePagesInTheReadersLanguageThatLeadHome(String language) {
        Browser browser = web.browser();
        browser.signIn("amira.haddad@applicant.example");
        Messages m = Messages.of(language), other = Messages.of(m.otherLanguage());
        browser.open("/applicant/no-such-page?lang=" + language);
        assertThat(browser.language()).isEqualTo(language);
        assertThat(browser.text(By.tagName("h1"))).isEqualTo(m.t("error.heading.404"));
        assertThat(browser.pageText()).contains(m.t("error.next.404")).doesNotContain("NOT_FOUND").doesNotContain("Endpoint")
                .doesNotContain(other.t("error.home"));
        browser.clickAndLoad(By.linkText(m.t("error.home")));
        assertThat(browser.path()).doesNotContain("no-such-page");

        // An applicant who opens the operator's page: told it is not open to her account, and whom to ask.
        browser.open("/operator/dashboard");
        assertThat(browser.language()).isEqualTo(language);
        assertThat(browser.text(By.tagName("h1"))).isEqualTo(m.t("error.heading.403"));
        assertThat(browser.pageText()).contains(m.t("error.next.403")).doesNotContain("FORBIDDEN").doesNotContain("OPERATOR")
                .doesNotContain(other.t("error.heading.403"));
        browser.clickAndLoad(By.linkText(m.t("error.home")));
        assertThat(browser.path()).doesNotStartWith("/operator");
        browser.open("/?lang=en");
        browser.clickAndLoad(By.cssSelector("form[action='/logout'] button"));
    }

    @Test
    void invitingNobodyToCapIsSaidBesideTheListWithWhatWasTypedKept() {
        Browser browser = web.browser();
        browser.signIn(DemoData.OPERATOR_EMAIL);
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
