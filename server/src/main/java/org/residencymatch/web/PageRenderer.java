package org.residencymatch.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.residencymatch.account.Sessions;

/**
 * Renders the precompiled JTE templates (generated at build time from {@code src/main/jte}) and
 * builds each page's {@link Page}: the visitor's language and the CSRF token the forms carry (the
 * session's, or for a visitor who is not signed in a signed one from {@link AnonymousForms}, so that
 * even the login form is protected without writing anything to the database).
 */
final class PageRenderer {

    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Sessions sessions;
    private final WebConfig config;
    private final AnonymousForms anonymousForms;
    private final java.util.function.Supplier<java.time.ZoneId> timeZone;

    /** @param timeZone the zone pages show times in: the current cycle's */
    PageRenderer(Sessions sessions, WebConfig config, AnonymousForms anonymousForms,
            java.util.function.Supplier<java.time.ZoneId> timeZone) {
        this.sessions = sessions;
        this.config = config;
        this.anonymousForms = anonymousForms;
        this.timeZone = timeZone;
    }

    void render(Context ctx, String template, String titleKey, Map<String, Object> model) {
        render(ctx, template, page(ctx, titleKey), model);
    }

    /** Renders with a page already built (when the route needs its texts to build the model). */
    void render(Context ctx, String template, Page page, Map<String, Object> model) {
        var params = new java.util.HashMap<String, Object>(model);
        params.put("page", page);
        StringOutput out = new StringOutput();
        templates.render(template, params, out);
        ctx.contentType("text/html; charset=utf-8").result(out.toString());
    }

    Page page(Context ctx, String titleKey) {
        Optional<Sessions.Session> session = Authentication.session(ctx);
        // A link may ask for a language (?lang=fr, as the rules' contact links do); it is remembered, on the account
        // too even when the session already reads it (the account's choice may differ: emails follow the account's).
        String asked = ctx.queryParam("lang");
        String language = language(ctx);
        if (Messages.isSupported(asked) && (!asked.equals(language) || session.isPresent())) {
            rememberLanguage(ctx, asked);
            language = asked;
        }
        Messages m = Messages.of(language).inZone(timeZone.get());
        String csrf = session.map(Sessions.Session::csrfToken).orElseGet(() -> anonymousForms.token(ctx));
        // The page's own address with its query (filters, page number), for the language switch to come back to.
        String here = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        return new Page(m, csrf, Authentication.principal(ctx).orElse(null), here, m.t(titleKey));
    }

    /**
     * Keeps the visitor's choice of language: in their session if they have one, and always in the browser's
     * language cookie, so that it outlives the session however it ends (signing out, expiring) and the next
     * person to sign in on this browser starts in it.
     */
    void rememberLanguage(Context ctx, String language) {
        Authentication.session(ctx).ifPresent(session -> sessions.setLocale(session.idHash(), language));
        anonymousForms.rememberLanguage(ctx, language);
    }

    /** The visitor's language: their session's, else the one they chose without signing in, else their browser's. */
    static String language(Context ctx) {
        return Authentication.session(ctx).map(Sessions.Session::locale)
                .or(() -> Optional.ofNullable(AnonymousForms.chosenLanguage(ctx)))
                .orElseGet(() -> preferredLanguage(ctx));
    }

    void setSessionCookie(Context ctx, String id) {
        // HttpOnly: no script reads it; SameSite=Lax: not sent on cross-site posts; Secure unless configured off.
        ctx.res().addHeader("Set-Cookie", Authentication.SESSION_COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Lax"
                + (config.secureCookies() ? "; Secure" : ""));
    }

    /**
     * A cookie read once by the page at {@code path} after a POST-redirect-GET (a secret shown once):
     * only that path receives it, no script reads it, it lives {@code maxAgeSeconds} at most.
     */
    void setOneTimeCookie(Context ctx, String name, String value, String path, int maxAgeSeconds) {
        ctx.res().addHeader("Set-Cookie",
                name + "=" + value + "; Path=" + path + "; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
                        + (config.secureCookies() ? "; Secure" : ""));
    }

    void clearOneTimeCookie(Context ctx, String name, String path) {
        ctx.res().addHeader("Set-Cookie", name + "=; Path=" + path + "; Max-Age=0; HttpOnly; SameSite=Strict"
                + (config.secureCookies() ? "; Secure" : ""));
    }

    void clearSessionCookie(Context ctx) {
        ctx.res().addHeader("Set-Cookie", Authentication.SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
                + (config.secureCookies() ? "; Secure" : ""));
    }

    /** French if the browser prefers French to English, else English. */
    static String preferredLanguage(Context ctx) {
        String accept = Optional.ofNullable(ctx.header("Accept-Language")).orElse("").toLowerCase(Locale.ROOT);
        int fr = accept.indexOf("fr"), en = accept.indexOf("en");
        return fr >= 0 && (en < 0 || fr < en) ? "fr" : "en";
    }
}
