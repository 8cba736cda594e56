package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.residencymatch.Services;
import org.residencymatch.account.Principal;
import org.residencymatch.matching.MatchResultsRepository;
import org.residencymatch.matching.MatchRun;
import org.residencymatch.matching.ResultFilter;

/**
 * The results of match day as pages: the operator's per-applicant results of a run (filterable, with
 * its exports), the printable match report of a released iteration, and program staff's matched
 * applicants with their names and emails once released.
 */
final class MatchResultPages {

    /** Rows shown on the results page at most; the exports have them all. */
    static final int SHOWN = 500;
    private final Services services;
    private final PageRenderer pages;

    MatchResultPages(Services services, PageRenderer pages) {
        this.services = services;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/operator/match/{runId}/results", this::results, Access.OPERATOR);
        routes.get("/operator/match/report", this::report, Access.OPERATOR);
        routes.get("/staff/matched", this::staffMatched, Access.PROGRAM_STAFF);
    }

    private String cycle() {
        return CurrentCycle.id(services);
    }

    private void results(Context ctx) {
        String cycle = cycle();
        MatchRun run = services.matchRuns().find(cycle, ApiRoutes.longPathParam(ctx, "runId"));
        ResultFilter filter;
        try {
            filter = new ResultFilter(ctx.queryParam("q"), ctx.queryParam("outcome"), ctx.queryParam("category"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage().startsWith("outcome") ? "outcome" : "category", e.getMessage());
        }
        if (filter.text().length() > 200) throw ApiException.badRequest("q", "q is longer than 200 characters");
        List<MatchResultsRepository.Row> all = services.matchRuns().results(cycle, run.id());
        List<MatchResultsRepository.Row> kept = filter.apply(all);
        Map<String, Object> model = new HashMap<>();
        model.put("run", run);
        model.put("filter", filter);
        model.put("total", all.size());
        model.put("found", kept.size());
        model.put("rows", kept.size() > SHOWN ? kept.subList(0, SHOWN) : kept);
        model.put("unmatched", all.stream().filter(r -> !r.matched()).count());
        model.put("export", "/api/v1/cycles/" + cycle + "/iterations/" + run.iteration() + "/match-runs/" + run.id() + "/results");
        pages.render(ctx, "operator/match-results.jte", "matchDay.results.title", model);
    }

    private void report(Context ctx) {
        String cycle = cycle();
        int iteration = ApiRoutes.iteration(ctx);
        var report = services.matchRuns().report(cycle, iteration);
        pages.render(ctx, "operator/match-report.jte", "matchDay.report.title", Map.of("report", report,
                "export", "/api/v1/cycles/" + cycle + "/iterations/" + iteration + "/report.csv"));
    }

    private void staffMatched(Context ctx) {
        String cycle = cycle();
        int iteration = ApiRoutes.iteration(ctx);
        Principal user = Authentication.requirePrincipal(ctx);
        var matched = services.matchRuns().facultyMatched(cycle, iteration, user.facultyId());
        Map<String, Object> model = new HashMap<>();
        model.put("iteration", iteration);
        model.put("released", matched.isPresent());
        model.put("matched", matched.orElse(List.of()));
        model.put("export", "/api/v1/cycles/" + cycle + "/iterations/" + iteration + "/matched.csv");
        pages.render(ctx, "staff/matched.jte", "matchDay.staff.title", model);
    }
}
