package org.residencymatch.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.residencymatch.text.TextPolicy.Accepted;
import org.residencymatch.text.TextPolicy.Field;
import org.residencymatch.text.TextPolicy.Refused;

class TextPolicyTest {

    @Test
    void controlCharactersAreRefusedWithTheFirstOneAndWhere() {
        assertThat(TextPolicy.decide(Field.LINE, "Ada\u0000Lovelace")).isEqualTo(new Refused(TextPolicy.CONTROL_CHARACTER, 0, 3));
        for (int c : new int[]{0x01, 0x07, 0x0A, 0x0D, 0x09, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9F}) {
            assertThat(TextPolicy.decide(Field.LINE, "a" + Character.toString(c))).as("U+%04X", c).isInstanceOf(Refused.class);
        }
        // Indexes count characters as people do, not UTF-16 units.
        assertThat(TextPolicy.decide(Field.LINE, "😀\u0007")).isEqualTo(new Refused(TextPolicy.CONTROL_CHARACTER, 7, 1));
        assertThat(((Refused) TextPolicy.decide(Field.LINE, "\u0000")).character()).isEqualTo("U+0000");
    }

    @Test
    void aMultiLineFieldKeepsItsLineBreaksAndTabsButNotOtherControls() {
        assertThat(TextPolicy.decide(Field.MULTILINE, "Hello,\r\n\tthanks")).isEqualTo(new Accepted("Hello,\r\n\tthanks"));
        assertThat(TextPolicy.decide(Field.MULTILINE, "Hello\u0000")).isInstanceOf(Refused.class);
        assertThat(TextPolicy.decide(Field.MULTILINE, "Hello\u0085")).isInstanceOf(Refused.class);
    }

    @Test
    void directionOverridesAndIsolatesAreRefused() {
        for (int c = 0x202A; c <= 0x202E; c++) {
            assertThat(TextPolicy.decide(Field.MULTILINE, "invoice\u0000".replace('\u0000', (char) c) + "fdp.exe"))
                    .isEqualTo(new Refused(TextPolicy.DIRECTION_OVERRIDE, c, 7));
        }
        for (int c = 0x2066; c <= 0x2069; c++) {
            assertThat(TextPolicy.decide(Field.LINE, Character.toString(c) + "x"))
                    .isEqualTo(new Refused(TextPolicy.DIRECTION_OVERRIDE, c, 0));
        }
        // The marks that only hint a direction (LRM, RLM) are ordinary in right-to-left names.
        assertThat(TextPolicy.decide(Field.LINE, "\u200Fحداد")).isInstanceOf(Accepted.class);
    }

    @Test
    void zeroWidthCharactersAreRemovedAndTextIsNormalisedToNfc() {
        assertThat(TextPolicy.decide(Field.LINE, "Am\u200Bi\u200Cr\u200Da\uFEFF")).isEqualTo(new Accepted("Amira"));
        assertThat(TextPolicy.decide(Field.LINE, "Le\u0301vesque")).isEqualTo(new Accepted("L\u00e9vesque"));
        assertThat(TextPolicy.decide(Field.MULTILINE, "Cafe\u0301\u200B")).isEqualTo(new Accepted("Caf\u00e9"));
        assertThat(TextPolicy.decide(Field.LINE, "O'Brien-Lévesque 李")).isEqualTo(new Accepted("O'Brien-Lévesque 李"));
    }

    @Test
    void secretsAreTakenAsTyped() {
        assertThat(TextPolicy.decide(Field.SECRET, "pass\u0000word\u202E\u200B")).isEqualTo(new Accepted("pass\u0000word\u202E\u200B"));
        assertThat(TextPolicy.decide(Field.LINE, null)).isEqualTo(new Accepted(null));
    }
}
