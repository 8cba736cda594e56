package org.residencymatch.web;

import io.javalin.http.Context;
import java.util.Map;
import org.residencymatch.NotFoundException;
import org.residencymatch.Services;
import org.residencymatch.applicant.FactVerificationService;
import org.residencymatch.applicant.FactVerificationService.FactDecision;
import org.residencymatch.eligibility.LocalizedText;
import org.residencymatch.eligibility.ProfileFact;
import org.residencymatch.eligibility.Verifier;

/**
 * {@code POST /api/v1/cycles/{cycle}/applicants/{applicantId}/facts/{fact}/decision} (the operator): a
 * fact of the applicant's profile verified as declared, or refused with a reason in English and
 * French, by a verifier the cycle names for that fact ({@link FactVerificationService}). The answer is
 * the applicant as {@code getApplicant} gives it, the fact's new status included. And {@code GET
 * /api/v1/cycles/{cycle}/fact-checks}, the queue of facts awaiting verification.
 */
final class FactDecisionRoute {

    private FactDecisionRoute() {}

    /** {@code GET /api/v1/cycles/{cycle}/fact-checks}: the facts awaiting verification, oldest declaration first. */
    static void queue(Services services, Context ctx) {
        String cycle = ApiRoutes.requireCycle(services, ctx);
        int limit = ApiRoutes.intParam(ctx, "limit", 200, 1, 5000);
        ctx.json(Map.of("cycle", cycle, "awaiting", services.factVerification().queue(cycle, limit).stream().map(a -> {
            Map<String, Object> json = new java.util.LinkedHashMap<>();
            json.put("applicantId", a.applicantId());
            json.put("fact", a.fact().name());
            json.put("declared", a.declared());
            json.put("declaredAt", a.declaredAt());
            json.put("policy", a.policy().policy().name());
            json.put("verifiedBy", a.policy().verifiedBy().stream().map(Enum::name).toList());
            json.put("document", a.policy().document() == null ? null : a.policy().document().name());
            return json;
        }).toList()));
    }

    static void decide(Services services, Context ctx) {
        String applicantId = ApiRoutes.readableApplicant(ctx);
        String cycle = ApiRoutes.requireCycle(services, ctx);
        ProfileFact fact = ApiRoutes.enumValue("fact", ctx.pathParam("fact"), ProfileFact.class);
        Map<?, ?> body = ApiRoutes.jsonObject(ctx);
        String decision = body.get("decision") instanceof String d ? d : "";
        if (!decision.equals("ACCEPTED") && !decision.equals("REFUSED")) {
            throw ApiException.badRequest("decision", "decision must be ACCEPTED or REFUSED");
        }
        Verifier verifier = body.get("verifier") instanceof String v ? ApiRoutes.enumValue("verifier", v, Verifier.class) : Verifier.OPERATOR;
        String decidedBy = body.get("decidedBy") instanceof String by && !by.isBlank() ? by.strip() : "the match operator";
        if (decidedBy.length() > 200) throw ApiException.badRequest("decidedBy", "decidedBy is longer than 200 characters");
        FactDecision chosen;
        if (decision.equals("ACCEPTED")) {
            if (body.get("reason") != null) throw ApiException.badRequest("reason", "an acceptance gives no reason");
            chosen = FactDecision.accepted(verifier, decidedBy);
        } else {
            chosen = FactDecision.refused(verifier, decidedBy, reason(body.get("reason")));
        }
        try {
            services.factVerification().decide(cycle, applicantId, fact, chosen, Authentication.requirePrincipal(ctx).auditName());
        } catch (FactVerificationService.NotAVerifierException e) {
            throw ApiException.badRequest("verifier", e.getMessage());
        }
        var identity = services.profiles().identity(applicantId).orElseThrow(() -> new NotFoundException("applicant", applicantId));
        var facts = services.profiles().profile(cycle, applicantId).orElseThrow(() -> new NotFoundException("applicant", applicantId));
        ctx.json(ApiJson.applicant(cycle, identity, facts, services.profiles().verifiedFacts(cycle, applicantId),
                services.factVerification().lines(cycle, applicantId)));
    }

    /** A refusal's reason: {@code {"en": ..., "fr": ...}}, both non-blank, at most 1000 characters each. */
    static LocalizedText reason(Object value) {
        if (!(value instanceof Map<?, ?> map) || !(map.get("en") instanceof String en) || !(map.get("fr") instanceof String fr)
                || en.isBlank() || fr.isBlank()) {
            throw ApiException.badRequest("reason", "a refusal gives its reason in English and French: {\"en\": ..., \"fr\": ...}");
        }
        if (en.length() > 1000 || fr.length() > 1000) throw ApiException.badRequest("reason", "a reason is at most 1000 characters in each language");
        return new LocalizedText(en.strip(), fr.strip());
    }
}
