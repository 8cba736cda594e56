package org.residencymatch.web;

/** An error answered as JSON {@code {"code": ..., "message": ..., "field": ...}} with an HTTP status. */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;

    public ApiException(int status, String code, String message, String field) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, null);
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(404, "NOT_FOUND", "no " + what + " \"" + id + "\"");
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, "INVALID_FIELD", message, field);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
