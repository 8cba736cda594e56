package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.residencymatch.NotFoundException;
import org.residencymatch.Services;
import org.residencymatch.account.Principal;
import org.residencymatch.account.Role;
import org.residencymatch.cap.BcCapRegistrationPolicy;
import org.residencymatch.cap.ClinicalAssessmentService;
import org.residencymatch.cycle.Cycle;
import org.residencymatch.lists.PartnerBody;

/**
 * {@code /api/v1/cycles/{cycle}/...}: the follow-ups of the match, through the same service as their
 * pages. The AIMG clinical assessment pool (the operator, and the AIMG Program, whose list it comes
 * from), the operator's invitations and the invitee's answer; BC-CAP registration by the applicant
 * and its export (the operator, and UBC-CAP, who receive it).
 */
final class FollowUpRoutes {

    private final Services services;

    FollowUpRoutes(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        String cycle = "/api/v1/cycles/{cycle}";
        routes.get(cycle + "/cap/pool", this::pool, Access.OPERATOR, Access.PARTNER);
        routes.post(cycle + "/cap/invitations", this::invite, Access.OPERATOR);
        routes.get(cycle + "/applicants/{applicantId}/cap-invitation", this::invitation, Access.APPLICANT, Access.OPERATOR);
        routes.post(cycle + "/applicants/{applicantId}/cap-invitation/answer", this::answer, Access.APPLICANT);
        routes.get(cycle + "/applicants/{applicantId}/bc-cap", this::bcCapStatus, Access.APPLICANT, Access.OPERATOR);
        routes.post(cycle + "/applicants/{applicantId}/bc-cap", this::registerBcCap, Access.APPLICANT);
        routes.get(cycle + "/bc-cap/registrations.csv", this::bcCapExport, Access.OPERATOR, Access.PARTNER);
    }

    private Cycle cycle(Context ctx) {
        String id = ctx.pathParam("cycle");
        return services.cycles().find(id).orElseThrow(() -> new NotFoundException("cycle", id));
    }

    /** The operator, or a user of the one partner body this follow-up concerns; anyone else is refused. */
    private static void requireOperatorOr(Context ctx, PartnerBody body) {
        Principal user = Authentication.requirePrincipal(ctx);
        if (user.role() == Role.OPERATOR || (user.role() == Role.PARTNER && body.name().equals(user.partnerBody()))) return;
        throw new ApiException(403, "FORBIDDEN", "only the operator and " + body + " may see this");
    }

    private void pool(Context ctx) {
        requireOperatorOr(ctx, PartnerBody.AIMG);
        ctx.json(pool(cycle(ctx).id()));
    }

    private Map<String, Object> pool(String cycleId) {
        List<ClinicalAssessmentService.PoolEntry> pool = services.clinicalAssessment().pool(cycleId);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cycle", cycleId);
        json.put("defaultLimit", ClinicalAssessmentService.DEFAULT_INVITATION_LIMIT);
        json.put("invited", pool.stream().filter(p -> p.status() != null).count());
        json.put("pool", pool.stream().map(p -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("applicantId", p.applicantId());
            entry.put("mmiScore", p.mmiScore());
            entry.put("status", p.status());
            return entry;
        }).toList());
        return json;
    }

    private void invite(Context ctx) {
        String cycleId = cycle(ctx).id();
        Map<?, ?> body = ApiRoutes.jsonObject(ctx);
        if (!(body.get("applicantIds") instanceof List<?> ids) || ids.isEmpty() || ids.stream().anyMatch(i -> !(i instanceof String))) {
            throw ApiException.badRequest("applicantIds", "applicantIds must be a list of at least one applicant id");
        }
        LocalDateTime respondBy;
        try {
            respondBy = LocalDateTime.parse(String.valueOf(body.get("respondBy")));
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("respondBy", "respondBy must be a date and time, such as 2025-03-20T17:00");
        }
        Object limit = body.get("limit");
        if (limit != null && !(limit instanceof Integer n && n > 0))
            throw ApiException.badRequest("limit", "limit must be a whole number of at least 1");
        try {
            services.clinicalAssessment().invite(cycleId, ids.stream().map(i -> (String) i).toList(), respondBy,
                    limit == null ? ClinicalAssessmentService.DEFAULT_INVITATION_LIMIT : (Integer) limit,
                    Authentication.requirePrincipal(ctx).auditName());
        } catch (ClinicalAssessmentService.InvalidInvitationException e) {
            throw ApiException.badRequest(e.field(), e.getMessage());
        }
        ctx.status(201).json(pool(cycleId));
    }

    private void invitation(Context ctx) {
        String applicantId = ApiRoutes.readableApplicant(ctx);
        String cycleId = cycle(ctx).id();
        ctx.json(invitation(services.clinicalAssessment().invitation(cycleId, applicantId)
                .orElseThrow(() -> new NotFoundException("invitation of applicant", applicantId))));
    }

    private void answer(Context ctx) {
        String applicantId = ApiRoutes.readableApplicant(ctx);
        String cycleId = cycle(ctx).id();
        if (!(ApiRoutes.jsonObject(ctx).get("accept") instanceof Boolean accept))
            throw ApiException.badRequest("accept", "accept must be true or false");
        ctx.json(invitation(services.clinicalAssessment().respond(cycleId, applicantId, accept)));
    }

    private static Map<String, Object> invitation(ClinicalAssessmentService.Invitation i) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("applicantId", i.applicantId());
        json.put("status", i.status());
        json.put("invitedAt", i.invitedAt());
        json.put("respondBy", i.respondBy());
        return json;
    }

    private void bcCapStatus(Context ctx) {
        String applicantId = ApiRoutes.readableApplicant(ctx);
        Cycle cycle = cycle(ctx);
        ctx.json(bcCap(services.clinicalAssessment().bcCapStatus(cycle.id(), cycle.matchYear(), applicantId)));
    }

    private void registerBcCap(Context ctx) {
        String applicantId = ApiRoutes.readableApplicant(ctx);
        Cycle cycle = cycle(ctx);
        BcCapRegistrationPolicy.Decision decision = services.clinicalAssessment().registerForBcCap(cycle.id(), cycle.matchYear(),
                applicantId);
        if (!decision.allowed()) {
            throw new ApiException(422, "NOT_ELIGIBLE", "you may not register for BC-CAP: " + String.join("; ",
                    decision.refusals().stream().map(r -> r.code() + " (" + Refusals.message(Messages.of("en"), r) + ")").toList()));
        }
        ctx.status(201).json(bcCap(services.clinicalAssessment().bcCapStatus(cycle.id(), cycle.matchYear(), applicantId)));
    }

    private static Map<String, Object> bcCap(ClinicalAssessmentService.BcCapStatus status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("registered", status.registered());
        json.put("opens", status.opens());
        json.put("closes", status.closes());
        json.put("open", status.open());
        json.put("eligible", status.eligibility().allowed());
        json.put("refusals", status.eligibility().refusals().stream().map(r -> {
            Map<String, Object> refusal = new LinkedHashMap<>();
            refusal.put("code", r.code());
            refusal.put("message", Map.of("en", Refusals.message(Messages.of("en"), r), "fr", Refusals.message(Messages.of("fr"), r)));
            return refusal;
        }).toList());
        return json;
    }

    private void bcCapExport(Context ctx) {
        requireOperatorOr(ctx, PartnerBody.UBC_CAP);
        FollowUpPages.sendBcCapExport(ctx, services, cycle(ctx).id());
    }
}
