package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.residencymatch.Services;
import org.residencymatch.account.Principal;
import org.residencymatch.reconciliation.CaseStatus;

/** The operator's pages: reconciliation cases, with comments and resolution. */
final class OperatorPages {

    private final Services services;
    private final PageRenderer pages;

    OperatorPages(Services services, PageRenderer pages) {
        this.services = services;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/operator/cases", this::cases, Access.OPERATOR);
        routes.post("/operator/cases/{caseId}/comment", this::comment, Access.OPERATOR);
        routes.post("/operator/cases/{caseId}/resolve", this::resolve, Access.OPERATOR);
        routes.get("/operator/match", this::match, Access.OPERATOR);
        routes.post("/operator/match/run", this::runMatch, Access.OPERATOR);
        routes.post("/operator/match/{runId}/release", this::release, Access.OPERATOR);
    }

    private void match(Context ctx) {
        String cycle = cycle();
        int iteration = ApiRoutes.iteration(ctx);
        List<RunView> runs = services.matchRuns().runs(cycle, iteration).stream()
                .map(r -> new RunView(r, services.matchRuns().statistics(cycle, r.id()),
                        r.stable() ? List.of() : services.matchRuns().blocking(cycle, r.id()))).toList();
        pages.render(ctx, "operator/match.jte", "match.title", Map.of(
                "cycle", cycle, "iteration", iteration, "runs", runs, "exactLimit", org.residencymatch.exact.ExactMatcher.MAX_APPLICANTS,
                "phase", PhaseBanner.of(services, cycle, iteration, org.residencymatch.cycle.Phase.MATCH),
                "flagged", services.applications().flagged(cycle)));
    }

    private void runMatch(Context ctx) {
        int iteration = ApiRoutes.iterationFromForm(ctx);
        long seed;
        try {
            seed = Long.parseLong(String.valueOf(ctx.formParam("seed")).trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("seed", "the seed is a whole number");
        }
        // Refused at once outside the match phases; the run itself (seconds at national scale) goes to the background.
        String cycle = cycle();
        services.matchRuns().requireRunnable(cycle, iteration);
        Principal user = Authentication.requirePrincipal(ctx);
        long job = services.jobs().start("match.run", user.userId(), "/operator/match?iteration=" + iteration, progress -> {
            services.matchRuns().run(cycle, iteration, seed, user.auditName(), progress);
            return "/operator/match?iteration=" + iteration;
        });
        ctx.redirect(JobPages.path(job));
    }

    private void release(Context ctx) {
        var run = services.matchRuns().release(cycle(), ApiRoutes.longPathParam(ctx, "runId"), Authentication.requirePrincipal(ctx).auditName());
        ctx.redirect("/operator/match?iteration=" + run.iteration());
    }

    private String cycle() {
        return CurrentCycle.id(services);
    }

    private void cases(Context ctx) {
        // Open cases unless the operator asks for another status (or ALL).
        String status = ctx.queryParam("status") == null || ctx.queryParam("status").isBlank() ? "OPEN" : ctx.queryParam("status").trim();
        CaseStatus filter = "ALL".equalsIgnoreCase(status) ? null : ApiRoutes.enumValue("status", status, CaseStatus.class);
        String cycle = cycle();
        var cases = services.reconciliation().cases(cycle, filter);
        pages.render(ctx, "operator/cases.jte", "cases.title", Map.of(
                "cycle", cycle,
                "status", filter == null ? "ALL" : filter.name(),
                "statuses", List.of("OPEN", "RESOLVED", "CLOSED_AUTOMATICALLY", "ALL"),
                "cases", cases,
                "names", services.directory().names(cases.stream().map(c -> c.applicantId()).toList())));
    }

    private void comment(Context ctx) {
        String body = requiredText(ctx, "body");
        services.reconciliation().comment(cycle(), ApiRoutes.longPathParam(ctx, "caseId"), Authentication.requirePrincipal(ctx).auditName(), body);
        ctx.redirect("/operator/cases#case-" + ApiRoutes.longPathParam(ctx, "caseId"));
    }

    private void resolve(Context ctx) {
        String resolution = requiredText(ctx, "resolution");
        services.reconciliation().resolve(cycle(), ApiRoutes.longPathParam(ctx, "caseId"), Authentication.requirePrincipal(ctx).auditName(), resolution);
        ctx.redirect("/operator/cases");
    }


    private static String requiredText(Context ctx, String field) {
        String value = ctx.formParam(field);
        if (value == null || value.isBlank()) throw ApiException.badRequest(field, field + " is required");
        if (value.length() > 2000) throw ApiException.badRequest(field, field + " is longer than 2000 characters");
        return value.strip();
    }
}
