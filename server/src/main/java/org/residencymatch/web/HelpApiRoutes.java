package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.residencymatch.NotFoundException;
import org.residencymatch.Services;
import org.residencymatch.account.Principal;
import org.residencymatch.help.HelpCase;
import org.residencymatch.help.HelpCaseStatus;
import org.residencymatch.help.HelpService;

/**
 * {@code /api/v1} for help cases, shaped like the reconciliation cases' routes: the operator lists,
 * answers and closes; an applicant opens and reads only their own (another's answers 404, revealing
 * nothing).
 */
final class HelpApiRoutes {

    private final Services services;

    HelpApiRoutes(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        String applicant = "/api/v1/cycles/{cycle}/applicants/{applicantId}/help-cases";
        routes.get(applicant, this::applicantCases, Access.APPLICANT, Access.OPERATOR, Access.HELP_DESK);
        routes.post(applicant, this::open, Access.APPLICANT);
        routes.get("/api/v1/cycles/{cycle}/help-cases", this::cases, Access.OPERATOR, Access.HELP_DESK);
        routes.get("/api/v1/cycles/{cycle}/help-cases/{helpCaseId}", this::one, Access.APPLICANT, Access.OPERATOR, Access.HELP_DESK);
        routes.post("/api/v1/cycles/{cycle}/help-cases/{helpCaseId}/answers", this::answer, Access.OPERATOR, Access.HELP_DESK);
        routes.post("/api/v1/cycles/{cycle}/help-cases/{helpCaseId}/closure", this::close, Access.OPERATOR, Access.HELP_DESK);
    }

    private String requireCycle(Context ctx) {
        return ApiRoutes.requireCycle(services, ctx);
    }

    private void applicantCases(Context ctx) {
        String cycle = requireCycle(ctx);
        String applicantId = ApiRoutes.readableApplicant(ctx);
        ctx.json(list(cycle, services.help().casesOf(cycle, applicantId)));
    }

    private void open(Context ctx) {
        String cycle = requireCycle(ctx);
        String applicantId = ApiRoutes.readableApplicant(ctx);
        Map<?, ?> body = ApiRoutes.jsonObject(ctx);
        if (!(body.get("streamId") instanceof String streamId) || streamId.isBlank())
            throw ApiException.badRequest("streamId", "streamId is required");
        Object iteration = body.get("iteration");
        if (iteration != null && !(iteration instanceof Integer i && (i == 1 || i == 2)))
            throw ApiException.badRequest("iteration", "iteration must be 1 or 2");
        Object message = body.get("message");
        if (message != null && !(message instanceof String)) throw ApiException.badRequest("message", "message must be a string");
        String text = HelpPages.optionalText((String) message, "message", HelpService.MAX_MESSAGE);
        HelpCase opened = services.help().open(cycle, applicantId, iteration == null ? 1 : (Integer) iteration, streamId.strip(), text,
                Authentication.requirePrincipal(ctx).auditName());
        ctx.status(201).json(json(opened));
    }

    private void cases(Context ctx) {
        String cycle = requireCycle(ctx);
        String status = ctx.queryParam("status");
        HelpCaseStatus filter = status == null
                ? HelpCaseStatus.OPEN
                : "ALL".equalsIgnoreCase(status) ? null : ApiRoutes.enumValue("status", status, HelpCaseStatus.class);
        ctx.json(list(cycle, services.help().cases(cycle, filter)));
    }

    private void one(Context ctx) {
        ctx.json(json(readable(ctx, requireCycle(ctx))));
    }

    private void answer(Context ctx) {
        String cycle = requireCycle(ctx);
        Object body = ApiRoutes.jsonObject(ctx).get("body");
        String text = body instanceof String s ? HelpPages.optionalText(s, "body", HelpService.MAX_ANSWER) : null;
        if (text == null) throw ApiException.badRequest("body", "body is required");
        ctx.status(201).json(json(services.help().answer(cycle, ApiRoutes.longPathParam(ctx, "helpCaseId"),
                Authentication.requirePrincipal(ctx).auditName(), text)));
    }

    private void close(Context ctx) {
        String cycle = requireCycle(ctx);
        ctx.json(json(services.help().close(cycle, ApiRoutes.longPathParam(ctx, "helpCaseId"),
                Authentication.requirePrincipal(ctx).auditName())));
    }

    /** The case, if the caller may read it: the operator any, an applicant their own; otherwise a 404 that reveals nothing. */
    private HelpCase readable(Context ctx, String cycle) {
        long id = ApiRoutes.longPathParam(ctx, "helpCaseId");
        Principal user = Authentication.requirePrincipal(ctx);
        return services.help().find(cycle, id).filter(c -> user.mayReadApplicant(c.applicantId()))
                .orElseThrow(() -> new NotFoundException("help case", String.valueOf(id)));
    }

    private static Map<String, Object> list(String cycle, List<HelpCase> cases) {
        return Map.of("cycle", cycle, "cases", cases.stream().map(HelpApiRoutes::json).toList());
    }

    static Map<String, Object> json(HelpCase c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("cycle", c.cycleId());
        json.put("applicantId", c.applicantId());
        json.put("iteration", c.iteration());
        json.put("streamId", c.streamId());
        json.put("streamLabel", c.streamLabel());
        json.put("decision", c.decision().name());
        json.put("reasons", c.reasons().stream().map(ApiJson.Reason::of).toList());
        json.put("message", c.message());
        json.put("status", c.status().name());
        json.put("openedAt", c.openedAt());
        json.put("closedAt", c.closedAt());
        json.put("closedBy", c.closedBy());
        json.put("answers", c.answers().stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("author", a.author());
            m.put("writtenAt", a.writtenAt());
            m.put("body", a.body());
            return m;
        }).toList());
        return json;
    }
}
