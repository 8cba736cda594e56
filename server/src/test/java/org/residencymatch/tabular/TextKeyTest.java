package org.residencymatch.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TextKeyTest {

    @Example
    void foldsCaseAccentsPunctuationAndSpaces() {
        assertThat(TextKey.of("  QUEEN'S  university ")).isEqualTo("queen s university");
        assertThat(TextKey.of("Queen’s University")).isEqualTo("queen s university");
        assertThat(TextKey.of("Lévesque-CÔTÉ, Müller")).isEqualTo("levesque cote muller");
        assertThat(TextKey.of("Date of birth (yyyy-mm-dd)")).isEqualTo("date of birth yyyy mm dd");
        assertThat(TextKey.of("ÆSIR ½ ß")).isEqualTo("æsir ½ ß");
        assertThat(TextKey.of("--")).isEmpty();
        assertThat(TextKey.of(null)).isEmpty();
    }

    /** The character-at-a-time key of Latin-1 text is the general one, and so is the key of any other text. */
    @Property(tries = 3000)
    void everyTextFoldsAsTheGeneralKeyFoldsIt(@ForAll("texts") String text) {
        assertThat(TextKey.of(text)).isEqualTo(TextKey.folded(text));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                // Every Latin-1 character, and words with runs of separators.
                Arbitraries.strings().withCharRange('\u0000', '\u00FF').ofMaxLength(30),
                Arbitraries.strings().withChars("aZé09 -'.\t_Ü½").ofMaxLength(12),
                // Beyond Latin-1: combining accents, the Turkish dotted I, Greek sigma, curly quotes, any character.
                Arbitraries.strings().withChars("aE\u0301\u0130\u03A3\u03C3\u2019\u00A0 \u0308").ofMaxLength(12),
                Arbitraries.strings().all().ofMaxLength(20));
    }
}
