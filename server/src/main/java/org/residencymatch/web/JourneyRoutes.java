package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.residencymatch.NotFoundException;
import org.residencymatch.Services;
import org.residencymatch.account.Principal;
import org.residencymatch.account.Role;
import org.residencymatch.application.Application;
import org.residencymatch.application.Couple;
import org.residencymatch.application.RankList;
import org.residencymatch.application.RankListService;
import org.residencymatch.application.RankLists;
import org.residencymatch.matching.MatchRun;
import org.residencymatch.program.ProgramStream;

/**
 * {@code /api/v1/cycles/{cycle}/iterations/{iteration}/...}: applications, rank order lists, couples,
 * match runs and results. Applicants act on their own file, program staff on their faculty's
 * streams, the operator on everything; results are visible only once released.
 */
final class JourneyRoutes {

    private final Services services;

    JourneyRoutes(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        String iteration = "/api/v1/cycles/{cycle}/iterations/{iteration}";
        String applicant = iteration + "/applicants/{applicantId}";
        routes.get(applicant + "/applications", this::applications, Access.APPLICANT, Access.OPERATOR);
        routes.post(applicant + "/applications", this::apply, Access.APPLICANT, Access.OPERATOR);
        routes.delete(applicant + "/applications/{streamId}", this::withdraw, Access.APPLICANT, Access.OPERATOR);
        routes.get(applicant + "/rank-list", this::applicantRankList, Access.APPLICANT, Access.OPERATOR);
        routes.put(applicant + "/rank-list", this::saveApplicantRankList, Access.APPLICANT, Access.OPERATOR);
        routes.get(applicant + "/couples", this::couplesOf, Access.APPLICANT, Access.OPERATOR);
        routes.post(applicant + "/couples", this::proposeCouple, Access.APPLICANT);
        routes.post(applicant + "/couples/{coupleId}/accept", this::acceptCouple, Access.APPLICANT);
        routes.post(applicant + "/couples/{coupleId}/dissolve", this::dissolveCouple, Access.APPLICANT);
        routes.put(applicant + "/couples/{coupleId}/rank-list", this::saveCoupleRankList, Access.APPLICANT);
        routes.get(applicant + "/result", this::result, Access.APPLICANT, Access.OPERATOR);
        String stream = iteration + "/streams/{streamId}";
        routes.get(stream + "/applicants", this::streamApplicants, Access.PROGRAM_STAFF, Access.OPERATOR);
        routes.get(stream + "/rank-list", this::streamRankList, Access.PROGRAM_STAFF, Access.OPERATOR);
        routes.put(stream + "/rank-list", this::saveStreamRankList, Access.PROGRAM_STAFF, Access.OPERATOR);
        routes.get(stream + "/matched", this::matched, Access.PROGRAM_STAFF, Access.OPERATOR);
        routes.post(iteration + "/match-runs", this::runMatch, Access.OPERATOR);
        routes.get(iteration + "/match-runs", this::runs, Access.OPERATOR);
        routes.get(iteration + "/match-runs/{runId}", this::run, Access.OPERATOR);
    }

    /** The cycle of the path; an unknown cycle is a 404, not an empty answer. */
    private String cycle(Context ctx) {
        String cycle = ctx.pathParam("cycle");
        if (!services.cycles().exists(cycle)) throw new NotFoundException("cycle", cycle);
        return cycle;
    }

    /** The run of the path, if it belongs to the path's iteration. */
    private MatchRun pathRun(Context ctx) {
        return pathRun(services, ctx);
    }

    static MatchRun pathRun(Services services, Context ctx) {
        String cycle = ctx.pathParam("cycle");
        if (!services.cycles().exists(cycle)) throw new NotFoundException("cycle", cycle);
        MatchRun run = services.matchRuns().find(cycle, ApiRoutes.longPathParam(ctx, "runId"));
        if (run.iteration() != iteration(ctx)) throw new NotFoundException("match run", ctx.pathParam("runId"));
        return run;
    }

