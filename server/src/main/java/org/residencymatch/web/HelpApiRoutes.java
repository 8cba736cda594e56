package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.residencymatch.NotFoundException;
import org.residencymatch.Services;
import org.residencymatch.account.Principal;
import org.residencymatch.help.HelpCase;
import org.residencymatch.help.HelpCaseStatus;

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
        ctx.json(HelpApiJson.HelpCaseList.of(cycle, services.help().casesOf(cycle, applicantId)));
    }

    private void open(Context ctx) {
        String cycle = requireCycle(ctx);
        String applicantId = ApiRoutes.readableApplicant(ctx);
        var request = ApiRequests.read(ctx, HelpApiJson.HelpRequest.class);
        HelpCase opened = services.help().open(cycle, applicantId, request.iteration(), request.streamId(), request.message(),
                Authentication.requirePrincipal(ctx).auditName());
        ctx.status(201).json(HelpApiJson.HelpCase.of(opened));
    }

    private void cases(Context ctx) {
        String cycle = requireCycle(ctx);
        String status = ctx.queryParam("status");
        HelpCaseStatus filter = status == null
                ? HelpCaseStatus.OPEN
                : "ALL".equalsIgnoreCase(status) ? null : ApiRoutes.enumValue("status", status, HelpCaseStatus.class);
        ctx.json(HelpApiJson.HelpCaseList.of(cycle, services.help().cases(cycle, filter)));
    }

    private void one(Context ctx) {
        ctx.json(HelpApiJson.HelpCase.of(readable(ctx, requireCycle(ctx))));
    }

    private void answer(Context ctx) {
        String cycle = requireCycle(ctx);
        String text = ApiRequests.read(ctx, HelpApiJson.HelpAnswer.class).body();
        ctx.status(201).json(HelpApiJson.HelpCase.of(services.help().answer(cycle, ApiRoutes.longPathParam(ctx, "helpCaseId"),
                Authentication.requirePrincipal(ctx).auditName(), text)));
    }

    private void close(Context ctx) {
        String cycle = requireCycle(ctx);
        ctx.json(HelpApiJson.HelpCase.of(services.help().close(cycle, ApiRoutes.longPathParam(ctx, "helpCaseId"),
                Authentication.requirePrincipal(ctx).auditName())));
    }

    /** The case, if the caller may read it: the operator any, an applicant their own; otherwise a 404 that reveals nothing. */
    private HelpCase readable(Context ctx, String cycle) {
        long id = ApiRoutes.longPathParam(ctx, "helpCaseId");
        Principal user = Authentication.requirePrincipal(ctx);
        return services.help().find(cycle, id).filter(c -> user.mayReadApplicant(c.applicantId()))
                .orElseThrow(() -> new NotFoundException("help case", String.valueOf(id)));
    }
}
