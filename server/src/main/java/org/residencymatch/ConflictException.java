package org.residencymatch;

import org.residencymatch.eligibility.LocalizedText;

/**
 * A change that cannot go ahead because the data is no longer in the state it needs (HTTP 409), with a
 * stable code; when the refusal is meant for the applicant, also its text in English and French.
 */
public final class ConflictException extends RuntimeException {
    private final String code;
    private final LocalizedText explanation;

    public ConflictException(String code, String message) {
        this(code, message, null);
    }

    /** A refusal whose explanation is shown in the reader's language; {@code message} is for logs and tests. */
    public ConflictException(String code, String message, LocalizedText explanation) {
        super(message);
        this.code = code;
        this.explanation = explanation;
    }

    public String code() {
        return code;
    }

    /** The explanation in English and French, or {@code null} when the code's own text says it all. */
    public LocalizedText explanation() {
        return explanation;
    }
}
