package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.residencymatch.NotFoundException;
import org.residencymatch.Services;
import org.residencymatch.account.Principal;
import org.residencymatch.account.Role;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.matching.MatchRun;
import org.residencymatch.matching.MatchTables;
import org.residencymatch.matching.PlacementReasonService;
import org.residencymatch.matching.ResultFilter;
import org.residencymatch.tabular.CsvExport;
import org.residencymatch.tabular.XlsxExport;

/**
 * Match day in the API: releasing a run (with the run's id typed back as confirmation), and the
 * exports of its results for every party: the operator's per-applicant results (CSV, XLSX) and report,
 * program staff's matched applicants, a partner body's list outcomes. Results are readable by the
 * other parties only once released.
 */
final class MatchResultRoutes {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The cycle's policy of telling unmatched applicants why each program did not place them. */
    static final String PLACEMENT_REASONS = "/api/v1/cycles/{cycle}/placement-reasons";
    private final Services services;
    private final String publicUrl;

    MatchResultRoutes(Services services, String publicUrl) {
        this.services = services;
        this.publicUrl = publicUrl;
    }

    void register(RoutesConfig routes) {
        String iteration = "/api/v1/cycles/{cycle}/iterations/{iteration}";
        routes.post(iteration + "/match-runs/{runId}/release", this::release, Access.OPERATOR);
        routes.get(iteration + "/match-runs/{runId}/results", this::resultsJson, Access.OPERATOR);
        routes.get(iteration + "/match-runs/{runId}/results.csv", this::resultsCsv, Access.OPERATOR);
        routes.get(iteration + "/match-runs/{runId}/results.xlsx", this::resultsXlsx, Access.OPERATOR);
        routes.get(iteration + "/report.csv", this::reportCsv, Access.OPERATOR);
        routes.get(iteration + "/matched.csv", this::matchedCsv, Access.PROGRAM_STAFF, Access.OPERATOR);
        routes.get("/api/v1/cycles/{cycle}/lists/{kind}/outcomes.csv", this::outcomesCsv, Access.PARTNER, Access.OPERATOR);
        routes.get(PLACEMENT_REASONS, this::placementReasons, Access.OPERATOR);
        routes.put(PLACEMENT_REASONS, this::setPlacementReasons, Access.OPERATOR);
    }

    private String cycle(Context ctx) {
        String cycle = ctx.pathParam("cycle");
        if (!services.cycles().exists(cycle)) throw new NotFoundException("cycle", cycle);
        return cycle;
    }

    /** Releases only with {@code {"confirm": "<runId>"}}: the id typed back, as on the page. */
    private void release(Context ctx) {
        MatchRun run = JourneyRoutes.pathRun(services, ctx);
        String text = BodyLimits.text(ctx);
        Map<?, ?> body = text == null || text.isBlank() ? Map.of() : ApiRoutes.jsonObject(ctx);
        Object confirm = body.get("confirm");
        if (confirm == null) {
            throw ApiException.badRequest("confirm",
                    "confirm is required: the id of the run to release (\"" + run.id() + "\"), typed back");
        }
        if (!(confirm instanceof String || confirm instanceof Number)
                || !String.valueOf(confirm).strip().equals(String.valueOf(run.id()))) {
            throw ApiException.badRequest("confirm", "confirm must be the id of the run to release, \"" + run.id() + "\"");
        }
        MatchRun released = services.matchRuns().release(run.cycleId(), run.id(), Authentication.requirePrincipal(ctx).auditName(),
                publicUrl + "/applicant");
        ctx.json(JourneyRoutes.runJson(services, released));
    }

