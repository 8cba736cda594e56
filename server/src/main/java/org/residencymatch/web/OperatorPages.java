package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.residencymatch.Services;
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
        services.reconciliation().comment(cycle(), ApiRoutes.longPathParam(ctx, "caseId"), Authentication.requirePrincipal(ctx).auditName(),
                body);
        ctx.redirect("/operator/cases#case-" + ApiRoutes.longPathParam(ctx, "caseId"));
    }

    private void resolve(Context ctx) {
        String resolution = requiredText(ctx, "resolution");
        services.reconciliation().resolve(cycle(), ApiRoutes.longPathParam(ctx, "caseId"), Authentication.requirePrincipal(ctx).auditName(),
                resolution);
        ctx.redirect("/operator/cases");
    }

    private static String requiredText(Context ctx, String field) {
        String value = ctx.formParam(field);
        if (value == null || value.isBlank()) throw ApiException.badRequest(field, field + " is required");
        if (value.length() > 2000) throw ApiException.badRequest(field, field + " is longer than 2000 characters");
        return value.strip();
    }
}
