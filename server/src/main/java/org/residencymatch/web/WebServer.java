package org.residencymatch.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.residencymatch.ConflictException;
import org.residencymatch.NotFoundException;
import org.residencymatch.Refusal;
import org.residencymatch.cycle.CycleAction;
import org.residencymatch.Services;
import org.residencymatch.account.AccountAdministration;
import org.residencymatch.account.Accounts;
import org.residencymatch.account.AccountFeature;
import org.residencymatch.account.Registration;
import org.residencymatch.account.Sessions;
import org.residencymatch.ops.Failures;
import org.residencymatch.text.TextInputFilter;
import org.residencymatch.ops.Metrics;
import org.residencymatch.ops.RequestObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the service: pages for people, {@code /api/v1} for programs, and health checks for
 * a load balancer. Routes only translate HTTP; the work is done by the features' services.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private final Javalin app;

    /**
     * How the API writes and reads JSON: dates and times as ISO-8601 text, null fields written out (the
     * contract documents them as nullable, not as absent). The API's shape tests use this same mapper.
     */
    static ObjectMapper apiJsonMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    public WebServer(Services services, WebConfig config) {
        AccountFeature account = AccountFeature.open(services.database(), services.auditLog(), services.clock(), config.publicUrl());
        Accounts accounts = account.accounts();
        Sessions sessions = account.sessions();
        AnonymousForms anonymousForms = new AnonymousForms(account.secrets().get("anonymous-form-key"), config);
        Authentication authentication = new Authentication(accounts, sessions, config, anonymousForms);
        PageRenderer pages = new PageRenderer(sessions, config, anonymousForms, services.cycles()::currentTimeZone);
        ErrorAnswers errors = new ErrorAnswers(pages, authentication, () -> services.cycles().currentTimeZone());
        // Room for the largest list file accepted, plus the multipart envelope.
        long maxUpload = services.listUploads().maxBytes() + 1024 * 1024;
        // An applicant's document: at most 10 MB, plus the multipart envelope (the route itself answers 413 above 10 MB exactly).
        long maxDocument = org.residencymatch.applicant.DocumentCheck.MAX_BYTES + 64 * 1024;
        BodyLimits bodyLimits = new BodyLimits(Map.of(ListRoutes.UPLOAD_ROUTE, maxUpload, PartnerPages.UPLOAD_ROUTE, maxUpload,
                DocumentRoutes.UPLOAD_ROUTE, maxDocument, DocumentPages.UPLOAD_ROUTE, maxDocument));
        UploadGate uploadGate = UploadGate.forHeap(Runtime.getRuntime().maxMemory(), maxUpload);
        ObjectMapper json = apiJsonMapper();
        this.app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.http.maxRequestSize = maxUpload;
            javalin.jetty.multipartConfig.maxFileSize(maxUpload, io.javalin.config.SizeUnit.BYTES);
            javalin.jetty.multipartConfig.maxTotalRequestSize(maxUpload, io.javalin.config.SizeUnit.BYTES);
            javalin.jsonMapper(new JavalinJackson(json, false));
            new RequestObserver(services.metrics()).install(javalin);
            // Every query parameter, form field and JSON string meets the text policy here, before any route reads it.
            javalin.jetty.modifyServletContextHandler(
                    handler -> handler.addFilter(new org.eclipse.jetty.ee10.servlet.FilterHolder(new TextInputFilter()),
                            "/*", java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST)));
            javalin.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
                files.roles = Set.of(Access.ANYONE);
            });
            javalin.staticFiles.add(files -> {
                files.hostedPath = "/webjars";
                files.directory = "META-INF/resources/webjars";
                files.location = Location.CLASSPATH;
                files.roles = Set.of(Access.ANYONE);
            });
            RoutesConfig routes = javalin.routes;
            // The body's size first: the CSRF check reads forms.
            routes.beforeMatched(bodyLimits::check);
            routes.beforeMatched(authentication::check);
            routes.beforeMatched(WebServer::refuseRefusedText);
            routes.after(WebServer::securityHeaders);
            // One answer for every refusal: JSON for the API and for scripts, a page for a person's browser.
            routes.exception(ApiException.class, (e, ctx) -> errors.refuse(ctx, e.status(), e.refusal(), e.getMessage(), e.field(),
                    e.problems(), e.fieldProblems()));
            routes.exception(ConflictException.class, (e, ctx) -> errors.refuse(ctx, 409, e.refusal(), e.getMessage(), null));
            routes.exception(NotFoundException.class, (e, ctx) -> errors.refuse(ctx, 404, Refusal.of("NOT_FOUND"), e.getMessage(), null,
                    List.of(), List.of()));
            // Javalin's own refusals (a path no route serves, above all): a page for a browser, Javalin's answer otherwise.
            routes.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> {
                if (ErrorAnswers.wantsPage(ctx)) errors.page(ctx, e.getStatus(), Refusal.of(ErrorAnswers.codeOf(e.getStatus())), List.of());
                else
                    io.javalin.router.exception.HttpResponseExceptionMapper.INSTANCE.handle(e, ctx);
            });
            routes.exception(org.residencymatch.account.Passwords.Busy.class,
                    (e, ctx) -> errors.refuse(ctx, 503, Refusal.of("SIGN_IN_BUSY"),
                            e.getMessage(), null, List.of(), List.of()));
            routes.exception(Authentication.LoginRequired.class, (e, ctx) -> ctx
                    .redirect("/login?next=" + java.net.URLEncoder.encode(ctx.path(), java.nio.charset.StandardCharsets.UTF_8)));
            routes.exception(Exception.class, (e, ctx) -> {
                if (org.residencymatch.store.Database.isUnavailable(e)) {
                    // Not a bug: the database is down or unreachable. Say so (a load balancer or a client may retry), in
                    // JSON even to a browser, since a page needs the session, which lives in that database.
                    // The exception's class only: its message may quote the statement's arguments (applicant ids).
                    LOG.warn("database unavailable on {} {}: {}", ctx.method(), ctx.endpoint() == null ? "?" : ctx.endpoint().path,
                            e.getClass().getSimpleName());
                    ctx.status(503).header("Retry-After", "5")
                            .json(error("DATABASE_UNAVAILABLE", "the database cannot be reached just now; try again shortly", null));
                    return;
                }
                // Types, SQL state, constraint and where, never the messages: a database error's message quotes the
                // statement's values (names, dates of birth, emails, tokens).
                LOG.error("unexpected error on {} {} (request {}): {}", ctx.method(), ctx.endpoint() == null ? "?" : ctx.endpoint().path,
                        RequestObserver.requestId(ctx), Failures.describe(e), Failures.redacted(e));
                if (ErrorAnswers.wantsPage(ctx)) {
                    try {
                        errors.page(ctx, 500, Refusal.of("INTERNAL"), List.of());
                        return;
                    } catch (RuntimeException pageFailed) {
                        // The page itself failed (the session's store, say): the plain answer below still says it.
                        LOG.error("the error page failed too (request {}): {}", RequestObserver.requestId(ctx),
                                Failures.describe(pageFailed));
                    }
                }
                ctx.status(500).json(error("INTERNAL", "something went wrong on our side; the error was logged", null));
            });
            routes.get("/health", ctx -> ctx.json(Map.of("status", "UP")), Access.ANYONE);
            // Ready when the database answers and takes a write (a probe row updated and committed): a read-only or
            // full disk lets queries through while every change fails.
            routes.get("/ready", ctx -> {
                String status = !services.database().isReachable()
                        ? "DATABASE_UNREACHABLE"
                        : !services.database().isWritable() ? "DATABASE_NOT_WRITABLE" : "READY";
                ctx.status(status.equals("READY") ? 200 : 503).json(Map.of("status", status));
            }, Access.ANYONE);
            // For Prometheus, with an operator's bearer token: the figures describe the whole service.
            routes.get("/metrics", ctx -> ctx.contentType(Metrics.contentType()).result(services.metrics().scrape()), Access.OPERATOR);
            new SignInRoutes(accounts, sessions, account.throttle(), pages, config.supportEmail(),
                    authentication, anonymousForms).register(routes);
            new ApiRoutes(services).register(routes);
            new ApplicantPages(services, pages, config.publicUrl()).register(routes);
            new ApplicantHomePage(services, pages).register(routes);
            new CouplePages(services, pages, config.publicUrl()).register(routes);
            new OperatorPages(services, pages).register(routes);
            new MatchDayPages(services, pages, config.publicUrl()).register(routes);
            new MatchResultPages(services, pages).register(routes);
            new MatchResultRoutes(services, config.publicUrl()).register(routes);
            new CalendarRoutes(services, pages).register(routes);
            new ProgramQuotaRoutes(services, pages).register(routes);
            new DashboardPages(services, pages).register(routes);
            new HelpPages(services, pages, accounts).register(routes);
            new HelpApiRoutes(services).register(routes);
            new ListRoutes(services, uploadGate).register(routes);
            new PartnerPages(services, pages, uploadGate).register(routes);
            new JobPages(services, pages).register(routes);
            new AuditRoutes(services, pages).register(routes);
            new OutboxPages(services, pages).register(routes);
            new StaffPages(services, pages).register(routes);
            new FollowUpPages(services, pages).register(routes);
            new ProfilePages(services, pages).register(routes);
            new DocumentRoutes(services, uploadGate).register(routes);
            new DocumentPages(services, pages, uploadGate).register(routes);
            new VerificationPages(services, pages).register(routes);
            new FacultyVerificationPages(services, pages).register(routes);
            new PeoplePages(services, pages, accounts).register(routes);
            new ReceiptPages(services, pages).register(routes);
            new PeopleApiRoutes(services).register(routes);
            AccountAdministration administration = account.administration();
            new AccountPages(accounts, administration, pages).register(routes);
            new AccountRoutes(accounts, administration).register(routes);
            new FollowUpRoutes(services).register(routes);
            new JourneyRoutes(services).register(routes);
            Registration registration = account.registration();
            // Registration is open while a new applicant can still declare a profile and select programs (issue #18).
            Runnable registrationOpen = () -> services.cycles().currentCycleId().flatMap(services.cycles()::find)
                    .ifPresent(cycle -> cycle.require(CycleAction.REGISTER, 1, java.time.LocalDateTime.now(services.clock())));
            new RegistrationPages(registration, pages, authentication, registrationOpen).register(routes);
            new RegistrationRoutes(registration, registrationOpen).register(routes);
        });
        answerHeadLikeGet();
    }

    /**
     * HEAD on every GET route, with the GET route's roles and handler (the server sends no body for
     * HEAD). Javalin answers HEAD with the GET handler by itself, but runs the checks before it as if no
     * route had matched, so the role check found no roles and every HEAD was a 500.
     */
    private void answerHeadLikeGet() {
        var router = app.unsafe.internalRouter;
        for (var parsed : List.copyOf(router.allHttpHandlers())) {
            Endpoint get = parsed.endpoint;
            if (get.method != HandlerType.GET || router.hasHttpHandlerEntry(HandlerType.HEAD, get.path)) continue;
            Roles roles = get.metadata(Roles.class);
            router.addHttpEndpoint(new Endpoint(HandlerType.HEAD, get.path, get.handler, roles == null ? Set.of() : Set.of(roles)));
        }
    }

    /** A value the text policy refused (TextInputFilter): 400 naming the field, before the route runs and changes anything. */
    private static void refuseRefusedText(io.javalin.http.Context ctx) {
        TextInputFilter.refusal(ctx.req()).ifPresent(refusal -> {
            throw ApiException.problems("INVALID_TEXT", List.of(new ApiException.Problem(refusal.field(), refusal.reason().reasonKey(),
                    List.of(refusal.field(), refusal.reason().character()))));
        });
    }

    /**
     * The language to answer a refusal in: the one a request asks for ({@code ?lang=}); else, for the API,
     * the one its Accept-Language header prefers (a client asks per request), and for a page the one the
     * visitor chose (a browser's header is only its default); else the other of the two.
     */
    static String readerLanguage(io.javalin.http.Context ctx) {
        String asked = ctx.queryParam("lang");
        if (Messages.isSupported(asked)) return asked;
        var chosen = Authentication.session(ctx).map(org.residencymatch.account.Sessions.Session::locale);
        if (Authentication.isApi(ctx) && ctx.header("Accept-Language") != null || chosen.isEmpty())
            return PageRenderer.preferredLanguage(ctx);
        return chosen.get();
    }

    static Map<String, Object> error(String code, String message, String field) {
        return ErrorAnswers.error(code, message, field);
    }

    private static void securityHeaders(io.javalin.http.Context ctx) {
        ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        // Nothing but the static assets may be kept by a browser or a proxy: pages hold personal data
        // and CSRF tokens, API answers and exports personal data.
        if (!ctx.path().startsWith("/assets/") && !ctx.path().startsWith("/webjars/")) ctx.header("Cache-Control", "no-store");
    }

    public WebServer start(int port) {
        app.start(port);
        return this;
    }

    public int port() {
        return app.port();
    }

    /** The running Javalin, for tests that inspect the route table. */
    public Javalin javalin() {
        return app;
    }

    @Override
    public void close() {
        app.stop();
    }
}
