package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.residencymatch.account.Accounts;
import org.residencymatch.account.LoginThrottle;
import org.residencymatch.account.Principal;
import org.residencymatch.account.Sessions;

/** Sign in, sign out, the language switch and the home page that sends each role to its work. */
final class SignInRoutes {

    private final Accounts accounts;
    private final Sessions sessions;
    private final PageRenderer pages;
    private final String supportEmail;
    private final LoginThrottle throttle;
    private final Authentication authentication;
    private final AnonymousForms anonymousForms;

    SignInRoutes(Accounts accounts, Sessions sessions, LoginThrottle throttle, PageRenderer pages, String supportEmail,
            Authentication authentication, AnonymousForms anonymousForms) {
        this.throttle = throttle;
        this.authentication = authentication;
        this.anonymousForms = anonymousForms;
        this.supportEmail = supportEmail;
        this.accounts = accounts;
        this.sessions = sessions;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/", this::home, Access.ANYONE);
        routes.get("/login", ctx -> showLogin(ctx, null), Access.ANYONE);
        routes.post("/login", this::login, Access.ANYONE);
        routes.post("/logout", this::logout, Access.APPLICANT, Access.PARTNER, Access.PROGRAM_STAFF, Access.OPERATOR);
        routes.post("/api/v1/session", this::apiSignIn, Access.ANYONE);
        routes.delete("/api/v1/session", this::apiSignOut, Access.ANYONE);
        routes.post("/language", this::switchLanguage, Access.ANYONE);
        routes.get("/help/contact", this::contact, Access.ANYONE);
    }

    /** How to reach the operator; every "contact the operator" next step links here. */
    private void contact(Context ctx) {
        pages.render(ctx, "help/contact.jte", "help.title", Map.of("supportEmail", supportEmail));
    }

    private void home(Context ctx) {
        Optional<Principal> user = Authentication.principal(ctx);
        if (user.isEmpty()) {
            ctx.redirect("/login");
            return;
        }
        ctx.redirect(switch (user.get().role()) {
            case APPLICANT -> "/applicant";
            case OPERATOR -> "/operator/dashboard";
            case PARTNER -> "/partner/lists";
            case PROGRAM_STAFF -> "/staff/streams";
            case HELP_DESK -> "/operator/applicants";
        });
    }

    private void showLogin(Context ctx, String errorKey) {
        pages.render(ctx, "login.jte", "login.title", Map.of(
                "next", safeNext(ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next")),
                "error", errorKey == null ? "" : errorKey,
                "email", Optional.ofNullable(ctx.formParam("email")).orElse("")));
    }

    private void login(Context ctx) {
        authentication.requireFormCsrf(ctx);
        Attempt attempt = attempt(ctx, ctx.formParam("email"), ctx.formParam("password"));
        if (attempt.user().isEmpty()) {
            ctx.status(attempt.status());
            showLogin(ctx, attempt.messageKey());
            return;
        }
        // A language chosen on this browser before signing in is the account's choice too (emails follow it); the
        // browser's own preference is not a choice and leaves the account's as it was.
        String chosen = AnonymousForms.chosenLanguage(ctx);
        Sessions.Session session = startSession(ctx, attempt.user().get(), PageRenderer.language(ctx));
        if (chosen != null) sessions.setLocale(session.idHash(), chosen);
        ctx.redirect(safeNext(ctx.formParam("next")));
    }

    /**
     * The API's sign-in, for applicants' own clients: the same checks, throttle and session as the page,
     * answered with the session cookie and the CSRF token that every state-changing request of that
     * session must send in {@code X-CSRF-Token}. Only a JSON body is read: a form on another site cannot
     * send one without the browser asking first, so nobody can be signed in to someone else's account.
     */
    private void apiSignIn(Context ctx) {
        String contentType = Optional.ofNullable(ctx.contentType()).orElse("");
        if (!contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE",
                    "send the email and password as a JSON object (Content-Type: application/json)");
        }
        Map<?, ?> body = ApiRoutes.jsonObject(ctx);
        Attempt attempt = attempt(ctx, body.get("email") instanceof String e ? e : null,
                body.get("password") instanceof String p ? p : null);
        if (attempt.user().isEmpty()) throw new ApiException(attempt.status(), attempt.code(), Messages.of("en").t(attempt.messageKey()));
        Principal user = attempt.user().get();
        String language = body.get("language") instanceof String l && Messages.isSupported(l) ? l : PageRenderer.preferredLanguage(ctx);
        Sessions.Session session = startSession(ctx, user, language);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("role", user.role().name());
        json.put("applicantId", user.applicantId());
        json.put("csrfToken", session.csrfToken());
        json.put("idleTimeoutMinutes", Sessions.IDLE_TIMEOUT.toMinutes());
        ctx.json(json);
    }

