package org.residencymatch;

/** A change that cannot go ahead because the data is no longer in the state it needs (HTTP 409), with a stable code. */
public final class ConflictException extends RuntimeException {
    private final String code;

    public ConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
