package org.residencymatch.applicant;

import java.util.Optional;

/**
 * Whether an uploaded file may be kept as a document, judged by its content, never by its name or
 * the type the browser claims: a PDF, a JPEG or a PNG (their first bytes say which), not empty, at
 * most {@link #MAX_BYTES}. Pure: the decision and its reason, for the web layer to say in the
 * applicant's language.
 */
public final class DocumentCheck {

    /** The largest document accepted: a scan of a few pages fits well under it. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    /** Why a file is refused (each has its sentence, {@code document.refused.<name>}, in both languages). */
    public enum Refusal {
        EMPTY, TOO_LARGE, TYPE
    }

    /** The outcome: the media type read from the content, or why the file is refused. */
    public record Outcome(String mediaType, Refusal refusal) {
        public boolean accepted() {
            return refusal == null;
        }
    }

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private DocumentCheck() {
    }

    public static Outcome check(byte[] content) {
        if (content == null || content.length > MAX_BYTES) return new Outcome(null, Refusal.TOO_LARGE);
        if (content.length == 0) return new Outcome(null, Refusal.EMPTY);
        return mediaType(content).map(type -> new Outcome(type, null)).orElse(new Outcome(null, Refusal.TYPE));
    }

    /** The media type the first bytes announce, among the three accepted; empty for anything else. */
    static Optional<String> mediaType(byte[] content) {
        if (startsWith(content, PDF)) return Optional.of("application/pdf");
        if (startsWith(content, PNG)) return Optional.of("image/png");
        if (startsWith(content, JPEG)) return Optional.of("image/jpeg");
        return Optional.empty();
    }

    /** The name offered when the file is downloaded: letters, digits, '.', '-' and '_' only, at most 100 characters. */
    public static String safeName(String sent, String mediaType) {
        String name = sent == null ? "" : sent.replaceAll("^.*[/\\\\]", "").replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        if (name.length() > 100) name = name.substring(name.length() - 100);
        if (name.isBlank() || name.chars().allMatch(c -> c == '_' || c == '.')) name = "document";
        String extension = switch (mediaType) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            default -> ".jpg";
        };
        // The extension says what the content is, whatever the name said.
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        boolean fits = mediaType.equals("image/jpeg") ? lower.endsWith(".jpg") || lower.endsWith(".jpeg") : lower.endsWith(extension);
        return fits ? name : name + extension;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (content[i] != prefix[i]) return false;
        return true;
    }
}
