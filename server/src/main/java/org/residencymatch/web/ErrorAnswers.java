package org.residencymatch.web;

import io.javalin.http.Context;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.residencymatch.Refusal;

/**
 * One answer for every refusal and error: JSON for the API and for scripts ({@code code}, {@code
 * message}, {@code field}, {@code problems}, as openapi.yaml documents), a page for a person's browser.
 * The page is in the reader's language and says what happened and what to do next; it never shows the
 * refusal's code or the service's own detail (in English, with ids), which the API and the logs keep.
 */
final class ErrorAnswers {

    private final PageRenderer pages;
    private final Authentication authentication;
    /** The zone the refusals' times are said in: the current cycle's. */
    private final Supplier<ZoneId> zone;

    ErrorAnswers(PageRenderer pages, Authentication authentication, Supplier<ZoneId> zone) {
        this.pages = pages;
        this.authentication = authentication;
        this.zone = zone;
    }

    /**
     * Answers a refusal to the API in the caller's language (the {@code lang} parameter, Accept-Language or the
     * account's language, as pages choose it): the refusal's text and next step, or, for a refusal with no text
     * of its own, the service's detail as before. A page says the refusal itself ({@link #page}).
     */
    void refuse(Context ctx, int status, Refusal refusal, String detail, String field) {
        refuse(ctx, status, refusal, detail, field, List.of(), List.of());
    }

    /** Whether the request is a person's browser asking for a page (not the API, not a script). */
    static boolean wantsPage(Context ctx) {
        String accept = ctx.header("Accept");
        return !Authentication.isApi(ctx) && accept != null && accept.contains("text/html");
    }

    /**
     * Answers a refusal.
     *
     * @param detail        the JSON's {@code message} when the refusal has no text of its own (English, for scripts and logs)
     * @param fieldProblems the fields to correct, said on the page in its reader's language
     */
    void refuse(Context ctx, int status, Refusal refusal, String detail, String field,
            List<Map<String, Object>> problems, List<ApiException.Problem> fieldProblems) {
        ctx.status(status);
        if (status == 503) ctx.header("Retry-After", String.valueOf(UploadGate.RETRY_AFTER_SECONDS));
        if (wantsPage(ctx)) {
            page(ctx, status, refusal, fieldProblems.isEmpty() ? field : null, fieldProblems);
            return;
        }
        Map<String, Object> body;
        if (refusal.message() == null) {
            body = error(refusal.code(), detail, field);
        } else {
            Messages m = Messages.of(WebServer.readerLanguage(ctx)).inZone(zone.get());
            body = error(refusal.code(), Refusals.message(m, refusal), field);
            if (refusal.nextStep() != null) body.put("nextStep", Refusals.nextStep(m, refusal));
        }
        if (!problems.isEmpty()) body.put("problems", problems);
        ctx.json(body);
    }

    /** The error page: what happened, the fields to correct, what to do next, and the way back. */
    void page(Context ctx, int status, Refusal refusal, List<ApiException.Problem> fieldProblems) {
        page(ctx, status, refusal, null, fieldProblems);
    }

    /** @param field the one field to correct, named as the form or the address names it, when no problem says more */
    private void page(Context ctx, int status, Refusal refusal, String field, List<ApiException.Problem> fieldProblems) {
        ctx.status(status);
        authentication.identify(ctx);
        Page page = pages.page(ctx, heading(status));
        Messages m = page.m();
        String next = Refusals.nextStep(m, refusal);
        if (next == null) next = m.has("error.next." + status) ? m.t("error.next." + status) : m.t("error.next.other");
        Map<String, Object> model = new HashMap<>();
        model.put("status", status);
        model.put("heading", heading(status));
        model.put("explanation", Refusals.message(m, refusal));
        model.put("nextStep", next);
        model.put("problems", fieldProblems);
        model.put("field", field);
        model.put("back", back(ctx));
        pages.render(ctx, "error.jte", page, model);
    }

    /** The page's heading (and title) for a status: what kind of thing went wrong, in the reader's words. */
    private static String heading(int status) {
        return switch (status) {
            case 400, 403, 404, 409, 413, 422, 429, 500, 503 -> "error.heading." + status;
            default -> "error.title";
        };
    }

    /**
     * The page the reader came from, to go back to the form: the Referer's path and query when it is on
     * this site and not the page that failed (a GET that failed would fail again), else null.
     */
    static String back(Context ctx) {
        String referer = ctx.header("Referer");
        if (referer == null) return null;
        try {
            URI uri = URI.create(referer);
            if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(hostOf(ctx.host()))) return null;
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) return null;
            String back = path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            if (ctx.method() == io.javalin.http.HandlerType.GET && path.equals(ctx.path())) return null;
            return back;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String hostOf(String hostHeader) {
        if (hostHeader == null) return "";
        if (hostHeader.startsWith("[")) return hostHeader.substring(0, hostHeader.indexOf(']') + 1);
        int colon = hostHeader.indexOf(':');
        return colon < 0 ? hostHeader : hostHeader.substring(0, colon);
    }

    static Map<String, Object> error(String code, String message, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        if (field != null) body.put("field", field);
        return body;
    }

    /** The code a page-level refusal of Javalin's own (a path no route serves, a body it could not read) is explained by. */
    static String codeOf(int status) {
        return switch (status) {
            case 404 -> "NOT_FOUND";
            case 403 -> "FORBIDDEN";
            case 413 -> "TOO_LARGE";
            case 400 -> "INVALID_FIELD";
            default -> "OTHER";
        };
    }
}
