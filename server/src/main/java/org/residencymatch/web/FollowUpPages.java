package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.residencymatch.Services;
import org.residencymatch.account.Principal;
import org.residencymatch.cap.BcCapRegistrationPolicy;
import org.residencymatch.cap.ClinicalAssessmentService;
import org.residencymatch.cycle.Cycle;

/** The follow-ups of the match: AIMG CAP invitations (operator, invitees) and BC-CAP registration (applicants, operator). */
final class FollowUpPages {

    private final Services services;
    private final PageRenderer pages;

    FollowUpPages(Services services, PageRenderer pages) {
        this.services = services;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/operator/cap", this::pool, Access.OPERATOR);
        routes.post("/operator/cap/invite", this::invite, Access.OPERATOR);
        routes.get("/operator/bc-cap.csv", this::bcCapExport, Access.OPERATOR);
        routes.get("/applicant/follow-ups", this::applicantFollowUps, Access.APPLICANT);
        routes.post("/applicant/cap/answer", this::answer, Access.APPLICANT);
        routes.post("/applicant/bc-cap", this::registerBcCap, Access.APPLICANT);
    }

    private Cycle cycle() {
        return CurrentCycle.of(services);
    }

    private void pool(Context ctx) {
        renderPool(ctx, CapInviteForm.EMPTY);
    }

    private void renderPool(Context ctx, CapInviteForm form) {
        Cycle cycle = cycle();
        var pool = services.clinicalAssessment().pool(cycle.id());
        pages.render(ctx, "operator/cap.jte", "cap.title", Map.of("cycle", cycle.id(), "pool", pool,
                "names", services.directory().names(pool.stream().map(ClinicalAssessmentService.PoolEntry::applicantId).toList()),
                "limit", ClinicalAssessmentService.DEFAULT_INVITATION_LIMIT,
                "registrations", services.clinicalAssessment().bcCapRegistrations(cycle.id()).size(), "form", form));
    }

    /** Invites the chosen applicants; anything wrong is shown in the form, in place, with what was typed kept (400, or 409 for a refusal). */
    private void invite(Context ctx) {
        Cycle cycle = cycle();
        List<String> chosen = ctx.formParams("applicantId");
        String typedDeadline = typed(ctx, "respondBy"), typedLimit = typed(ctx, "limit");
        Messages m = pages.page(ctx, "cap.title").m();
        CapInviteForm form = new CapInviteForm(chosen, typedDeadline.length() > 20 ? "" : typedDeadline,
                typedLimit.length() > 9 ? "" : typedLimit, null, null);
        if (chosen.isEmpty()) {
            invalid(ctx, form, "applicantId", m.t("cap.error.nobody"));
            return;
        }
        LocalDateTime respondBy;
        try {
            // Typed in the cycle's zone, as every page shows times (and the calendar takes them); stored in UTC.
            respondBy = LocalDateTime.parse(typedDeadline).atZone(cycle.timeZone())
                    .withZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime();
        } catch (DateTimeParseException e) {
            invalid(ctx, form, "respondBy", m.t("cap.error.respondBy"));
            return;
        }
        int limit;
        try {
            limit = Integer.parseInt(typedLimit);
        } catch (NumberFormatException e) {
            invalid(ctx, form, "limit", m.t("cap.error.limit"));
            return;
        }
        try {
            services.clinicalAssessment().invite(cycle.id(), chosen, respondBy, limit, Authentication.requirePrincipal(ctx).auditName());
        } catch (ClinicalAssessmentService.InvalidInvitationException e) {
            boolean deadline = e.field().equals("respondBy");
            invalid(ctx, form, deadline ? "respondBy" : "applicantId", m.t(deadline ? "cap.error.respondByPast" : "cap.error.notInPool"));
            return;
        } catch (org.residencymatch.ConflictException e) {
            ctx.status(409);
            renderPool(ctx, new CapInviteForm(form.chosen(), form.respondBy(), form.limit(), null, Refusals.message(m, e.refusal())));
            return;
        }
        ctx.redirect("/operator/cap");
    }

    private static String typed(Context ctx, String field) {
        String value = ctx.formParam(field);
        return value == null ? "" : value.strip();
    }

    private void invalid(Context ctx, CapInviteForm typed, String field, String error) {
        ctx.status(400);
        renderPool(ctx, new CapInviteForm(typed.chosen(), typed.respondBy(), typed.limit(), field, error));
    }

    private void bcCapExport(Context ctx) {
        Cycle cycle = cycle();
        sendBcCapExport(ctx, services, cycle.id());
    }

    /** The BC-CAP registrations as a CSV download (the page and the API send the same file). */
    static void sendBcCapExport(Context ctx, Services services, String cycleId) {
        ctx.header("Content-Disposition", "attachment; filename=\"bc-cap-registrations-" + cycleId + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(services.clinicalAssessment().bcCapRegistrationsCsv(cycleId));
    }

    private void applicantFollowUps(Context ctx) {
        renderApplicant(ctx, null);
    }

    private void renderApplicant(Context ctx, BcCapRegistrationPolicy.Decision refused) {
        Cycle cycle = cycle();
        Principal user = Authentication.requirePrincipal(ctx);
        ClinicalAssessmentService.BcCapStatus bcCap = services.clinicalAssessment().bcCapStatus(cycle.id(), cycle.matchYear(),
                user.applicantId());
        Map<String, Object> model = new HashMap<>();
        model.put("invitation", services.clinicalAssessment().invitation(cycle.id(), user.applicantId()));
        model.put("registered", bcCap.registered());
        model.put("windowOpen", bcCap.open());
        model.put("opens", bcCap.opens());
        model.put("closes", bcCap.closes());
        // Who may not register is told why before any button, not after pressing one (issue #16).
        BcCapRegistrationPolicy.Decision decision = refused != null ? refused : bcCap.eligibility();
        model.put("refusals", bcCap.registered() || decision.allowed() ? List.of() : decision.refusals());
        model.put("refusedNow", refused != null);
        pages.render(ctx, "applicant/follow-ups.jte", "followUps.title", model);
    }

    private void answer(Context ctx) {
        Principal user = Authentication.requirePrincipal(ctx);
        services.clinicalAssessment().respond(cycle().id(), user.applicantId(), "ACCEPT".equals(ctx.formParam("answer")));
        ctx.redirect("/applicant/follow-ups");
    }

    private void registerBcCap(Context ctx) {
        Cycle cycle = cycle();
        Principal user = Authentication.requirePrincipal(ctx);
        BcCapRegistrationPolicy.Decision decision = services.clinicalAssessment().registerForBcCap(cycle.id(), cycle.matchYear(),
                user.applicantId());
        if (decision.allowed()) {
            ctx.redirect("/applicant/follow-ups");
        } else {
            ctx.status(422);
            renderApplicant(ctx, decision);
        }
    }
}
