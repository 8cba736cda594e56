package org.residencymatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.residencymatch.api.DemoApiServer.CYCLE;
import static org.residencymatch.api.DemoApiServer.failure;
import static org.residencymatch.api.DemoApiServer.invalidField;
import static org.residencymatch.api.DemoApiServer.notFound;

import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.residencymatch.api.client.api.CalendarApi;
import org.residencymatch.api.client.model.Calendar;
import org.residencymatch.api.client.model.CalendarRequest;
import org.residencymatch.api.client.model.Phase;
import org.residencymatch.api.client.model.PhaseStart;
import org.residencymatch.api.client.model.TimeZoneRequest;
import org.residencymatch.store.DatabaseTest;

/** The operator sets an iteration's phase dates through the API; others may read them, not change them; bad calendars change nothing. */
@DatabaseTest
class CalendarApiTest {

    static DemoApiServer demo;

    @BeforeAll
    static void start() {
        // Before the 2025 cycle starts: a phase that has started cannot be moved any more.
        demo = DemoApiServer.start(java.time.Clock.fixed(java.time.Instant.parse("2024-08-01T12:00:00Z"), java.time.ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    /** A whole calendar: the standard second iteration, one year later. */
    private static CalendarRequest shifted() {
        return new CalendarRequest().REGISTRATION("2026-03-05T12:00").PROGRAM_SELECTION("2026-03-06T12:00").FILE_REVIEW("2026-03-20T12:00")
                .INTERVIEWS("2026-03-24T12:00").ROL_OPEN("2026-03-27T12:00").ROL_DEADLINE("2026-04-08T15:00")
                .MATCH("2026-04-09T12:00").RESULTS_RELEASE("2026-04-17T12:00");
    }

    private static long auditRows() {
        return demo.services().database().jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = 'calendar.replaced'")
                        .mapTo(Long.class).one());
    }

    private static LocalDateTime start(Calendar calendar, Phase phase) {
        return calendar.getPhases().stream().filter(p -> p.getPhase() == phase).map(p -> LocalDateTime.parse(p.getStartsAt())).findFirst()
                .orElseThrow();
    }

    @Test
    void theOperatorReplacesAnIterationsDatesAndAnyoneSignedInReadsThem() throws Exception {
        CalendarApi operator = new CalendarApi(demo.operator());
        Calendar before = operator.getCalendar(CYCLE, 2);
        assertThat(before.getPhases()).extracting(PhaseStart::getPhase).containsExactly(Phase.values());
        assertThat(start(before, Phase.MATCH)).isEqualTo(LocalDateTime.of(2025, 4, 9, 12, 0));
        long audited = auditRows();

        Calendar after = operator.setCalendar(CYCLE, 2, shifted());
        assertThat(start(after, Phase.MATCH)).isEqualTo(LocalDateTime.of(2026, 4, 9, 12, 0));
        assertThat(auditRows()).isEqualTo(audited + 1);
        assertThat(demo.services().cycles().find(CYCLE).orElseThrow().startOf(2, org.residencymatch.cycle.Phase.ROL_DEADLINE))
                .contains(LocalDateTime.of(2026, 4, 8, 15, 0));
        assertThat(start(operator.getCalendar(CYCLE, 1), Phase.MATCH)).as("the other iteration is untouched")
                .isEqualTo(LocalDateTime.of(2025, 2, 12, 12, 0));

        CalendarApi partner = new CalendarApi(demo.bearer(demo.tokenForAccount("aimg@partner.example")));
        assertThat(start(partner.getCalendar(CYCLE, 2), Phase.MATCH)).isEqualTo(LocalDateTime.of(2026, 4, 9, 12, 0));
    }

    @Test
    void theOperatorSetsTheCycleTimeZoneWhichMovesNoPhaseAndABadZoneChangesNothing() throws Exception {
        CalendarApi operator = new CalendarApi(demo.operator());
        Calendar before = operator.getCalendar(CYCLE, 1);
        assertThat(before.getTimeZone()).isEqualTo("America/Toronto");
        try {
            assertThat(operator.setTimeZone(CYCLE, new TimeZoneRequest().timeZone("America/Halifax")).getTimeZone())
                    .isEqualTo("America/Halifax");
            Calendar after = operator.getCalendar(CYCLE, 1);
            assertThat(after.getTimeZone()).isEqualTo("America/Halifax");
            assertThat(after.getPhases()).as("the API's times are UTC; no phase moved").isEqualTo(before.getPhases());

            invalidField("timeZone", () -> operator.setTimeZone(CYCLE, new TimeZoneRequest().timeZone("Eastern")));
            invalidField("timeZone",
                    () -> new CalendarApi(demo.operatorSending("{}")).setTimeZone(CYCLE, new TimeZoneRequest().timeZone("UTC")));
            CalendarApi applicant = new CalendarApi(demo.bearer(demo.tokenForApplicant("A-2001")));
            assertThat(failure(403, () -> applicant.setTimeZone(CYCLE, new TimeZoneRequest().timeZone("UTC"))).getCode())
                    .isEqualTo("FORBIDDEN");
            notFound(() -> operator.setTimeZone("1999-R1", new TimeZoneRequest().timeZone("UTC")));
            assertThat(operator.getCalendar(CYCLE, 1).getTimeZone()).isEqualTo("America/Halifax");
        } finally {
            operator.setTimeZone(CYCLE, new TimeZoneRequest().timeZone("America/Toronto"));
        }
    }

    @Test
    void refusalsNameTheFaultAndChangeNothing() throws Exception {
        CalendarApi operator = new CalendarApi(demo.operator());
        Calendar before = operator.getCalendar(CYCLE, 1);
        long audited = auditRows();

        CalendarApi applicant = new CalendarApi(demo.bearer(demo.tokenForApplicant("A-2001")));
        assertThat(failure(403, () -> applicant.setCalendar(CYCLE, 1, shifted())).getCode()).isEqualTo("FORBIDDEN");
        assertThat(failure(401, () -> new CalendarApi(demo.anonymous()).getCalendar(CYCLE, 1)).getCode()).isEqualTo("UNAUTHENTICATED");

        assertThat(
                invalidField("ROL_DEADLINE", () -> operator.setCalendar(CYCLE, 1, shifted().ROL_DEADLINE("2026-03-27T12:00"))).getMessage())
                .isEqualTo("ROL_DEADLINE must start after ROL_OPEN starts");
        invalidField("FILE_REVIEW",
                () -> new CalendarApi(
                        demo.operatorSending("{\"REGISTRATION\": \"2026-03-05T12:00\", \"PROGRAM_SELECTION\": \"2026-03-06T12:00\"}"))
                        .setCalendar(CYCLE, 1, shifted()));
        invalidField("MATCH", () -> new CalendarApi(demo.operatorSending(
                "{\"REGISTRATION\": \"2026-03-05T12:00\", \"MATCH\": \"the ninth of April\"}")).setCalendar(CYCLE, 1, shifted()));
        notFound(() -> operator.setCalendar("1999-R1", 1, shifted()));
        notFound(() -> operator.getCalendar("1999-R1", 1));
        notFound(() -> operator.setCalendar(CYCLE, 3, shifted()));

        assertThat(operator.getCalendar(CYCLE, 1)).isEqualTo(before);
        assertThat(auditRows()).isEqualTo(audited);
    }
}
