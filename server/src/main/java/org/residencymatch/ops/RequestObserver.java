package org.residencymatch.ops;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Observes every HTTP request: gives it a request id (the load balancer's {@code X-Request-Id} when it
 * sends a sane one, else a new one, echoed in the response), then records it in the metrics and writes
 * one log line: method, route template, status, duration and request id.
 *
 * <p>The line holds no personal data by construction: the route template instead of the path (paths
 * hold applicant ids), no query string (a search may hold a name), no body, no user, no address.
 */
public final class RequestObserver {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Logger LOG = LoggerFactory.getLogger("requests");
    private static final String REQUEST_ID = "requestId";
    /** What a request id from outside may look like: short, and nothing that could smuggle text into a log. */
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Metrics metrics;

    public RequestObserver(Metrics metrics) {
        this.metrics = metrics;
    }

    /** Hooks into a Javalin being configured: a before-handler for the id, the request logger for the rest. */
    public void install(JavalinConfig javalin) {
        javalin.routes.before(this::assignRequestId);
        javalin.requestLogger.http((ctx, millis) -> observe(ctx, Duration.ofNanos((long) (millis * 1_000_000))));
    }

    private void assignRequestId(Context ctx) {
        String sent = ctx.header(REQUEST_ID_HEADER);
        String id = sent != null && SANE_ID.matcher(sent).matches() ? sent : HexFormat.of().formatHex(randomBytes());
        ctx.attribute(REQUEST_ID, id);
        ctx.header(REQUEST_ID_HEADER, id);
    }

    /** This request's id (as in its log line and its {@code X-Request-Id}), or "-" before one was assigned. */
    public static String requestId(Context ctx) {
        String id = ctx.attribute(REQUEST_ID);
        return id == null ? "-" : id;
    }

    private static byte[] randomBytes() {
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        return id;
    }

    private void observe(Context ctx, Duration duration) {
        String route = routeTemplate(ctx);
        int status = ctx.statusCode();
        metrics.recordRequest(ctx.method().name(), route, status, duration);
        String requestId = ctx.attribute(REQUEST_ID);
        LOG.atInfo()
                .addKeyValue("method", ctx.method().name())
                .addKeyValue("route", route)
                .addKeyValue("status", status)
                .addKeyValue("durationMs", duration.toMillis())
                .addKeyValue("requestId", requestId == null ? "-" : requestId)
                .log("{} {} {} {}ms", ctx.method().name(), route, status, duration.toMillis());
    }

    /**
     * The route a request matched, as declared ({@code /operator/cases/{caseId}/comment}); static
     * files by their mount; anything else one label, so that probing random paths cannot create series.
     */
    static String routeTemplate(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint != null) return endpoint.path;
        String path = ctx.path();
        if (path.startsWith("/assets/")) return "/assets/*";
        if (path.startsWith("/webjars/")) return "/webjars/*";
        return "unmatched";
    }
}