    static int iteration(Context ctx) {
        int iteration = ApiRoutes.intPathParam(ctx, "iteration");
        if (iteration != 1 && iteration != 2) throw ApiException.badRequest("iteration", "iteration must be 1 or 2");
        return iteration;
    }

    /** The stream of the path, if the caller may act for it: the operator, or staff of its faculty. */
    private String ownStream(Context ctx) {
        String streamId = ctx.pathParam("streamId");
        String cycle = cycle(ctx);
        ProgramStream stream = services.quotas().stream(cycle, streamId)
                .orElseThrow(() -> new NotFoundException("program stream", streamId));
        Principal user = Authentication.requirePrincipal(ctx);
        if (user.role() == Role.PROGRAM_STAFF && !stream.facultyId().equals(user.facultyId()))
            throw new NotFoundException("program stream", streamId);
        return streamId;
    }

    private void applications(Context ctx) {
        String applicantId = ApiRoutes.readableApplicant(ctx);
        ctx.json(Map.of("applications", services.applications().applicationsOf(cycle(ctx), iteration(ctx), applicantId).stream()
                .map(JourneyRoutes::application).toList()));
    }

    private void apply(Context ctx) {
        String applicantId = ApiRoutes.readableApplicant(ctx);
        String streamId = text(ApiRoutes.jsonObject(ctx), "streamId");
        services.applications().apply(cycle(ctx), iteration(ctx), applicantId, streamId, Authentication.requirePrincipal(ctx).auditName());
        ctx.status(201);
        applications(ctx);
    }

    private void withdraw(Context ctx) {
        String applicantId = ApiRoutes.readableApplicant(ctx);
        services.applications().withdraw(cycle(ctx), iteration(ctx), applicantId, ctx.pathParam("streamId"),
                Authentication.requirePrincipal(ctx).auditName());
        applications(ctx);
    }

    private void applicantRankList(Context ctx) {
        String applicantId = ApiRoutes.readableApplicant(ctx);
        ctx.json(rankLists(cycle(ctx), iteration(ctx),
                services.rankLists().lists(cycle(ctx), iteration(ctx), RankListService.APPLICANT, applicantId)));
    }

    private void saveApplicantRankList(Context ctx) {
        String applicantId = ApiRoutes.readableApplicant(ctx);
        Map<?, ?> body = ApiRoutes.jsonObject(ctx);
        try {
            services.rankLists().saveApplicantList(cycle(ctx), iteration(ctx), applicantId, strings(body, "streams"), submit(body),
                    Authentication.requirePrincipal(ctx).auditName());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("streams", e.getMessage());
        }
        applicantRankList(ctx);
    }

    private void couplesOf(Context ctx) {
        String applicantId = ApiRoutes.readableApplicant(ctx);
        ctx.json(Map.of("couples",
                services.couples().couplesOf(cycle(ctx), iteration(ctx), applicantId).stream().map(JourneyRoutes::couple).toList()));
    }

    private void proposeCouple(Context ctx) {
        String applicantId = ApiRoutes.readableApplicant(ctx);
        try {
            Couple couple = services.couples().propose(cycle(ctx), iteration(ctx), applicantId,
                    text(ApiRoutes.jsonObject(ctx), "partnerApplicantId"));
            ctx.status(201).json(couple(couple));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("partnerApplicantId", e.getMessage());
        }
    }

    private Couple ownCouple(Context ctx, String applicantId) {
        Couple couple = services.couples().find(cycle(ctx), ApiRoutes.longPathParam(ctx, "coupleId"));
        if (!couple.includes(applicantId) || couple.iteration() != iteration(ctx))
            throw new NotFoundException("couple", ctx.pathParam("coupleId"));
        return couple;
    }

