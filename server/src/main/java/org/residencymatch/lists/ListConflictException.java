package org.residencymatch.lists;

/** A commit or review that cannot go ahead because the list or the upload changed meanwhile (HTTP 409). */
public final class ListConflictException extends RuntimeException {
    private final String code;

    public ListConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
