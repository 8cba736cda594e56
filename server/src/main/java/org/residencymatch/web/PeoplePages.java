package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.residencymatch.NotFoundException;
import org.residencymatch.Services;
import org.residencymatch.applicant.ApplicantDirectory;

/**
 * Finding a person: the operator's applicant search (name with or without accents, applicant id,
 * email, MINC) and the applicant page, which gathers everything about one applicant in the cycle.
 * The operator is the service's help desk: help requests come to the operator's pages too.
 */
final class PeoplePages {

    static final int PAGE_SIZE = 25;
    /** A search longer than this is no name, id, email or MINC. */
    static final int MAX_QUERY = 200;

    private final Services services;
    private final PageRenderer pages;
    private final org.residencymatch.account.Accounts accounts;

    PeoplePages(Services services, PageRenderer pages, org.residencymatch.account.Accounts accounts) {
        this.services = services;
        this.pages = pages;
        this.accounts = accounts;
    }

    void register(RoutesConfig routes) {
        routes.get("/operator/applicants", this::search, Access.OPERATOR, Access.HELP_DESK);
        routes.get("/operator/applicants/{applicantId}", this::file, Access.OPERATOR, Access.HELP_DESK);
    }

    /** The address of an applicant's page, for links from every page that shows an applicant. */
    static String path(String applicantId) {
        return "/operator/applicants/" + applicantId;
    }

    private void search(Context ctx) {
        String q = query(ctx);
        int page = ApiRoutes.intParam(ctx, "page", 1, 1, ApiRoutes.MAX_PAGE);
        ApplicantDirectory.Results results = services.directory().search(CurrentCycle.id(services), q, (page - 1) * PAGE_SIZE, PAGE_SIZE);
        Map<String, Object> model = new HashMap<>();
        model.put("q", q);
        model.put("pageNumber", page);
        model.put("results", results);
        model.put("encoded", java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
        pages.render(ctx, "operator/applicants.jte", "people.title", model);
    }

    private void file(Context ctx) {
        String applicantId = ctx.pathParam("applicantId");
        if (!ProfileRequest.APPLICANT_ID.matcher(applicantId).matches()) throw new NotFoundException("applicant", applicantId);
        ApplicantFileView file = ApplicantFileView.of(services, accounts, CurrentCycle.id(services), applicantId);
        pages.render(ctx, "operator/applicant.jte", "people.file.title", Map.of("file", file));
    }

    /** The search as typed, refused when it is too long to be anything one looks for. */
    static String query(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null) return "";
        if (q.length() > MAX_QUERY) throw ApiException.badRequest("q", "a search is at most " + MAX_QUERY + " characters");
        return q.strip();
    }
}
