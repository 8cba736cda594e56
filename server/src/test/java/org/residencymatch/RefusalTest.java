package org.residencymatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.residencymatch.eligibility.LocalizedText;

/** The one shape of a refusal: a stable code, a text of the bundles or in both languages, a next step. */
class RefusalTest {

    @Test
    void aCodeAloneIsExplainedByTheCodesOwnText() {
        Refusal refusal = Refusal.of("CASE_CLOSED");
        assertThat(refusal.message()).isNull();
        assertThat(refusal.nextStep()).isNull();
        assertThat(refusal.messageKey()).isNull();
        assertThat(refusal.arguments()).isEmpty();
    }

    @Test
    void aKeyedTextKeepsItsTypedArgumentsInOrder() {
        LocalDateTime at = LocalDateTime.of(2025, 2, 17, 12, 0);
        Refusal refusal = Refusal.of("OUTSIDE_PHASE", "refusal.outsidePhase", new Refusal.Key("phase.name.MATCH"), at, 1, "2025-R1")
                .withNextStep("refusal.outsidePhase.next");
        assertThat(refusal.messageKey()).isEqualTo("refusal.outsidePhase");
        assertThat(refusal.arguments()).containsExactly(new Refusal.Key("phase.name.MATCH"), at, 1, "2025-R1");
        assertThat(refusal.nextStep()).isEqualTo(new Refusal.Keyed("refusal.outsidePhase.next", List.of()));
        assertThat(refusal.bilingual()).isNull();
    }

    @Test
    void aBilingualTextIsKeptAsGiven() {
        LocalizedText text = new LocalizedText("Closed.", "Fermé.");
        Refusal refusal = Refusal.of("NOT_SELECTABLE", text).withNextStep(new LocalizedText("Ask.", "Demandez."));
        assertThat(refusal.bilingual()).isEqualTo(text);
        assertThat(refusal.messageKey()).isNull();
        assertThat(refusal.nextStep()).isEqualTo(new Refusal.Bilingual(new LocalizedText("Ask.", "Demandez.")));
    }

    @Test
    void anArgumentNoLanguageKnowsHowToWriteIsRefused() {
        assertThatThrownBy(() -> Refusal.of("X", "key", new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Object");
        assertThatThrownBy(() -> Refusal.of("X", "key", List.of(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCodeIsUpperCaseAsTheApiPublishesIt() {
        assertThatThrownBy(() -> Refusal.of("outside phase")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Refusal.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theExceptionCarriesTheRefusalAndKeepsItsDetailForTheLogs() {
        ConflictException e = new ConflictException(Refusal.of("NOT_SELECTABLE", new LocalizedText("No.", "Non.")),
                "stream 12 is NOT_ELIGIBLE for A-1");
        assertThat(e.code()).isEqualTo("NOT_SELECTABLE");
        assertThat(e.explained()).isTrue();
        assertThat(e.explanation().fr()).isEqualTo("Non.");
        assertThat(e.getMessage()).isEqualTo("stream 12 is NOT_ELIGIBLE for A-1");

        ConflictException plain = new ConflictException("CASE_CLOSED", "case 3 is already closed");
        assertThat(plain.refusal()).isEqualTo(Refusal.of("CASE_CLOSED"));
        assertThat(plain.explained()).isFalse();
        assertThat(plain.explanation()).isNull();
    }
}
