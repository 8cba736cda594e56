package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.residencymatch.ConflictException;
import org.residencymatch.Services;
import org.residencymatch.account.Principal;
import org.residencymatch.matching.MatchDayPolicy;
import org.residencymatch.matching.MatchRun;
import org.residencymatch.matching.MatchRunService;

/**
 * The operator's match day: the runs of an iteration, running the match, and releasing one run's
 * results after a confirmation that says what release does and asks for the run's id. The page offers
 * only what the phase and the state allow, and says why not otherwise; a refused action answers with a
 * page that explains it, in the reader's language.
 */
final class MatchDayPages {

    private final Services services;
    private final PageRenderer pages;
    private final String publicUrl;

    MatchDayPages(Services services, PageRenderer pages, String publicUrl) {
        this.services = services;
        this.pages = pages;
        this.publicUrl = publicUrl;
    }

    void register(RoutesConfig routes) {
        routes.get("/operator/match", this::match, Access.OPERATOR);
        routes.post("/operator/match/run", this::runMatch, Access.OPERATOR);
        routes.get("/operator/match/{runId}/release", this::confirm, Access.OPERATOR);
        routes.post("/operator/match/{runId}/release", this::release, Access.OPERATOR);
        routes.post("/operator/match/placement-reasons", this::placementReasons, Access.OPERATOR);
    }

    private MatchOffers offers(Context ctx, String cycle, int iteration) {
        MatchRunService.MatchDay day = services.matchRuns().matchDay(cycle, iteration);
        Messages m = Messages.of(PageRenderer.language(ctx)).inZone(services.cycles().currentTimeZone());
        Map<Long, String> refusals = new HashMap<>();
        day.release().forEach((run, decision) -> {
            if (!decision.allowed()) refusals.put(run, reason(m, decision));
        });
        return new MatchOffers(day.run().allowed() ? null : reason(m, day.run()), refusals, day.state().released());
    }

    private static String reason(Messages m, MatchDayPolicy.Decision decision) {
        return Refusals.message(m, decision.refusal());
    }

    private void match(Context ctx) {
        String cycle = cycle();
        int iteration = ApiRoutes.iteration(ctx);
        List<RunView> runs = services.matchRuns().runs(cycle, iteration).stream()
                .map(r -> new RunView(r, services.matchRuns().statistics(cycle, r.id()),
                        r.stable() ? List.of() : services.matchRuns().blocking(cycle, r.id())))
                .toList();
        pages.render(ctx, "operator/match.jte", "match.title", Map.of(
                "cycle", cycle, "iteration", iteration, "runs", runs, "exactLimit", org.residencymatch.exact.ExactMatcher.MAX_APPLICANTS,
                "phase", PhaseBanner.of(services, cycle, iteration, org.residencymatch.cycle.CycleAction.RUN_MATCH),
                "flagged", services.applications().flagged(cycle), "offers", offers(ctx, cycle, iteration),
                "placementReasons", services.placementReasons().setting(cycle)));
    }

    private void runMatch(Context ctx) {
        int iteration = ApiRoutes.iterationFromForm(ctx);
        long seed;
        try {
            seed = Long.parseLong(String.valueOf(ctx.formParam("seed")).trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("seed", "the seed is a whole number");
        }
        // Refused at once outside the match phases or after release; the run itself (seconds at national scale) goes to the background.
        String cycle = cycle();
        try {
            services.matchRuns().requireRunnable(cycle, iteration);
        } catch (ConflictException e) {
            refused(ctx, e, iteration);
            return;
        }
        Principal user = Authentication.requirePrincipal(ctx);
        long job = services.jobs().start("match.run", user.userId(), "/operator/match?iteration=" + iteration, progress -> {
            services.matchRuns().run(cycle, iteration, seed, user.auditName(), progress);
            return "/operator/match?iteration=" + iteration;
        });
        ctx.redirect(JobPages.path(job));
    }

    /** The confirmation: what release does, and the run's id to type; or, when release is refused, why. */
    private void confirm(Context ctx) {
        MatchRun run = services.matchRuns().find(cycle(), ApiRoutes.longPathParam(ctx, "runId"));
        confirmPage(ctx, run, null);
    }

    private void confirmPage(Context ctx, MatchRun run, String mistake) {
        MatchOffers offers = offers(ctx, cycle(), run.iteration());
        Map<String, Object> model = new HashMap<>();
        model.put("run", run);
        model.put("refusal", offers.releaseRefusal(run.id()));
        model.put("mistake", mistake);
        model.put("firstIteration", run.iteration() == 1);
        pages.render(ctx, "operator/match-release.jte", "matchDay.confirm.title", model);
    }

    private void release(Context ctx) {
        MatchRun run = services.matchRuns().find(cycle(), ApiRoutes.longPathParam(ctx, "runId"));
        String typed = ctx.formParam("confirm");
        if (typed == null || !typed.strip().equals(String.valueOf(run.id()))) {
            // Nothing released: the same page again, saying what to type.
            ctx.status(400);
            confirmPage(ctx, run, typed == null || typed.isBlank() ? "matchDay.confirm.missing" : "matchDay.confirm.wrong");
            return;
        }
        try {
            services.matchRuns().release(cycle(), run.id(), Authentication.requirePrincipal(ctx).auditName(), publicUrl + "/applicant");
        } catch (ConflictException e) {
            refused(ctx, e, run.iteration());
            return;
        }
        ctx.redirect("/operator/match?iteration=" + run.iteration() + "&released=" + run.id());
    }

    /** Turns the cycle's policy of telling unmatched applicants why each program did not place them on ({@code enabled=true}) or off. */
    private void placementReasons(Context ctx) {
        String value = ctx.formParam("enabled");
        if (!"true".equals(value) && !"false".equals(value)) throw ApiException.badRequest("enabled", "enabled is true or false");
        int iteration = ApiRoutes.iterationFromForm(ctx);
        services.placementReasons().set(cycle(), Boolean.parseBoolean(value), Authentication.requirePrincipal(ctx).auditName());
        ctx.redirect("/operator/match?iteration=" + iteration + "#placement-reasons");
    }

    /** A refused match-day action: a page that says why in the reader's language and leads back to the match page (409). */
    private void refused(Context ctx, ConflictException e, int iteration) {
        Messages m = Messages.of(PageRenderer.language(ctx)).inZone(services.cycles().currentTimeZone());
        String reason = Refusals.message(m, e.refusal());
        ctx.status(409);
        pages.render(ctx, "operator/match-refused.jte", "matchDay.refused.title",
                Map.of("code", e.code(), "reason", reason, "iteration", iteration));
    }

    private String cycle() {
        return CurrentCycle.id(services);
    }
}
