package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.residencymatch.ConflictException;
import org.residencymatch.Refusal;
import org.residencymatch.cap.BcCapRegistrationPolicy;
import org.residencymatch.cycle.CalendarPolicy;
import org.residencymatch.cycle.Cycle;
import org.residencymatch.cycle.CycleAction;
import org.residencymatch.cycle.Phase;
import org.residencymatch.eligibility.ApplicantCategory;
import org.residencymatch.eligibility.ApplicantFacts;
import org.residencymatch.eligibility.Citizenship;
import org.residencymatch.eligibility.LocalizedText;
import org.residencymatch.matching.MatchDayPolicy;
import org.residencymatch.program.QuotaChangePolicy;

/**
 * Every policy's refusal said in English and in French, through the one formatter pages and the API
 * share: no missing text, no English left on the French side, each argument written the reader's way.
 */
class RefusalTextTest {

    private static final Messages EN = Messages.of("en").inZone(ZoneId.of("America/Toronto"));
    private static final Messages FR = Messages.of("fr").inZone(ZoneId.of("America/Toronto"));
    /** Words an English sentence can hardly do without, and a French one never has. */
    private static final Pattern ENGLISH = Pattern.compile("\\b(the|is|are|has|this|you|your|and|of)\\b", Pattern.CASE_INSENSITIVE);

    private static final LocalDateTime REGISTRATION = LocalDateTime.of(2024, 9, 3, 16, 0);

    /** A cycle whose phases of iteration 1 start a month apart from {@link #REGISTRATION}. */
    private static Cycle cycle() {
        List<Cycle.PhaseStart> phases = new ArrayList<>();
        for (Phase p : Phase.values()) phases.add(new Cycle.PhaseStart(1, p, REGISTRATION.plusMonths(p.ordinal())));
        for (Phase p : Phase.values()) phases.add(new Cycle.PhaseStart(2, p, REGISTRATION.plusMonths(Phase.values().length + p.ordinal())));
        return new Cycle("2025-R1", "R-1 2025", 2025, phases);
    }

    /** The refusal's text and next step in both languages, each a real sentence of its language. */
    private static void saidInBothLanguages(Refusal refusal) {
        String en = Refusals.message(EN, refusal), fr = Refusals.message(FR, refusal);
        assertThat(en).as(refusal.code()).doesNotContain("??", "{").containsPattern(ENGLISH);
        assertThat(fr).as(refusal.code()).doesNotContain("??", "{").isNotEqualTo(en).doesNotContainPattern(ENGLISH);
        if (refusal.nextStep() != null) {
            assertThat(Refusals.nextStep(EN, refusal)).doesNotContain("??").containsPattern(ENGLISH);
            assertThat(Refusals.nextStep(FR, refusal)).doesNotContain("??").doesNotContainPattern(ENGLISH);
        }
    }

    @Test
    void theFormatterWritesEachArgumentTheReadersWay() {
        assertThat(Refusals.text(EN, "couple.yourId", List.of(12345))).contains("12,345");
        assertThat(Refusals.text(FR, "couple.yourId", List.of(12345))).doesNotContain("12,345").containsPattern("12[\\s\\u00a0\\u202f]345");
        assertThat(Refusals.text(FR, "couple.yourId", List.of(Phase.MATCH))).contains("le jumelage");
        assertThat(Refusals.text(FR, "couple.yourId", List.of(new Refusal.Key("phase.name.ROL_OPEN"))))
                .contains("les listes de classement");
        // A stored time is UTC and shown in the cycle's zone, with the zone.
        assertThat(Refusals.text(EN, "couple.yourId", List.of(LocalDateTime.of(2025, 2, 17, 17, 0)))).contains("12:00").contains("EST");
        assertThat(Refusals.text(FR, "couple.yourId", List.of(java.time.LocalDate.of(2025, 2, 17)))).contains("février");
    }

    @Test
    void aRefusalWithoutItsOwnTextIsSaidByItsCodeElseByTheGeneralText() {
        assertThat(Refusals.message(FR, Refusal.of("CASE_CLOSED"))).isEqualTo(FR.t("error.code.CASE_CLOSED"));
        assertThat(Refusals.message(EN, Refusal.of("NO_SUCH_CODE"))).isEqualTo(EN.t("error.code.OTHER"));
        assertThat(Refusals.nextStep(EN, Refusal.of("CASE_CLOSED"))).isNull();
        Refusal bilingual = Refusal.of("NOT_SELECTABLE", new LocalizedText("Closed to you.", "Fermé pour vous."));
        assertThat(Refusals.message(FR, bilingual)).isEqualTo("Fermé pour vous.");
        assertThat(Refusals.message(EN, bilingual)).isEqualTo("Closed to you.");
    }

    @Test
    void bcCapRefusalsInBothLanguages() {
        BcCapRegistrationPolicy.Decision noProfile = BcCapRegistrationPolicy.decide(Optional.empty());
        BcCapRegistrationPolicy.Decision cmgAbroad = BcCapRegistrationPolicy.decide(
                ApplicantFacts.builder("y", ApplicantCategory.CMG).citizenship(Citizenship.OTHER).build());
        assertThat(noProfile.reasons()).containsExactly("NO_PROFILE");
        assertThat(cmgAbroad.reasons()).containsExactly("NOT_INTERNATIONAL", "CITIZENSHIP");
        noProfile.refusals().forEach(RefusalTextTest::saidInBothLanguages);
        cmgAbroad.refusals().forEach(RefusalTextTest::saidInBothLanguages);
        assertThat(Refusals.message(FR, cmgAbroad.refusals().get(1))).contains("citoyens");
    }

