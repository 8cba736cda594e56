package org.residencymatch.tabular;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decodes the bytes of a text file whose encoding nobody told us: a UTF-8 byte order mark wins, then
 * strict UTF-8 (which almost never decodes text in another encoding without error), then the
 * detector's guess, then windows-1252, which is what Excel writes on French and English Windows.
 */
public final class TextDecoder {

    /** A decoded text and the encoding that produced it. */
    public record Decoded(String text, String encoding) {
    }

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoder() {
    }

    public static Decoded decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8 (BOM)");
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return new Decoded(text, "UTF-8");
        } catch (CharacterCodingException notUtf8) {
            Charset guessed = detect(bytes);
            return new Decoded(new String(bytes, guessed), guessed.name());
        }
    }

    private static Charset detect(byte[] bytes) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, bytes.length);
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        // The detector is unreliable on short Latin-1 texts: trust it only for encodings it names
        // with confidence and that are not UTF-8 (already ruled out above).
        if (name != null && !name.equalsIgnoreCase("UTF-8") && Charset.isSupported(name)) {
            Charset charset = Charset.forName(name);
            if (charset.equals(StandardCharsets.ISO_8859_1)) return WINDOWS_1252;
            return charset;
        }
        return WINDOWS_1252;
    }
}
