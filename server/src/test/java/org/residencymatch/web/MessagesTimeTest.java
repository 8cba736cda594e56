package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Every time shown carries its zone: stored times are UTC, pages show them in the cycle's zone with its abbreviation. */
class MessagesTimeTest {

    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    @Test
    void aStoredUtcTimeIsShownInTheCycleZoneWithItsAbbreviationInBothLanguages() {
        LocalDateTime deadline = LocalDateTime.of(2025, 2, 11, 15, 0);
        assertThat(Messages.of("en").inZone(TORONTO).dateTime(deadline)).isEqualTo("Feb. 11, 2025, 10:00 a.m. EST");
        assertThat(Messages.of("fr").inZone(TORONTO).dateTime(deadline)).isEqualTo("11 févr. 2025 10 h 00 HNE");
    }

    @Test
    void summerTimeIsNamedAsSuch() {
        assertThat(Messages.of("en").inZone(TORONTO).dateTime(LocalDateTime.of(2025, 7, 1, 15, 0)))
                .isEqualTo("Jul. 1, 2025, 11:00 a.m. EDT");
        assertThat(Messages.of("fr").inZone(TORONTO).dateTime(LocalDateTime.of(2025, 7, 1, 15, 0))).endsWith("11 h 00 HAE");
    }

    @Test
    void withoutACycleZoneTimesAreShownAsUtcAndSaySo() {
        assertThat(Messages.of("en").dateTime(LocalDateTime.of(2025, 2, 11, 15, 0))).isEqualTo("Feb. 11, 2025, 3:00 p.m. UTC");
    }

    @Test
    void theZoneIsNamedAsPeopleSayIt() {
        assertThat(Messages.of("en").inZone(TORONTO).zoneName()).isEqualTo("Eastern Time (America/Toronto)");
        assertThat(Messages.of("fr").inZone(TORONTO).zoneName()).isEqualTo("heure de l’Est (America/Toronto)");
    }
}