    @Test
    void frozenQuotasInBothLanguagesSayingSinceWhen() {
        LocalDateTime matchStarts = REGISTRATION.plusMonths(Phase.MATCH.ordinal());
        Refusal frozen = QuotaChangePolicy.decide(cycle(), matchStarts.plusDays(1)).refusal();
        assertThat(frozen.code()).isEqualTo("QUOTAS_FROZEN");
        saidInBothLanguages(frozen);
        assertThat(frozen.nextStep()).isNotNull();
        assertThat(Refusals.message(EN, frozen)).contains("2025-R1", EN.dateTime(cycle().local(matchStarts)), "the match");
        assertThat(Refusals.message(FR, frozen)).contains("2025-R1", FR.dateTime(cycle().local(matchStarts)), "le jumelage");
    }

    @Test
    void calendarRefusalsInBothLanguagesNamingThePhaseToFollow() {
        Map<Phase, LocalDateTime> starts = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) starts.put(p, REGISTRATION.plusMonths(p.ordinal()));
        LocalDateTime before = REGISTRATION.minusYears(1);

        Map<Phase, LocalDateTime> missing = new EnumMap<>(starts);
        missing.remove(Phase.INTERVIEWS);
        Map<Phase, LocalDateTime> disordered = new EnumMap<>(starts);
        disordered.put(Phase.PROGRAM_SELECTION, REGISTRATION.minusDays(1));
        Map<Phase, LocalDateTime> moved = new EnumMap<>(starts);
        moved.put(Phase.REGISTRATION, REGISTRATION.plusHours(1));

        Refusal missingRefusal = CalendarPolicy.check(missing, Map.of(), before).refusal();
        Refusal disorderedRefusal = CalendarPolicy.check(disordered, Map.of(), before).refusal();
        Refusal movedRefusal = CalendarPolicy.check(moved, starts, REGISTRATION.plusDays(1)).refusal();
        assertThat(List.of(missingRefusal.code(), disorderedRefusal.code(), movedRefusal.code()))
                .containsExactly("CALENDAR_MISSING", "CALENDAR_NOT_AFTER_PREVIOUS", "CALENDAR_ALREADY_STARTED");
        assertThat(CalendarPolicy.check(starts, Map.of(), before).refusal()).isNull();
        for (Refusal r : List.of(missingRefusal, disorderedRefusal, movedRefusal)) saidInBothLanguages(r);
        assertThat(Refusals.message(FR, disorderedRefusal)).contains(FR.t("home.phase.REGISTRATION"));
    }

    @Test
    void anActionOutsideItsPhaseInBothLanguagesWithItsDatesAndWhatToDo() {
        Cycle cycle = cycle();
        LocalDateTime duringInterviews = REGISTRATION.plusMonths(Phase.INTERVIEWS.ordinal()).plusDays(1);
        ConflictException e = catchThrowableOfType(ConflictException.class,
                () -> cycle.require(CycleAction.SELECT_PROGRAMS, 1, duringInterviews));
        assertThat(e.code()).isEqualTo("OUTSIDE_PHASE");
        assertThat(e.getMessage()).contains("SELECT_PROGRAMS", "INTERVIEWS");
        saidInBothLanguages(e.refusal());
        assertThat(Refusals.message(FR, e.refusal())).contains("le choix des programmes", "les entrevues",
                FR.dateTime(cycle.local(REGISTRATION.plusMonths(Phase.PROGRAM_SELECTION.ordinal()))));
        assertThat(Refusals.message(EN, e.refusal())).contains("program selection", "interviews");

        ConflictException early = catchThrowableOfType(ConflictException.class,
                () -> cycle.require(CycleAction.REGISTER, 1, REGISTRATION.minusDays(1)));
        assertThat(Refusals.message(FR, early.refusal())).contains(FR.t("phase.name.BEFORE"));
        // Still to come: the next step says when it opens, in the reader's language; once closed, where the calendar is.
        assertThat(Refusals.nextStep(FR, early.refusal())).contains("ouvert le", FR.dateTime(cycle.local(REGISTRATION)));
        assertThat(Refusals.nextStep(EN, early.refusal())).contains("opens on", EN.dateTime(cycle.local(REGISTRATION)));
        assertThat(Refusals.nextStep(EN, e.refusal())).isEqualTo(EN.t("refusal.outsidePhase.next"));
    }

    @Test
    void matchDayRefusalsInBothLanguages() {
        MatchDayPolicy.State registration = new MatchDayPolicy.State(1, Phase.REGISTRATION, LocalDateTime.of(2025, 2, 17, 17, 0),
                LocalDateTime.of(2025, 3, 4, 17, 0), null, true);
        MatchDayPolicy.Decision tooEarly = MatchDayPolicy.run(registration);
        assertThat(tooEarly.allowed()).isFalse();
        assertThat(tooEarly.code()).isEqualTo("OUTSIDE_PHASE");
        saidInBothLanguages(tooEarly.refusal());
        MatchDayPolicy.State second = new MatchDayPolicy.State(2, Phase.MATCH, null, null, null, false);
        saidInBothLanguages(MatchDayPolicy.run(second).refusal());
    }
}