    /** The results as JSON, one object per applicant (the columns of the CSV), narrowed by {@code outcome} and {@code category}. */
    private void resultsJson(Context ctx) {
        MatchRun run = JourneyRoutes.pathRun(services, ctx);
        ResultFilter filter;
        try {
            filter = new ResultFilter(null, ctx.queryParam("outcome"), ctx.queryParam("category"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage().startsWith("outcome") ? "outcome" : "category", e.getMessage());
        }
        List<Map<String, Object>> rows = filter.apply(services.matchRuns().results(run.cycleId(), run.id())).stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("applicantId", r.applicantId());
            row.put("familyName", r.familyName());
            row.put("givenNames", r.givenNames());
            row.put("category", r.category());
            row.put("outcome", r.matched() ? "MATCHED" : "UNMATCHED");
            row.put("streamId", r.streamId());
            row.put("stream", r.streamName());
            row.put("site", r.site());
            row.put("discipline", r.discipline());
            row.put("faculty", r.faculty());
            row.put("province", r.province());
            row.put("rankListLength", r.listLength());
            return row;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runId", run.id());
        body.put("iteration", run.iteration());
        body.put("released", run.released());
        body.put("results", rows);
        ctx.json(body);
    }

    private void resultsCsv(Context ctx) {
        MatchRun run = JourneyRoutes.pathRun(services, ctx);
        csv(ctx, "match-results-" + run.cycleId() + "-" + run.iteration() + "-run-" + run.id() + ".csv",
                MatchTables.results(services.matchRuns().results(run.cycleId(), run.id())));
    }

    private void resultsXlsx(Context ctx) {
        MatchRun run = JourneyRoutes.pathRun(services, ctx);
        MatchTables.Table table = MatchTables.results(services.matchRuns().results(run.cycleId(), run.id()));
        ctx.header("Content-Disposition",
                "attachment; filename=\"match-results-" + run.cycleId() + "-" + run.iteration() + "-run-" + run.id() + ".xlsx\"");
        ctx.contentType(XLSX).result(XlsxExport.document("Run " + run.id(), table.header(), table.rows()));
    }

    private void reportCsv(Context ctx) {
        String cycle = cycle(ctx);
        int iteration = JourneyRoutes.iteration(ctx);
        csv(ctx, "match-report-" + cycle + "-" + iteration + ".csv", MatchTables.report(services.matchRuns().report(cycle, iteration)));
    }

    /** Staff: their own faculty's matched applicants; the operator names the faculty ({@code ?faculty=}). Refused before release. */
    private void matchedCsv(Context ctx) {
        String cycle = cycle(ctx);
        int iteration = JourneyRoutes.iteration(ctx);
        Principal user = Authentication.requirePrincipal(ctx);
        String faculty = user.role() == Role.PROGRAM_STAFF ? user.facultyId() : ctx.queryParam("faculty");
        if (faculty == null || faculty.isBlank())
            throw ApiException.badRequest("faculty", "faculty is required: the faculty whose matched applicants to export");
        var matched = services.matchRuns().facultyMatched(cycle, iteration, faculty.strip())
                .orElseThrow(() -> new org.residencymatch.ConflictException(
                        org.residencymatch.Refusal.of("RESULTS_NOT_RELEASED", "matchDay.refused.notReleased",
                                iteration),
                        "the results of iteration " + iteration + " are not released yet"));
        csv(ctx, "matched-" + cycle + "-" + iteration + ".csv", MatchTables.facultyMatched(matched));
    }

    /** A partner body's own list (the operator's any list): what became of its members; refused before release. */
    private void outcomesCsv(Context ctx) {
        String cycle = cycle(ctx);
        ListKind kind = ListAccess.kind(ctx.pathParam("kind"));
        ListAccess.require(services, Authentication.requirePrincipal(ctx), cycle, kind, "outcomes export");
        csv(ctx, "outcomes-" + kind + "-" + cycle + ".csv", MatchTables.outcomes(services.matchRuns().outcomes(cycle, kind.name())));
    }

    private void placementReasons(Context ctx) {
        ctx.json(settingJson(services.placementReasons().setting(cycle(ctx))));
    }

    /** Turns the policy on or off: {@code {"enabled": true}}; anything but a boolean is a 400 naming {@code enabled}. */
    private void setPlacementReasons(Context ctx) {
        String cycle = cycle(ctx);
        if (!(ApiRoutes.jsonObject(ctx).get("enabled") instanceof Boolean enabled)) {
            throw ApiException.badRequest("enabled",
                    "enabled is required: true to show unmatched applicants why each program did not place them, false not to");
        }
        ctx.json(settingJson(services.placementReasons().set(cycle, enabled, Authentication.requirePrincipal(ctx).auditName())));
    }

    static Map<String, Object> settingJson(PlacementReasonService.Setting setting) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cycle", setting.cycleId());
        json.put("enabled", setting.enabled());
        json.put("changedAt", setting.changedAt());
        json.put("changedBy", setting.changedBy());
        return json;
    }

    private static void csv(Context ctx, String filename, MatchTables.Table table) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        ctx.contentType("text/csv; charset=utf-8").result(CsvExport.document(CsvExport.COMMA, table.header(), table.rows()));
    }
}
