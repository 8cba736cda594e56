package org.residencymatch;

import org.residencymatch.eligibility.LocalizedText;

/**
 * A change that cannot go ahead because the data is no longer in the state it needs (HTTP 409), with
 * its {@link Refusal}: the stable code, and the explanation and next step the reader is told in their
 * language. The exception's message is a detail for logs and tests (ids, times), never shown on a page.
 */
public final class ConflictException extends RuntimeException {
    private final Refusal refusal;

    public ConflictException(Refusal refusal, String detail) {
        super(detail);
        this.refusal = java.util.Objects.requireNonNull(refusal, "refusal");
    }

    /** A refusal that the code's general text explains ({@code error.code.<code>}). */
    public ConflictException(String code, String detail) {
        this(Refusal.of(code), detail);
    }

    public Refusal refusal() {
        return refusal;
    }

    public String code() {
        return refusal.code();
    }

    /** Whether the refusal has its own explanation, beyond the code's general text. */
    public boolean explained() {
        return refusal.message() != null;
    }

    /** The explanation in English and French when the refusal gives it so, else {@code null}. */
    public LocalizedText explanation() {
        return refusal.bilingual();
    }
}
