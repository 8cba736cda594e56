package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.residencymatch.applicant.ApplicantDirectory;
import org.residencymatch.Services;

/** {@code /api/v1}: the operator's applicant search and the check of a rank order list's receipt code. */
final class PeopleApiRoutes {

    private final Services services;

    PeopleApiRoutes(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/cycles/{cycle}/applicants", this::search, Access.OPERATOR, Access.HELP_DESK);
        routes.get("/api/v1/cycles/{cycle}/iterations/{iteration}/rank-list-receipts/{code}", this::checkReceipt, Access.OPERATOR);
    }

    private void search(Context ctx) {
        String cycle = ApiRoutes.requireCycle(services, ctx);
        String q = PeoplePages.query(ctx);
        if (q.isEmpty()) throw ApiException.badRequest("q", "q is required: a name, an applicant id, an email or a MINC");
        int offset = ApiRoutes.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE - ApplicantDirectory.MAX_LIMIT);
        int limit = ApiRoutes.intParam(ctx, "limit", 25, 1, ApplicantDirectory.MAX_LIMIT);
        ApplicantDirectory.Results results = services.directory().search(cycle, q, offset, limit);
        ctx.json(PeopleApiJson.ApplicantSearchResults.of(results));
    }

    private void checkReceipt(Context ctx) {
        String cycle = ApiRoutes.requireCycle(services, ctx);
        int iteration = pathIteration(ctx);
        ReceiptPages.Check check = ReceiptPages.check(services, cycle, iteration, String.valueOf(ctx.queryParam("ownerKind")),
                String.valueOf(ctx.queryParam("ownerId")).strip(), ctx.pathParam("code"));
        ctx.json(PeopleApiJson.ReceiptCheck.of(check));
    }

    private static int pathIteration(Context ctx) {
        int iteration = ApiRoutes.intPathParam(ctx, "iteration");
        if (iteration != 1 && iteration != 2) throw ApiException.badRequest("iteration", "iteration must be 1 or 2");
        return iteration;
    }
}