    private void acceptCouple(Context ctx) {
        String applicantId = ApiRoutes.readableApplicant(ctx);
        ctx.json(couple(services.couples().accept(cycle(ctx), ownCouple(ctx, applicantId).id(), applicantId)));
    }

    private void dissolveCouple(Context ctx) {
        String applicantId = ApiRoutes.readableApplicant(ctx);
        ctx.json(couple(services.couples().dissolve(cycle(ctx), ownCouple(ctx, applicantId).id(), applicantId)));
    }

    private void saveCoupleRankList(Context ctx) {
        String applicantId = ApiRoutes.readableApplicant(ctx);
        Couple couple = ownCouple(ctx, applicantId);
        Map<?, ?> body = ApiRoutes.jsonObject(ctx);
        if (!(body.get("pairs") instanceof List<?> raw))
            throw ApiException.badRequest("pairs", "pairs must be a list of [stream, stream] pairs");
        List<List<String>> pairs = new ArrayList<>();
        for (Object pair : raw) {
            if (!(pair instanceof List<?> sides) || sides.stream().anyMatch(s -> s != null && !(s instanceof String))) {
                throw ApiException.badRequest("pairs", "each pair is a list of two stream ids, null meaning no match");
            }
            pairs.add(sides.stream().map(s -> (String) s).collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
        }
        try {
            var user = Authentication.requirePrincipal(ctx);
            // The other partner is told, as from the pages (the email's link is the page's path: this route knows no public URL).
            services.rankLists().saveCoupleList(cycle(ctx), iteration(ctx), couple.id(), pairs, submit(body), user.auditName(),
                    user.applicantId(), null);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("pairs", e.getMessage());
        }
        ctx.json(rankLists(cycle(ctx), iteration(ctx),
                services.rankLists().lists(cycle(ctx), iteration(ctx), RankListService.COUPLE, String.valueOf(couple.id()))));
    }

    private void result(Context ctx) {
        String applicantId = ApiRoutes.readableApplicant(ctx);
        var result = services.matchRuns().resultOf(cycle(ctx), iteration(ctx), applicantId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("released", result.isPresent());
        body.put("matched", result.map(r -> r.isPresent()).orElse(null));
        body.put("streamId", result.flatMap(r -> r).orElse(null));
        // Only when the cycle's policy is on and the released run left the applicant unmatched.
        body.put("placementReasons", services.placementReasons().reasons(cycle(ctx), iteration(ctx), applicantId)
                .map(reasons -> reasons.stream().map(r -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("streamId", r.streamId());
                    json.put("partnerStreamId", r.partnerStreamId());
                    json.put("couple", r.couple());
                    json.put("reason", r.reason().name());
                    return json;
                }).toList()).orElse(null));
        ctx.json(body);
    }

    private void streamApplicants(Context ctx) {
        String streamId = ownStream(ctx);
        ctx.json(Map.of("streamId", streamId, "applicants", services.applications().applicantsOf(cycle(ctx), iteration(ctx), streamId)));
    }

    private void streamRankList(Context ctx) {
        ctx.json(rankLists(cycle(ctx), iteration(ctx),
                services.rankLists().lists(cycle(ctx), iteration(ctx), RankListService.STREAM, ownStream(ctx))));
    }

    private void saveStreamRankList(Context ctx) {
        String streamId = ownStream(ctx);
        Map<?, ?> body = ApiRoutes.jsonObject(ctx);
        try {
            services.rankLists().saveStreamList(cycle(ctx), iteration(ctx), streamId, strings(body, "applicants"), submit(body),
                    Authentication.requirePrincipal(ctx).auditName());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("applicants", e.getMessage());
        }
        streamRankList(ctx);
    }

    private void matched(Context ctx) {
        String streamId = ownStream(ctx);
        var matched = services.matchRuns().matchedTo(cycle(ctx), iteration(ctx), streamId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("released", matched.isPresent());
        body.put("applicants", matched.orElse(List.of()));
        ctx.json(body);
    }

    private void runMatch(Context ctx) {
        Map<?, ?> body = ApiRoutes.jsonObject(ctx);
        Object seed = body.get("seed");
        if (seed != null && !(seed instanceof Number)) throw ApiException.badRequest("seed", "seed must be a whole number");
        MatchRun run = services.matchRuns().run(cycle(ctx), iteration(ctx), seed == null ? 1L : ((Number) seed).longValue(),
                Authentication.requirePrincipal(ctx).auditName());
        ctx.status(201).json(run(run));
    }

    private void runs(Context ctx) {
        ctx.json(Map.of("runs", services.matchRuns().runs(cycle(ctx), iteration(ctx)).stream().map(this::run).toList()));
    }

    private void run(Context ctx) {
        ctx.json(run(pathRun(ctx)));
    }

    private Map<String, Object> run(MatchRun r) {
        return runJson(services, r);
    }

    /** A run as the API answers it, with its statistics. */
    static Map<String, Object> runJson(Services services, MatchRun r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("cycle", r.cycleId());
        json.put("iteration", r.iteration());
        json.put("seed", r.seed());
        json.put("runAt", r.runAt());
        json.put("runBy", r.runBy());
        json.put("stable", r.stable());
        json.put("applicants", r.applicants());
        json.put("matched", r.matched());
        json.put("positions", r.positions());
        json.put("filled", r.filled());
        json.put("blocking", r.blocking());
        json.put("strategy", r.strategy());
        json.put("attempts", r.attempts());
        json.put("releasedAt", r.releasedAt());
        json.put("statistics", services.matchRuns().statistics(r.cycleId(), r.id()));
        return json;
    }

    private static Map<String, Object> application(Application a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("streamId", a.streamId());
        json.put("status", a.status());
        json.put("appliedAt", a.appliedAt());
        json.put("flag", a.flagCode());
        return json;
    }

    private static Map<String, Object> couple(Couple c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("iteration", c.iteration());
        json.put("first", c.first());
        json.put("second", c.second());
        json.put("status", c.status());
        json.put("proposedAt", c.proposedAt());
        return json;
    }

    private static Map<String, Object> rankLists(String cycle, int iteration, RankLists lists) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("latest", lists.latest().map(l -> rankList(cycle, iteration, l)).orElse(null));
        json.put("inForce", lists.inForce().map(l -> rankList(cycle, iteration, l)).orElse(null));
        json.put("unsubmittedChanges", lists.unsubmittedChanges());
        return json;
    }

    private static Map<String, Object> rankList(String cycle, int iteration, RankList l) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", l.version());
        json.put("status", l.status());
        json.put("savedAt", l.savedAt());
        json.put("savedBy", l.savedBy());
        json.put("receiptCode", l.submitted()
                ? org.residencymatch.application.RankListReceipt
                        .shown(org.residencymatch.application.RankListReceipt.code(cycle, iteration, l))
                : null);
        // One shape for every kind of list: {item, second}; second is set only in a couple's list.
        json.put("entries", l.entries().stream().map(e -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("item", e.item());
            entry.put("second", e.second());
            return entry;
        }).toList());
        return json;
    }

    private static String text(Map<?, ?> body, String field) {
        if (!(body.get(field) instanceof String value) || value.isBlank()) throw ApiException.badRequest(field, field + " is required");
        return value;
    }

    private static boolean submit(Map<?, ?> body) {
        Object submit = body.get("submit");
        if (submit != null && !(submit instanceof Boolean)) throw ApiException.badRequest("submit", "submit must be true or false");
        return Boolean.TRUE.equals(submit);
    }

    private static List<String> strings(Map<?, ?> body, String field) {
        if (!(body.get(field) instanceof List<?> items) || items.stream().anyMatch(i -> !(i instanceof String))) {
            throw ApiException.badRequest(field, field + " must be a list of ids");
        }
        return items.stream().map(i -> (String) i).toList();
    }
}
