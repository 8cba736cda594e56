package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
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

    SignInRoutes(Accounts accounts, Sessions sessions, LoginThrottle throttle, PageRenderer pages, String supportEmail) {
        this.throttle = throttle;
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
            case OPERATOR -> "/operator/cases";
            case PARTNER -> "/partner/lists";
            case PROGRAM_STAFF -> "/staff/streams";
        });
    }

    private void showLogin(Context ctx, String errorKey) {
        pages.render(ctx, "login.jte", "login.title", Map.of(
                "next", safeNext(ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next")),
                "error", errorKey == null ? "" : errorKey,
                "email", Optional.ofNullable(ctx.formParam("email")).orElse("")));
    }

    private void login(Context ctx) {
        Optional<Sessions.Session> session = Authentication.session(ctx);
        Authentication.requireCsrf(ctx, session);
        String email = Optional.ofNullable(ctx.formParam("email")).orElse("");
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        if (throttle.isBlocked(email, ctx.ip())) {
            ctx.status(429);
            showLogin(ctx, "login.throttled");
            return;
        }
        Optional<Principal> user;
        try {
            user = accounts.authenticate(email, password);
        } catch (Accounts.UnconfirmedEmailException e) {
            ctx.status(403);
            showLogin(ctx, "login.unconfirmed");
            return;
        }
        if (user.isEmpty()) {
            throttle.recordFailure(email, ctx.ip());
            ctx.status(401);
            showLogin(ctx, "login.failed");
            return;
        }
        throttle.recordSuccess(email);
        String locale = session.map(Sessions.Session::locale).orElse(PageRenderer.preferredLanguage(ctx));
        String newId = sessions.rotateForLogin(ctx.cookie(Authentication.SESSION_COOKIE), user.get().userId(), locale);
        pages.setSessionCookie(ctx, newId);
        ctx.redirect(safeNext(ctx.formParam("next")));
    }

    private void logout(Context ctx) {
        sessions.end(ctx.cookie(Authentication.SESSION_COOKIE));
        pages.clearSessionCookie(ctx);
        ctx.redirect("/login");
    }

    private void switchLanguage(Context ctx) {
        Optional<Sessions.Session> session = Authentication.session(ctx);
        Authentication.requireCsrf(ctx, session);
        String language = ctx.formParam("lang");
        if (Messages.isSupported(language)) sessions.setLocale(session.get().idHash(), language);
        ctx.redirect(safeNext(ctx.formParam("next")));
    }

    /** Only paths of this site: an open redirect to another site would help phishing. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) return "/";
        return next;
    }
}
