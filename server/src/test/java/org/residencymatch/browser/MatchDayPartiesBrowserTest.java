package org.residencymatch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.residencymatch.Services;
import org.residencymatch.demo.DemoData;
import org.residencymatch.web.Messages;
import org.residencymatch.program.ProgramStream;
import org.residencymatch.program.StreamType;
import org.residencymatch.store.MutableClock;

/**
 * Match day as every party but the operator ({@link MatchDayBrowserTest} walks the operator's), in a
 * real browser: the AIMG Program is refused its list's outcomes before release and exports them after;
 * a matched applicant reads the result on the home page and in the status column; an unmatched one what
 * comes next and, the cycle's policy being on, why each program on her list did not place her, in
 * English and French; program staff their matched applicants with names, emails and the export.
 */
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MatchDayPartiesBrowserTest {

    static final MutableClock clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));
    @RegisterExtension
    static final BrowserExtension web = new BrowserExtension(clock);
    /** Anesthesiology at McMaster and an Ottawa stream, Ontario IMG streams Amira may select. */
    static final String MCMASTER_IMG = "27039", OTTAWA_IMG = "26697";
    static String ubcStream;

    /**
     * McMaster has one position and ranks Mei above Amira (Rajesh, on the AIMG list, it does not rank);
     * Ottawa submits no list; UBC has one position and ranks Émilie. Nothing is run or released yet.
     */
    @BeforeAll
    static void listsSubmitted() {
        var services = web.services();
        ubcStream = ubcCmgStream(services);
        services.quotas().setQuota(DemoData.CYCLE, MCMASTER_IMG, 1, "test");
        services.quotas().setQuota(DemoData.CYCLE, ubcStream, 1, "test");
        for (String applicant : List.of("A-2001", "A-2002", "A-2024"))
            services.applications().apply(DemoData.CYCLE, 1, applicant, MCMASTER_IMG, "test");
        services.applications().apply(DemoData.CYCLE, 1, "A-2001", OTTAWA_IMG, "test");
        services.applications().apply(DemoData.CYCLE, 1, "A-1001", ubcStream, "test");
        clock.set(LocalDateTime.of(2025, 1, 20, 12, 0));
        services.rankLists().saveApplicantList(DemoData.CYCLE, 1, "A-2024", List.of(MCMASTER_IMG), true, "test");
        services.rankLists().saveApplicantList(DemoData.CYCLE, 1, "A-2002", List.of(MCMASTER_IMG), true, "test");
        services.rankLists().saveApplicantList(DemoData.CYCLE, 1, "A-2001", List.of(MCMASTER_IMG, OTTAWA_IMG), true, "test");
        services.rankLists().saveApplicantList(DemoData.CYCLE, 1, "A-1001", List.of(ubcStream), true, "test");
        services.rankLists().saveStreamList(DemoData.CYCLE, 1, MCMASTER_IMG, List.of("A-2024", "A-2001"), true, "test");
        services.rankLists().saveStreamList(DemoData.CYCLE, 1, ubcStream, List.of("A-1001"), true, "test");
        services.placementReasons().set(DemoData.CYCLE, true, "test");
    }

    /** On match day: the match is run and released (once, whichever test comes first). */
    static synchronized void released() {
        var runs = web.services().matchRuns();
        if (runs.releasedRun(DemoData.CYCLE, 1).isPresent()) return;
        clock.set(LocalDateTime.of(2025, 3, 5, 12, 0));
        long runId = runs.run(DemoData.CYCLE, 1, 1L, "test").id();
        runs.release(DemoData.CYCLE, runId, "test");
    }

    /** What the page's own session gets for a link it shows, as its script would fetch it (a download does not load a page). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> fetch(Browser browser, String href) {
        return (Map<String, Object>) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                  .then(async r => done({status: r.status, type: r.headers.get('content-type') || '', body: await r.text()}))
                  .catch(e => done({status: -1, type: '', body: String(e)}));""", href);
    }

    @Test
    @Order(1)
    void theAimgProgramIsRefusedItsListsOutcomesBeforeReleaseAndExportsThemAfter() {
        Browser browser = web.browser().signIn("aimg@partner.example");
        browser.open("/partner/lists");
        assertThat(browser.findAll(By.id("outcomes-AIMG"))).as("no export offered before release").isEmpty();
        assertThat(browser.pageText()).contains("Available once the match results are released.");
        Map<String, Object> early = fetch(browser, "/api/v1/cycles/" + DemoData.CYCLE + "/lists/AIMG/outcomes.csv");
        assertThat(early.get("status")).isEqualTo(409L);
        assertThat((String) early.get("body")).contains("RESULTS_NOT_RELEASED");

        released();
        browser = web.browser().signIn("aimg@partner.example");
        browser.open("/partner/lists");
        String href = browser.find(By.id("outcomes-AIMG")).getDomAttribute("href");
        assertThat(href).isEqualTo("/api/v1/cycles/" + DemoData.CYCLE + "/lists/AIMG/outcomes.csv");
        Map<String, Object> csv = fetch(browser, href);
        assertThat(csv.get("status")).isEqualTo(200L);
        assertThat((String) csv.get("type")).startsWith("text/csv");
        assertThat((String) csv.get("body")).as("Rajesh, on the AIMG list, unmatched").contains("A-2002").contains("Patel")
                .contains("UNMATCHED");
        assertThat(fetch(browser, "/api/v1/cycles/" + DemoData.CYCLE + "/lists/QIMG/outcomes.csv").get("status")).as("another body's list")
                .isEqualTo(403L);
    }

    @Test
    @Order(2)
    void aMatchedApplicantReadsTheResultOnTheHomePageAndInTheStatusColumn() {
        released();
        Browser browser = web.browser().signIn("mei.wong@applicant.example");
        assertThat(browser.path()).isEqualTo("/applicant");
        assertThat(browser.text(By.id("match-result"))).contains("Your match result, iteration 1")
                .contains("Match result: you matched to Anesthesiology")
                .contains("The program will contact you.");
        assertThat(browser.findAll(By.id("placement-reasons"))).as("only the unmatched get reasons").isEmpty();
        browser.clickAndLoad(By.cssSelector("nav.sections a[href='/applicant/applications']"));
        assertThat(browser.text(By.id("match-result"))).contains("you matched to Anesthesiology");
        assertThat(browser.text(By.cssSelector("main > table > tbody"))).contains("Matched");
    }

    @Test
    @Order(3)
    void anUnmatchedApplicantReadsWhatComesNextAndWhyEachProgramDidNotPlaceHerInEnglishAndFrench() {
        released();
        Browser browser = web.browser().signIn("amira.haddad@applicant.example");
        String result = browser.text(By.id("match-result"));
        assertThat(result).contains("You did not match in iteration 1.").contains("The second iteration opens")
                .contains("Ask the help desk");
        assertThat(browser.find(By.cssSelector("#match-result a[href='/applicant/catalogue?iteration=2']")).getText())
                .isEqualTo("See the second iteration's programs");
        List<String> rows = browser.findAll(By.cssSelector("#placement-reasons tbody tr")).stream().map(e -> e.getText()).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).contains("McMaster").contains("The program filled its positions with applicants it ranked above you.");
        assertThat(rows.get(1)).contains("Ottawa").contains("The program did not rank you.");
        assertThat(result).as("nobody else is named").doesNotContain("Mei").doesNotContain("Wong").doesNotContain("A-2024");

        browser.clickAndLoad(By.cssSelector("nav.sections a[href='/applicant/applications']"));
        assertThat(browser.text(By.cssSelector("main > table > tbody"))).contains("Not matched");
        assertThat(browser.findAll(By.cssSelector("#placement-reasons tbody tr"))).hasSize(2);

        browser.clickAndLoad(By.cssSelector("form[action='/language'] button"));
        assertThat(browser.language()).isEqualTo("fr");
        assertThat(browser.text(By.id("match-result"))).contains("Vous n’avez pas été jumelé au tour 1.")
                .contains("Pourquoi chaque programme ne vous a pas retenu")
                .contains("Le programme a pourvu ses postes avec des candidats qu’il a classés avant vous.")
                .contains("Le programme ne vous a pas classé.");
        assertThat(browser.text(By.cssSelector("main > table > tbody"))).contains("Non jumelé");
    }

    @Test
    @Order(4)
    void programStaffReadTheirMatchedApplicantsWithNamesAndEmailsAndExportThem() {
        released();
        Browser browser = web.browser().signIn("staff@ubc.example");
        browser.clickAndLoad(By.id("matched-link"));
        assertThat(browser.path()).startsWith("/staff/matched");
        assertThat(browser.text(By.id("matched"))).contains("A-1001").contains("Émilie Tremblay")
                .contains("emilie.tremblay@applicant.example")
                .contains(ubcStream).doesNotContain("A-2024");
        String href = browser.find(By.id("matched-csv")).getDomAttribute("href");
        assertThat(href).isEqualTo("/api/v1/cycles/" + DemoData.CYCLE + "/iterations/1/matched.csv");
        Map<String, Object> csv = fetch(browser, href);
        assertThat(csv.get("status")).isEqualTo(200L);
        assertThat((String) csv.get("body")).contains("A-1001").contains("Tremblay").contains("emilie.tremblay@applicant.example")
                .doesNotContain("A-2024");

        // In French too, and on the stream's own page: the matched applicant by name beside the id.
        browser.clickAndLoad(By.cssSelector("form[action='/language'] button"));
        assertThat(browser.language()).isEqualTo("fr");
        assertThat(browser.text(By.id("matched"))).contains("A-1001").contains("Émilie Tremblay");
        browser.open("/staff/streams/" + ubcStream);
        assertThat(browser.findAll(By.cssSelector(".matched")).stream().map(e -> e.getText())).contains("Tremblay, Émilie (A-1001)");
        String matchedTo = Messages.of("fr").t("staff.matched", "§");
        assertThat(browser.pageText()).contains(matchedTo.substring(0, matchedTo.indexOf('§')));
    }

    /** A UBC stream for CMGs: one that ranks Émilie gives UBC's program staff someone matched. */
    static String ubcCmgStream(Services services) {
        return services.database().jdbi().withHandle(h -> services.programs().streams(h, DemoData.CYCLE)).stream()
                .filter(s -> s.facultyId().equals("UBC") && s.type() == StreamType.CMG).findFirst().map(ProgramStream::streamId)
                .orElseThrow();
    }
}
