package org.residencymatch.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.residencymatch.Refusal;

/**
 * An error answered as JSON {@code {"code": ..., "message": ..., "field": ..., "problems": [...]}} with an
 * HTTP status; {@code problems} lists every field to correct with its message in English and French,
 * for forms a person fills in (registration), where one answer should name every mistake.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;
    private final List<Map<String, Object>> problems;
    private final List<Problem> fieldProblems;
    /** The refusal as a service or policy gave it, or null for one the code's general text explains. */
    private final Refusal refusal;

    public ApiException(int status, String code, String message, String field) {
        this(status, code, message, field, List.of(), List.of(), null);
    }

    private ApiException(int status, String code, String message, String field, List<Map<String, Object>> problems,
            List<Problem> fieldProblems, Refusal refusal) {
        super(message);
        this.status = status;
        this.code = code;
        this.refusal = refusal;
        this.field = field;
        this.problems = problems;
        this.fieldProblems = fieldProblems;
    }

    /** A field problem as the API answers it: the field and the message key's sentence (with its arguments) in both languages. */
    public record Problem(String field, String messageKey, List<Object> args) {
        public Problem(String field, String messageKey) {
            this(field, messageKey, List.of());
        }
    }

    /** A 400 naming every problem (the first as {@code field}), each with its message in English and French. */
    static ApiException problems(String code, List<Problem> problems) {
        List<Map<String, Object>> json = problems.stream().map(p -> {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("field", p.field());
            problem.put("message", ApiJson.text(Messages.of("en").t(p.messageKey(), p.args().toArray()),
                    Messages.of("fr").t(p.messageKey(), p.args().toArray())));
            return problem;
        }).toList();
        String english = String.join(" ", problems.stream().map(p -> Messages.of("en").t(p.messageKey(), p.args().toArray())).toList());
        return new ApiException(400, code, english, problems.get(0).field(), json, problems, null);
    }

    /** The problems as given, for a page to say them in its reader's language. */
    List<Problem> fieldProblems() {
        return fieldProblems;
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

    /**
     * A refusal of a service or policy, answered with its code and its text in the caller's language, as a
     * page says it.
     *
     * @param detail for the logs (ids, values); the API's message only when the refusal has no text of its own
     */
    public static ApiException refused(int status, Refusal refusal, String field, String detail) {
        return new ApiException(status, refusal.code(), detail, field, List.of(), List.of(), refusal);
    }

    /**
     * The refusal the answer says, a page in its reader's language and the API in its caller's: the one given,
     * else the code's general text ({@code error.code.<code>}), when the English detail stays the API's message.
     */
    public Refusal refusal() {
        return refusal != null ? refusal : Refusal.of(code);
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

    List<Map<String, Object>> problems() {
        return problems;
    }
}
