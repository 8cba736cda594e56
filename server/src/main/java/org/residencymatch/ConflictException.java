package org.residencymatch;

import org.residencymatch.eligibility.LocalizedText;

/**
 * A change that cannot go ahead because the data is no longer in the state it needs (HTTP 409), with a
 * stable code; when the refusal is meant for the applicant, also its text in English and French.
 */
public final class ConflictException extends RuntimeException {
    private final String code;
    private final LocalizedText explanation;
    private final String messageKey;
    private final Object[] arguments;

    public ConflictException(String code, String message) {
        this(code, message, null);
    }

    /** A refusal whose explanation is shown in the reader's language; {@code message} is for logs and tests. */
    public ConflictException(String code, String message, LocalizedText explanation) {
        super(message);
        this.code = code;
        this.explanation = explanation;
        this.messageKey = null;
        this.arguments = new Object[0];
    }

    /**
     * A refusal explained by a text of the reader's message bundle ({@code i18n/messages_*.properties})
     * with its arguments; an argument that is a calendar phase, a time or a {@link Text} is written in the
     * reader's words.
     */
    public ConflictException(String code, String message, String messageKey, Object... arguments) {
        super(message);
        this.code = code;
        this.explanation = null;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String code() {
        return code;
    }

    /** An argument of an explanation that is itself a text of the reader's message bundle. */
    public record Text(String key) {}

    /** The key of the explanation's text in the message bundles, or {@code null}. */
    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** The explanation in English and French, or {@code null} when the code's own text says it all. */
    public LocalizedText explanation() {
        return explanation;
    }
}
