package org.residencymatch.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.residencymatch.cycle.Cycle;
import org.residencymatch.cycle.Phase;
import org.residencymatch.notification.EmailTexts;
import org.residencymatch.program.Province;
import org.residencymatch.program.ProgramStream;
import org.residencymatch.program.StreamType;

/**
 * The email an applicant gets when results are released says whether they matched, where (stream and
 * faculty, in their language), or, unmatched, what comes next: the second iteration's dates after the
 * first (in the cycle's zone), the clinical assessment placement for those on the AIMG list; and a link.
 */
class MatchResultEmailTest {

    static final String LINK = "https://match.example.ca/applicant";
    static final Cycle CYCLE = new Cycle("2025-R1", "2025 R-1", 2025, List.of(
            new Cycle.PhaseStart(1, Phase.PROGRAM_SELECTION, LocalDateTime.of(2024, 10, 1, 12, 0)),
            new Cycle.PhaseStart(2, Phase.PROGRAM_SELECTION, LocalDateTime.of(2025, 3, 10, 12, 0)),
            // The deadline is when rank order lists close (CycleAction.EDIT_RANK_LIST): the end of ROL_OPEN.
            new Cycle.PhaseStart(2, Phase.ROL_OPEN, LocalDateTime.of(2025, 3, 20, 12, 0)),
            new Cycle.PhaseStart(2, Phase.ROL_DEADLINE, LocalDateTime.of(2025, 4, 2, 19, 0))), ZoneId.of("America/Toronto"));
    static final ProgramStream STREAM = new ProgramStream("27032", "P1", "UL", "Laval University", "Université Laval", Province.QC, 1,
            "Family Medicine", "Québec", "Québec - Family Medicine", StreamType.CMG, false, false, 2, "https://example.org");

    @Test
    void aMatchedApplicantReadsTheStreamAndTheFacultyInTheirLanguage() {
        EmailTexts.Rendered fr = EmailTexts.render(MatchRunService.resultEmail(CYCLE, 1, LINK, STREAM, false, "fr"), "fr", "");
        assertThat(fr.subject()).isEqualTo("Votre résultat de jumelage est disponible");
        assertThat(fr.body()).contains("Vous avez été jumelé à").contains("Université Laval").contains(LINK)
                .doesNotContain("deuxième itération").doesNotContain("CAP");
        EmailTexts.Rendered en = EmailTexts.render(MatchRunService.resultEmail(CYCLE, 1, LINK, STREAM, false, "en"), "en", "");
        assertThat(en.body()).contains("You matched to Québec - Family Medicine (Laval University)").contains(LINK);
    }

    @Test
    void anUnmatchedApplicantReadsWhatComesNext() {
        EmailTexts.Rendered first = EmailTexts.render(MatchRunService.resultEmail(CYCLE, 1, LINK, null, false, "en"), "en", "");
        assertThat(first.body()).contains("You did not match in this iteration.").contains("second iteration")
                .contains("March 10, 2025, 8:00").contains("April 2, 2025, 3:00").contains("EDT").doesNotContain("AIMG").contains(LINK);
        EmailTexts.Rendered assessed = EmailTexts.render(MatchRunService.resultEmail(CYCLE, 1, LINK, null, true, "fr"), "fr", "");
        assertThat(assessed.body()).contains("Vous n'avez pas été jumelé").contains("10 mars 2025, 08 h 00")
                .contains("stage d'évaluation clinique de l'AIMG");
        EmailTexts.Rendered second = EmailTexts.render(MatchRunService.resultEmail(CYCLE, 2, LINK, null, false, "en"), "en", "");
        assertThat(second.body()).contains("There is no later iteration").doesNotContain("second iteration.");
    }
}