    /** Open to anyone, as there may be no session to end; a live session's cookie needs its CSRF token (see Authentication). */
    private void apiSignOut(Context ctx) {
        sessions.end(ctx.cookie(Authentication.SESSION_COOKIE));
        pages.clearSessionCookie(ctx);
        ctx.status(204);
    }

    /** How a sign-in went: the user, or the HTTP status, API code and message key of the refusal. */
    private record Attempt(Optional<Principal> user, int status, String code, String messageKey) {
        static Attempt refused(int status, String code, String messageKey) {
            return new Attempt(Optional.empty(), status, code, messageKey);
        }
    }

    /** One sign-in attempt, for the page and the API alike: throttled per account and address and per address, failures counted. */
    private Attempt attempt(Context ctx, String email, String password) {
        String givenEmail = Optional.ofNullable(email).orElse("");
        String address = Authentication.clientAddress(ctx);
        if (throttle.isBlocked(givenEmail, address)) return Attempt.refused(429, "THROTTLED", "login.throttled");
        Optional<Principal> user;
        try {
            user = accounts.authenticate(givenEmail, Optional.ofNullable(password).orElse(""));
        } catch (Accounts.UnconfirmedEmailException e) {
            return Attempt.refused(403, "UNCONFIRMED", "login.unconfirmed");
        }
        if (user.isEmpty()) {
            throttle.recordFailure(givenEmail, address);
            return Attempt.refused(401, "UNAUTHENTICATED", "login.failed");
        }
        throttle.recordSuccess(givenEmail, address);
        return new Attempt(user, 200, null, null);
    }

    /** A new session for the user (rotated: the id the caller had before is worth nothing now), set as the cookie. */
    private Sessions.Session startSession(Context ctx, Principal user, String locale) {
        String newId = sessions.rotateForLogin(ctx.cookie(Authentication.SESSION_COOKIE), user.userId(), locale);
        pages.setSessionCookie(ctx, newId);
        anonymousForms.forget(ctx);
        return sessions.find(newId).orElseThrow();
    }

    private void logout(Context ctx) {
        // The language chosen while signed in stays the visitor's after signing out.
        Authentication.session(ctx).map(Sessions.Session::locale).filter(Messages::isSupported)
                .ifPresent(language -> anonymousForms.rememberLanguage(ctx, language));
        sessions.end(ctx.cookie(Authentication.SESSION_COOKIE));
        pages.clearSessionCookie(ctx);
        ctx.redirect("/login");
    }

    private void switchLanguage(Context ctx) {
        authentication.requireFormCsrf(ctx);
        String language = ctx.formParam("lang");
        if (Messages.isSupported(language)) pages.rememberLanguage(ctx, language);
        ctx.redirect(safeNext(ctx.formParam("next")));
    }

    /**
     * Only paths of this site: an open redirect to another site would help phishing. A path starts with
     * one "/" and holds no "//", no "\\", no control character and no white space anywhere (browsers
     * drop tabs and newlines from a URL, so "/\t/evil.example" would be "//evil.example" to them);
     * anything else goes home.
     */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.contains("//") || next.contains("\\")) return "/";
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || Character.getType(c) == Character.FORMAT)
                return "/";
        }
        return next;
    }
}
