package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.NumberFormat;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.demo.DemoData;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.matching.MatchRun;
import org.residencymatch.program.Province;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/** The operator's dashboard on the demo data after a real match run: every chart, its figures, in English and French. */
@DatabaseTest
class DashboardPagesTest {

    static final String MCMASTER_IMG = "27039";
    static final MutableClock clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));
    @RegisterExtension
    static final TestServer web = TestServer.demo(clock);
    static MatchRun run;

    @BeforeAll
    static void start() {
        web.services().applications().apply(DemoData.CYCLE, 1, "A-2001", MCMASTER_IMG, "test");
        web.services().applications().apply(DemoData.CYCLE, 1, "A-2024", MCMASTER_IMG, "test");
        clock.set(LocalDateTime.of(2025, 1, 20, 12, 0));
        web.services().rankLists().saveApplicantList(DemoData.CYCLE, 1, "A-2001", List.of(MCMASTER_IMG), true, "test");
        web.services().rankLists().saveApplicantList(DemoData.CYCLE, 1, "A-2024", List.of(MCMASTER_IMG), true, "test");
        web.services().rankLists().saveStreamList(DemoData.CYCLE, 1, MCMASTER_IMG, List.of("A-2024", "A-2001"), true, "test");
        clock.set(LocalDateTime.of(2025, 2, 20, 12, 0));
        run = web.services().matchRuns().run(DemoData.CYCLE, 1, 3, "test");
    }

    /** The rows of a chart's table: label cell, value cell. */
    static String row(String label, String value) {
        return "<th scope=\"row\">" + label + "</th><td>" + value + "</td>";
    }

    static String chart(String page, String id) {
        int from = page.indexOf("id=\"" + id + "\"");
        assertThat(from).as("chart " + id).isPositive();
        return page.substring(from, page.indexOf("</div>", from));
    }

    /** Counted here from the lists and profiles directly, not through the dashboard's query. */
    static int imgOn(ListKind kind, Set<String> imgApplicants) {
        return (int) imgApplicants.stream()
                .filter(a -> web.services().database().jdbi().withHandle(h -> web.services().lists().forApplicant(h, DemoData.CYCLE, a))
                        .state(kind).isMember())
                .count();
    }

    @Test
    void everyChartShowsTheFiguresOfTheLatestRunTheListsAndTheRankOrderLists() throws Exception {
        BrowserlessSession operator = new BrowserlessSession(web.port());
        operator.signIn(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD);
        var response = operator.get("/operator/dashboard");
        assertThat(response.statusCode()).isEqualTo(200);
        String page = response.body();

        assertThat(Pattern.compile("<svg [^>]*role=\"img\"").matcher(page).results().count()).as("five charts").isEqualTo(5);
        assertThat(page).contains("Fill rate by province", "Fill rate by discipline", "CMGs and IMGs matched",
                "Partner list coverage of IMG applicants", "Length of the rank order lists");
        assertThat(page).as("nothing the content security policy refuses").doesNotContain("style=").doesNotContain("<script");

        assertThat(run.matched()).isPositive();
        int ontarioPositions = web.services().database().jdbi().withHandle(h -> web.services().programs().streams(h, DemoData.CYCLE))
                .stream()
                .filter(s -> s.province() == Province.ON).mapToInt(s -> s.quota()).sum();
        NumberFormat percent = NumberFormat.getPercentInstance(Messages.ENGLISH);
        percent.setMaximumFractionDigits(1);
        String ontarioRate = percent.format((double) run.matched() / ontarioPositions);
        assertThat(chart(page, "fill-province"))
                .contains(row("Ontario",
                        run.matched() + " of " + String.format(Messages.ENGLISH, "%,d", ontarioPositions) + " (" + ontarioRate + ")"))
                .contains(row("Québec",
                        "0 of " + String.format(Messages.ENGLISH, "%,d",
                                web.services().database().jdbi().withHandle(h -> web.services().programs().streams(h, DemoData.CYCLE))
                                        .stream()
                                        .filter(s -> s.province() == Province.QC).mapToInt(s -> s.quota()).sum())
                                + " (0%)"));
        assertThat(chart(page, "matched-category")).contains(row("Canadian medical graduates (CMG)", "0"))
                .contains(row("International medical graduates (IMG)", String.valueOf(run.matched())));

        Set<String> img = Set.copyOf(web.services().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT applicant_id FROM applicant_profile WHERE cycle_id = :c AND category = 'IMG'").bind("c", DemoData.CYCLE)
                .mapTo(String.class).list()));
        String coverage = chart(page, "list-coverage");
        assertThat(coverage).contains("How many of the " + img.size() + " IMG applicants");
        for (ListKind kind : ListKind.values()) {
            int on = imgOn(kind, img);
            assertThat(on).as(kind + " has members in the demo").isPositive();
            assertThat(coverage).contains(on + " of " + img.size() + " (");
        }
        assertThat(chart(page, "rol-lengths")).contains(row("One rank", "2")).contains(row("2 ranks", "0"));
    }

    @Test
    void inFrenchTheNumbersFollowTheLocaleAndEnglishOnlyDisciplineNamesAreMarkedEnglish() throws Exception {
        BrowserlessSession operator = new BrowserlessSession(web.port());
        operator.signIn(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD);
        operator.get("/operator/dashboard");
        operator.post("/language", Map.of("lang", "fr", "next", "/operator/dashboard"));
        String page = operator.get("/operator/dashboard").body();

        assertThat(page).contains("<html lang=\"fr\">").contains("Taux de remplissage par province");
        assertThat(chart(page, "fill-discipline")).as("discipline names in French").contains("<th scope=\"row\">Anesthésiologie</th>")
                .contains(">Anesthésiologie</text>").doesNotContain("Anesthesiology");
        assertThat(chart(page, "fill-province")).as("province names are translated, not marked English")
                .contains("<th scope=\"row\">Colombie-Britannique</th>");
        String zero = NumberFormat.getPercentInstance(Messages.FRENCH).format(0);
        assertThat(zero).as("French writes a space before %").isNotEqualTo("0%");
        assertThat(chart(page, "fill-province")).contains(" (" + zero + ")");
        assertThat(chart(page, "matched-category")).contains("Diplômés hors du Canada et des États-Unis (DHCEU)");
    }

    @Test
    void aSmallShareIsNotRoundedToNothing() {
        assertThat(Messages.of("en").percent(100.0 * 2 / 1438)).isEqualTo("0.1%");
        assertThat(Messages.of("en").percent(40)).isEqualTo("40%");
        assertThat(Messages.of("fr").percent(100.0 * 2 / 1438)).startsWith("0,1").endsWith("%").isNotEqualTo("0,1%");
    }

    @Test
    void anIterationWithoutARunSaysWhenTheMatchCanRunInsteadOfDrawingEmptyCharts() throws Exception {
        BrowserlessSession operator = new BrowserlessSession(web.port());
        operator.signIn(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD);
        String page = operator.get("/operator/dashboard?iteration=2").body();

        assertThat(page).as("one line says what comes next, not one empty chart per figure of the match")
                .containsOnlyOnce("No match run yet").contains("the match can run from Apr. 9, 2025, 8:00 a.m. EDT")
                .contains("<a href=\"/operator/match?iteration=2\">Go to the match page</a>")
                .doesNotContain("id=\"fill-province\"").doesNotContain("id=\"matched-category\"");
        assertThat(page).contains("<p class=\"chart-empty\" id=\"rol-lengths\">");
        assertThat(Pattern.compile("<svg [^>]*role=\"img\"").matcher(page).results().count()).as("only the list coverage").isEqualTo(1);
    }

    @Test
    void onlyTheOperatorSeesTheDashboard() throws Exception {
        BrowserlessSession applicant = new BrowserlessSession(web.port());
        applicant.signIn("amira.haddad@applicant.example", DemoData.PASSWORD);
        assertThat(applicant.get("/operator/dashboard").statusCode()).isEqualTo(403);
    }
}
