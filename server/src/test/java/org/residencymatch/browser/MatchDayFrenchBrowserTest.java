package org.residencymatch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.MutableClock;

/**
 * #16 point 4 on match day, in French, in a real browser whose own language is English: the operator chooses
 * French and runs the match, confirms the release (a wrong run id refused in French), reads the results, the
 * report and the AIMG CAP pool, and invites to CAP (a deadline in the past refused in French, beside the
 * field); the unmatched applicant reads his result, accepts the CAP invitation and opens the second
 * iteration's programs; program staff read their matched applicants. Every page is in French (its
 * {@code lang}, its texts, the names of disciplines and streams) with no English interface text, and axe
 * checks each one. {@link MatchDayBrowserTest} and {@link MatchDayPartiesBrowserTest} walk the same day in English.
 */
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MatchDayFrenchBrowserTest {

    static final MutableClock clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));
    @RegisterExtension
    static final BrowserExtension web = new BrowserExtension(clock);
    /** Anesthesiology at McMaster, an Ontario IMG stream. */
    static final String MCMASTER_IMG = "27039";
    /** Mei is matched; Rajesh, on the AIMG list, is not ranked: unmatched, in the AIMG CAP pool. */
    static final String MEI = "A-2024", RAJESH = "A-2002", EMILIE = "A-1001";
    /** English interface text met on these pages before they were translated, and the English of their headings. */
    static final List<String> ENGLISH = List.of("Release cannot be undone", "Every applicant of this run", "That is not the id",
            "The match of this iteration is final", "Unmatched", "Match report", "matched to", "Anesthesiology", "IMG Stream",
            "Clinical Assessment", "The answer deadline", "You did not match", "Your match result", "Accept the invitation",
            "second iteration", "Applicants matched to your streams", " the ", " and ", " of ");

    /** A UBC stream for CMGs, which ranks Émilie: UBC's program staff have someone matched. */
    static String ubcStream;

    @BeforeAll
    static void listsSubmitted() {
        var services = web.services();
        ubcStream = MatchDayPartiesBrowserTest.ubcCmgStream(services);
        for (String applicant : List.of(MEI, RAJESH)) services.applications().apply(DemoData.CYCLE, 1, applicant, MCMASTER_IMG, "test");
        services.applications().apply(DemoData.CYCLE, 1, EMILIE, ubcStream, "test");
        clock.set(LocalDateTime.of(2025, 1, 20, 12, 0));
        for (String applicant : List.of(MEI, RAJESH)) {
            services.rankLists().saveApplicantList(DemoData.CYCLE, 1, applicant, List.of(MCMASTER_IMG), true, "test");
        }
        services.rankLists().saveApplicantList(DemoData.CYCLE, 1, EMILIE, List.of(ubcStream), true, "test");
        services.rankLists().saveStreamList(DemoData.CYCLE, 1, MCMASTER_IMG, List.of(MEI), true, "test");
        services.rankLists().saveStreamList(DemoData.CYCLE, 1, ubcStream, List.of(EMILIE), true, "test");
        clock.set(LocalDateTime.of(2025, 3, 5, 12, 0));
    }

    static Browser signInInFrench(String email) {
        Browser browser = web.browser();
        browser.open("/login");
        assertThat(browser.language()).as("the browser asks for English").isEqualTo("en");
        browser.clickAndLoad(By.cssSelector("form[action='/language'] button[type=submit]"));
        browser.type(By.id("email"), email);
        browser.type(By.id("password"), DemoData.PASSWORD);
        browser.clickAndLoad(By.cssSelector("form[action='/login'] button[type=submit]"));
        return browser;
    }

    /** The page is French: its language, and none of the English these pages showed. */
    static String french(Browser browser) {
        assertThat(browser.language()).as("lang of " + browser.path()).isEqualTo("fr");
        String text = browser.pageText();
        for (String english : ENGLISH) assertThat(text).as("English on " + browser.path()).doesNotContain(english);
        return text;
    }

    @Test
    @Order(1)
    void theOperatorRunsReleasesReadsTheResultsAndInvitesToCapInFrench() {
        var services = web.services();
        Browser browser = signInInFrench(DemoData.OPERATOR_EMAIL);
        browser.open("/operator/match");
        assertThat(french(browser)).contains("Le jumelage");
        browser.driver().findElement(By.cssSelector("form[action='/operator/match/run'] button[type=submit]")).click();
        browser.awaitPath("/operator/match?iteration=1", Duration.ofSeconds(60));
        french(browser);
        long runId = services.matchRuns().runs(DemoData.CYCLE, 1).get(0).id();

        browser.clickAndLoad(By.cssSelector("a[href='/operator/match/" + runId + "/release']"));
        assertThat(french(browser)).contains("Publier les résultats de l’exécution " + runId)
                .contains("La publication est irréversible").contains("Chaque candidat de cette exécution voit son résultat");
        browser.type(By.id("confirm"), "12345678");
        browser.clickAndLoad(By.cssSelector("form[action$='/release'] button[type=submit]"));
        assertThat(browser.text(By.id("confirm-error"))).contains("Ce n’est pas le numéro de cette exécution");
        french(browser);
        browser.type(By.id("confirm"), String.valueOf(runId));
        browser.clickAndLoad(By.cssSelector("form[action$='/release'] button[type=submit]"));
        assertThat(browser.text(By.id("final"))).contains("Le jumelage de ce tour est définitif : l’exécution " + runId + " a été publiée");
        assertThat(browser.text(By.id("no-run"))).contains("Lancer le jumelage n’est pas proposé");
        french(browser);

        // A re-run sent anyway (an old tab): the refusal page in French, nothing run.
        MatchDayBrowserTest.reRunFromAnOldTab(browser);
        assertThat(french(browser)).contains("Action non effectuée").contains("Rien n’a été modifié.")
                .contains("son jumelage est définitif");
        assertThat(services.matchRuns().runs(DemoData.CYCLE, 1)).hasSize(1);

        // The audit log names what was done in French; only the details, the service's own record, stay English (marked so).
        browser.open("/operator/audit");
        String audit = browser.text(By.cssSelector("main table tbody"));
        assertThat(audit).contains("Résultats du jumelage publiés").contains("Jumelage exécuté").doesNotContain("match.released")
                .doesNotContain("match.run");
        assertThat(browser.findAll(By.cssSelector("td.audit-details"))).allMatch(td -> "en".equals(td.getDomAttribute("lang")));
        assertThat(browser.language()).isEqualTo("fr");

        browser.open("/operator/match");
        browser.clickAndLoad(By.cssSelector("#final a[href$='/results']"));
        String results = browser.text(By.id("results"));
        assertThat(results).contains("Résultats de l’exécution " + runId).contains(MEI).contains("Anesthésiologie")
                .contains("Volet DHCEU").contains(RAJESH).contains("Non jumelé");
        french(browser);

        browser.open("/operator/match");
        browser.clickAndLoad(By.cssSelector("#final a[href^='/operator/match/report']"));
        assertThat(french(browser)).contains("Rapport du jumelage").contains("Ontario");

        browser.open("/operator/cap");
        assertThat(french(browser)).contains("Stage d’évaluation clinique de l’AIMG").contains(RAJESH).contains("Pas invité");
        browser.click(By.id("invite-" + RAJESH));
        setRespondBy(browser, "2025-03-01T12:00");
        browser.clickAndLoad(By.cssSelector("form[action='/operator/cap/invite'] button[type=submit]"));
        assertThat(browser.text(By.id("respondBy-error"))).isEqualTo("La date limite de réponse doit être dans le futur.");
        french(browser);
        if (!browser.find(By.id("invite-" + RAJESH)).isSelected()) browser.click(By.id("invite-" + RAJESH));
        setRespondBy(browser, "2025-03-12T12:00");
        browser.clickAndLoad(By.cssSelector("form[action='/operator/cap/invite'] button[type=submit]"));
        assertThat(french(browser)).contains("Invité, sans réponse");
        assertThat(services.clinicalAssessment().invitation(DemoData.CYCLE, RAJESH)).isPresent();
    }

    /** A datetime-local field is filled as its picker would; typing into it depends on the browser's locale. */
    private static void setRespondBy(Browser browser, String value) {
        browser.driver().executeScript("arguments[0].value = arguments[1];", browser.find(By.id("respondBy")), value);
    }

    @Test
    @Order(2)
    void theUnmatchedApplicantReadsHisResultAcceptsCapAndOpensTheSecondIterationInFrench() {
        Browser browser = signInInFrench("rajesh.patel@applicant.example");
        assertThat(browser.path()).isEqualTo("/applicant");
        assertThat(browser.text(By.id("match-result"))).contains("Vous n’avez pas été jumelé au tour 1.");
        french(browser);
        browser.clickAndLoad(By.cssSelector("nav.sections a[href='/applicant/applications']"));
        assertThat(browser.text(By.cssSelector("main > table > tbody"))).contains("Non jumelé").contains("Anesthésiologie");
        french(browser);

        browser.clickAndLoad(By.cssSelector("nav.sections a[href='/applicant/follow-ups']"));
        assertThat(french(browser)).contains("Vous êtes invité à un stage d’évaluation clinique de l’AIMG");
        browser.clickAndLoad(By.cssSelector("button[name=answer][value=ACCEPT]"));
        assertThat(french(browser)).contains("Accepté");

        browser.open("/applicant");
        browser.clickAndLoad(By.cssSelector("#match-result a[href='/applicant/catalogue?iteration=2']"));
        assertThat(browser.path()).startsWith("/applicant/catalogue");
        french(browser);
    }

    @Test
    @Order(3)
    void programStaffReadTheirMatchedApplicantsInFrench() {
        Browser browser = signInInFrench("staff@ubc.example");
        browser.clickAndLoad(By.id("matched-link"));
        assertThat(browser.path()).startsWith("/staff/matched");
        assertThat(browser.text(By.id("matched"))).contains("Candidats jumelés à vos volets, tour 1").contains(EMILIE)
                .contains("Émilie Tremblay").contains("Volet DMC").doesNotContain(MEI);
        french(browser);
    }
}
