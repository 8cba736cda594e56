package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.cycle.Cycle;
import org.residencymatch.cycle.Phase;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.DatabaseTest;

/** The operator sets the phase dates of an iteration on the calendar page; a wrong order is shown on its field and changes nothing. */
@DatabaseTest
class OperatorCalendarPagesTest {

    // Before the 2025 cycle starts: a phase that has started cannot be moved any more.
    static final LocalDateTime BEFORE_THE_CYCLE = LocalDateTime.of(2024, 8, 1, 12, 0);
    static final org.residencymatch.store.MutableClock clock = new org.residencymatch.store.MutableClock(BEFORE_THE_CYCLE);

    @RegisterExtension
    static final TestServer web = TestServer.demo(clock);

    /** The first iteration's form, one day later than the standard calendar, typed in the cycle's time zone as the page shows it. */
    private static Map<String, String> dayLater() {
        Cycle cycle = web.services().cycles().find(DemoData.CYCLE).orElseThrow();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("iteration", "1");
        for (Phase phase : Phase.values())
            form.put(phase.name(), cycle.local(cycle.startOf(1, phase).orElseThrow()).plusDays(1).toLocalDateTime().toString());
        return form;
    }

    @Test
    void theOperatorSavesAnIterationAndSeesTheNotice() throws Exception {
        BrowserlessSession operator = new BrowserlessSession(web.port());
        operator.signIn(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD);
        String page = operator.get("/operator/calendar").body();
        assertThat(page).contains("Match calendar").contains("Iteration 2").contains("Rank order list deadline")
                .contains("id=\"i1-ROL_DEADLINE\"")
                .as("the deadline, stored as 15:00 UTC, is shown and typed in the cycle's zone").contains("value=\"2025-02-11T10:00\"")
                .contains("Eastern Time (America/Toronto)").contains("href=\"/operator/calendar\"");
        LocalDateTime match = web.services().cycles().find(DemoData.CYCLE).orElseThrow().startOf(1, Phase.MATCH).orElseThrow();
        var saved = operator.post("/operator/calendar", dayLater());
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).isEqualTo("/operator/calendar?saved=1");
        assertThat(operator.get("/operator/calendar?saved=1").body()).contains("The calendar of iteration 1 is saved.");
        assertThat(web.services().cycles().find(DemoData.CYCLE).orElseThrow().startOf(1, Phase.MATCH)).contains(match.plusDays(1));
        assertThat(operator.get("/operator/calendar?lang=fr").body()).contains("Calendrier du jumelage")
                .contains("Date limite des listes de classement");
    }

    @Test
    void aPhaseOutOfOrderIsAnnouncedOnItsFieldAndChangesNothing() throws Exception {
        BrowserlessSession operator = new BrowserlessSession(web.port());
        operator.signIn(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD);
        operator.get("/operator/calendar");
        Cycle before = web.services().cycles().find(DemoData.CYCLE).orElseThrow();
        Map<String, String> form = dayLater();
        form.put("MATCH", form.get("ROL_OPEN"));
        var refused = operator.post("/operator/calendar", form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("aria-describedby=\"i1-MATCH-error\"")
                .contains(
                        "<p class=\"error\" id=\"i1-MATCH-error\" role=\"alert\">This phase must start after “Rank order list deadline” starts.</p>")
                .contains("value=\"" + form.get("ROL_OPEN") + "\"");
        form.put("MATCH", "");
        assertThat(operator.post("/operator/calendar", form).body())
                .contains("id=\"i1-MATCH-error\" role=\"alert\">Give this phase a start date and time.");
        assertThat(web.services().cycles().find(DemoData.CYCLE).orElseThrow()).isEqualTo(before);
    }

    @Test
    void theTimeZoneChangesHowTimesAreShownAndTypedButMovesNoPhase() throws Exception {
        BrowserlessSession operator = new BrowserlessSession(web.port());
        operator.signIn(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD);
        operator.get("/operator/calendar");
        Cycle before = web.services().cycles().find(DemoData.CYCLE).orElseThrow();
        try {
            var saved = operator.post("/operator/calendar/time-zone", Map.of("timeZone", "America/Vancouver"));
            assertThat(saved.headers().firstValue("Location")).contains("/operator/calendar?saved=zone");
            Cycle after = web.services().cycles().find(DemoData.CYCLE).orElseThrow();
            assertThat(after.timeZone().getId()).isEqualTo("America/Vancouver");
            assertThat(after.phases()).isEqualTo(before.phases());
            LocalDateTime deadline = after.startOf(1, Phase.ROL_DEADLINE).orElseThrow();
            assertThat(operator.get("/operator/calendar?saved=zone").body()).contains("The time zone is saved.")
                    .as("a February time in Vancouver is 8 hours behind UTC")
                    .contains("value=\"" + deadline.minusHours(8).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"))
                            + "\"");
            assertThat(operator.post("/operator/calendar/time-zone", Map.of("timeZone", "Mars/Olympus")).statusCode()).isEqualTo(400);
            assertThat(web.services().cycles().find(DemoData.CYCLE).orElseThrow().timeZone().getId()).isEqualTo("America/Vancouver");
        } finally {
            web.services().calendar().setTimeZone(DemoData.CYCLE, before.timeZone(), "test");
        }
    }

    @Test
    void phasesThatHaveStartedAreShownAsFixedNotOfferedForEditing() throws Exception {
        clock.set(LocalDateTime.of(2024, 10, 15, 12, 0)); // program selection of the first iteration
        try {
            BrowserlessSession operator = new BrowserlessSession(web.port());
            operator.signIn(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD);
            String page = operator.get("/operator/calendar").body();
            assertThat(page).containsPattern("id=\"i1-REGISTRATION\"[^>]*readonly[^>]*aria-describedby=\"i1-REGISTRATION-fixed\"")
                    .contains("<p class=\"meta\" id=\"i1-PROGRAM_SELECTION-fixed\">This phase has started: its start is fixed.</p>")
                    .doesNotContain("id=\"i1-FILE_REVIEW-fixed\"").doesNotContain("id=\"i2-REGISTRATION-fixed\"");
            assertThat(page.substring(page.indexOf("id=\"i1-FILE_REVIEW\""))).as("a phase still to come is editable")
                    .startsWith("id=\"i1-FILE_REVIEW\" name=\"FILE_REVIEW\" type=\"datetime-local\" required value=")
                    .doesNotStartWith("readonly");
        } finally {
            clock.set(BEFORE_THE_CYCLE);
        }
    }

    @Test
    void onlyTheOperatorOpensThePage() throws Exception {
        BrowserlessSession applicant = new BrowserlessSession(web.port());
        applicant.signIn("mei.wong@applicant.example", DemoData.PASSWORD);
        assertThat(applicant.get("/operator/calendar").statusCode()).isEqualTo(403);
    }
}
