package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.residencymatch.NotFoundException;
import org.residencymatch.Services;
import org.residencymatch.account.Accounts;
import org.residencymatch.account.Principal;
import org.residencymatch.help.HelpCase;
import org.residencymatch.help.HelpCaseStatus;
import org.residencymatch.help.HelpService;

/**
 * Help cases in the pages: the applicant asks from a "Why can't I apply?" explanation and follows
 * their cases; the operator reads what the applicant saw, answers and closes.
 */
final class HelpPages {

    private final Services services;
    private final PageRenderer pages;

    private final Accounts accounts;

    HelpPages(Services services, PageRenderer pages, Accounts accounts) {
        this.services = services;
        this.pages = pages;
        this.accounts = accounts;
    }

    /** Who wrote the answers and closed the cases, by name, not by account id ("user:32"). */
    private Map<String, String> signatures(List<HelpCase> cases) {
        List<String> authors = new java.util.ArrayList<>();
        for (HelpCase c : cases) {
            c.answers().forEach(a -> authors.add(a.author()));
            if (c.closedBy() != null) authors.add(c.closedBy());
        }
        return accounts.displayNames(authors);
    }

    void register(RoutesConfig routes) {
        routes.get("/applicant/help", this::applicantCases, Access.APPLICANT);
        routes.post("/applicant/help", this::ask, Access.APPLICANT);
        routes.get("/operator/help", this::operatorCases, Access.OPERATOR, Access.HELP_DESK);
        routes.get("/operator/help/{caseId}", this::operatorCase, Access.OPERATOR, Access.HELP_DESK);
        routes.post("/operator/help/{caseId}/answer", this::answer, Access.OPERATOR, Access.HELP_DESK);
        routes.post("/operator/help/{caseId}/close", this::close, Access.OPERATOR, Access.HELP_DESK);
    }

    private String cycle() {
        return CurrentCycle.id(services);
    }

    private void ask(Context ctx) {
        Principal user = Authentication.requirePrincipal(ctx);
        String streamId = ctx.formParam("streamId");
        if (streamId == null || streamId.isBlank()) throw ApiException.badRequest("streamId", "choose a program stream");
        String message = optionalText(ctx.formParam("message"), "message", HelpService.MAX_MESSAGE);
        HelpCase opened = services.help().open(cycle(), user.applicantId(), ApiRoutes.iterationFromForm(ctx), streamId.strip(), message,
                user.auditName());
        ctx.redirect("/applicant/help#help-case-" + opened.id());
    }

    private void applicantCases(Context ctx) {
        Principal user = Authentication.requirePrincipal(ctx);
        List<HelpCase> cases = services.help().casesOf(cycle(), user.applicantId());
        pages.render(ctx, "applicant/help.jte", "helpCase.title", Map.of("cases", cases, "signatures", signatures(cases)));
    }

    private void operatorCases(Context ctx) {
        String status = ctx.queryParam("status") == null || ctx.queryParam("status").isBlank() ? "OPEN" : ctx.queryParam("status").trim();
        HelpCaseStatus filter = "ALL".equalsIgnoreCase(status) ? null : ApiRoutes.enumValue("status", status, HelpCaseStatus.class);
        List<HelpCase> cases = services.help().cases(cycle(), filter);
        pages.render(ctx, "operator/help-cases.jte", "helpCase.operatorTitle", Map.of(
                "status", filter == null ? "ALL" : filter.name(),
                "statuses", List.of("OPEN", "ANSWERED", "CLOSED", "ALL"),
                "cases", cases,
                "names", services.directory().names(cases.stream().map(HelpCase::applicantId).toList())));
    }

    private void operatorCase(Context ctx) {
        String cycle = cycle();
        long caseId = ApiRoutes.longPathParam(ctx, "caseId");
        HelpCase help = services.help().find(cycle, caseId).orElseThrow(() -> new NotFoundException("help case", String.valueOf(caseId)));
        pages.render(ctx, "operator/help-case.jte", "helpCase.operatorTitle", Map.of(
                "help", help,
                "names", services.directory().names(List.of(help.applicantId())),
                "signatures", signatures(List.of(help)),
                // What the operator already knows about this applicant's file: reconciliation cases show profile/list contradictions.
                "reconciliation", services.reconciliation().casesOf(cycle, help.applicantId())));
    }

    private void answer(Context ctx) {
        long caseId = ApiRoutes.longPathParam(ctx, "caseId");
        String body = optionalText(ctx.formParam("body"), "body", HelpService.MAX_ANSWER);
        if (body == null) throw ApiException.badRequest("body", "body is required");
        services.help().answer(cycle(), caseId, Authentication.requirePrincipal(ctx).auditName(), body);
        ctx.redirect("/operator/help/" + caseId);
    }

    private void close(Context ctx) {
        long caseId = ApiRoutes.longPathParam(ctx, "caseId");
        services.help().close(cycle(), caseId, Authentication.requirePrincipal(ctx).auditName());
        ctx.redirect("/operator/help/" + caseId);
    }

    /** A free text that may be left blank (null then), refused when longer than {@code max}. */
    static String optionalText(String value, String field, int max) {
        if (value == null || value.isBlank()) return null;
        String text = value.strip();
        if (text.length() > max) throw ApiException.badRequest(field, field + " is longer than " + max + " characters");
        return text;
    }
}
