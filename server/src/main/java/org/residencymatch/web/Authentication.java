package org.residencymatch.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.util.Optional;
import java.util.Set;
import org.residencymatch.account.Accounts;
import org.residencymatch.account.Principal;
import org.residencymatch.account.Role;
import org.residencymatch.account.SecretTokens;
import org.residencymatch.account.Sessions;

/**
 * Runs before every matched route: finds who is calling (a bearer token for the API, the session
 * cookie for pages), lets the request through only if the route admits that role, and checks the CSRF
 * token on every state-changing request that a browser could forge (one authenticated by cookie).
 */
final class Authentication {

    static final String SESSION_COOKIE = "rm_session";
    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String PRINCIPAL = "principal";
    private static final String SESSION = "session";
    private static final String CLIENT_ADDRESS = "clientAddress";
    private static final Principal BOOTSTRAP_OPERATOR = new Principal(0, "Bootstrap token", Role.OPERATOR, null, null, null);

    private final Accounts accounts;
    private final Sessions sessions;
    private final WebConfig config;
    private final AnonymousForms anonymousForms;

    Authentication(Accounts accounts, Sessions sessions, WebConfig config, AnonymousForms anonymousForms) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.config = config;
        this.anonymousForms = anonymousForms;
    }

    /**
     * Reads the visitor's session when no route's check has (a path no route serves, a body refused before
     * the check): an error page is then in the visitor's language and shows who is signed in. It grants nothing.
     */
    void identify(Context ctx) {
        if (session(ctx).isPresent() || ctx.cookie(SESSION_COOKIE) == null) return;
        Optional<Sessions.Session> session = sessions.find(ctx.cookie(SESSION_COOKIE));
        session.ifPresent(s -> ctx.attribute(SESSION, s));
        session.flatMap(Sessions.Session::user).ifPresent(p -> ctx.attribute(PRINCIPAL, p));
    }

    void check(Context ctx) {
        ctx.attribute(CLIENT_ADDRESS, config.trustedProxies().clientAddress(ctx.req().getRemoteAddr(),
                java.util.Collections.list(ctx.req().getHeaders("X-Forwarded-For"))));
        Set<RouteRole> roles = ctx.routeRoles();
        Optional<Principal> principal;
        String authorization = ctx.header("Authorization");
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        if (bearer) {
            String token = authorization.substring(7).trim();
            principal = config.bootstrapToken() != null && SecretTokens.sameSecret(token, config.bootstrapToken())
                    ? Optional.of(BOOTSTRAP_OPERATOR)
                    : accounts.findByApiToken(token);
            if (principal.isEmpty()) throw new ApiException(401, "UNAUTHENTICATED", "the bearer token is not valid");
        } else {
            Optional<Sessions.Session> session = sessions.find(ctx.cookie(SESSION_COOKIE));
            session.ifPresent(s -> ctx.attribute(SESSION, s));
            principal = session.flatMap(Sessions.Session::user);
            // Only a cookie that signs a user in can be abused by a forged form; without a user the
            // request is refused below anyway, with 401 (API) or the login page, not a CSRF error.
            if (isStateChanging(ctx) && !roles.contains(Access.ANYONE) && principal.isPresent()) requireCsrf(ctx, session);
            // The API's open routes (registration, sign-in and out) are called by clients without a cookie;
            // one that sends a live session's cookie is a browser, which must prove the request is its own.
            if (isStateChanging(ctx) && roles.contains(Access.ANYONE) && isApi(ctx) && session.isPresent()) requireCsrf(ctx, session);
        }
        principal.ifPresent(p -> ctx.attribute(PRINCIPAL, p));
        if (roles.isEmpty()) throw new IllegalStateException("route " + ctx.endpoint().path + " declares no roles");
        if (roles.contains(Access.ANYONE)) return;
        if (principal.isEmpty()) {
            if (isApi(ctx)) throw new ApiException(401, "UNAUTHENTICATED", "sign in or send a bearer token");
            throw new LoginRequired();
        }
        Role role = principal.get().role();
        if (roles.stream().noneMatch(r -> ((Access) r).admits(role))) {
            throw new ApiException(403, "FORBIDDEN", "your role may not do this");
        }
    }

    /**
     * The forms open to anyone (sign-in, registration, password reset, language) check their CSRF token
     * themselves: the session's if the visitor has one, else the signed token of {@link AnonymousForms}.
     */
    void requireFormCsrf(Context ctx) {
        Optional<Sessions.Session> session = session(ctx);
        if (session.isPresent()) {
            requireCsrf(ctx, session);
        } else if (!anonymousForms.accepts(ctx, sentCsrf(ctx))) {
            throw csrfRefused();
        }
    }

    static void requireCsrf(Context ctx, Optional<Sessions.Session> session) {
        if (session.isEmpty() || !SecretTokens.sameSecret(sentCsrf(ctx), session.get().csrfToken())) throw csrfRefused();
    }

    private static String sentCsrf(Context ctx) {
        String sent = ctx.header(CSRF_HEADER);
        return sent != null ? sent : ctx.formParam(CSRF_FIELD);
    }

    private static ApiException csrfRefused() {
        return new ApiException(403, "CSRF", "the form has expired or did not come from this site; reload the page and try again");
    }

    private static boolean isStateChanging(Context ctx) {
        HandlerType method = ctx.method();
        return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
    }

    static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }

    static Optional<Principal> principal(Context ctx) {
        return Optional.ofNullable(ctx.attribute(PRINCIPAL));
    }

    static Principal requirePrincipal(Context ctx) {
        return principal(ctx).orElseThrow(() -> new ApiException(401, "UNAUTHENTICATED", "sign in first"));
    }

    /** The client's address, as {@link TrustedProxies} works it out (what throttles count by). */
    static String clientAddress(Context ctx) {
        String address = ctx.attribute(CLIENT_ADDRESS);
        return address != null ? address : ctx.req().getRemoteAddr();
    }

    static Optional<Sessions.Session> session(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION));
    }

    /** Thrown for a page that needs a signed-in user when there is none: answered with the login page. */
    static final class LoginRequired extends RuntimeException {
        LoginRequired() {
            super(null, null, false, false);
        }
    }
}
