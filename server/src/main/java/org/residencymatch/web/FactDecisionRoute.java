package org.residencymatch.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.residencymatch.NotFoundException;
import org.residencymatch.Services;
import org.residencymatch.account.Principal;
import org.residencymatch.account.Role;
import org.residencymatch.applicant.Document;
import org.residencymatch.applicant.FactVerificationService;
import org.residencymatch.applicant.FactVerificationService.FactDecision;
import org.residencymatch.eligibility.LocalizedText;
import org.residencymatch.eligibility.ProfileFact;
import org.residencymatch.eligibility.Verifier;

/**
 * {@code POST /api/v1/cycles/{cycle}/applicants/{applicantId}/facts/{fact}/decision} (the operator, or
 * program staff for the facts their faculty verifies of its own students): a
 * fact of the applicant's profile verified as declared, or refused with a reason in English and
 * French, by a verifier the cycle names for that fact ({@link FactVerificationService}). The answer is
 * the applicant as {@code getApplicant} gives it, the fact's new status included. And {@code GET
 * /api/v1/cycles/{cycle}/fact-checks}, the queue of facts awaiting verification.
 */
final class FactDecisionRoute {

    private FactDecisionRoute() {
    }

    /**
     * {@code GET /api/v1/cycles/{cycle}/fact-checks}: the facts awaiting verification, oldest declaration
     * first, each with the documents the applicant sent that prove it. Program staff get their own
     * faculty's queue: the facts a faculty verifies of its own CMG students.
     */
    static void queue(Services services, Context ctx) {
        String cycle = ApiRoutes.requireCycle(services, ctx);
        int limit = ApiRoutes.intParam(ctx, "limit", 200, 1, 5000);
        Principal user = Authentication.requirePrincipal(ctx);
        List<FactVerificationService.Awaiting> queue = user.role() == Role.PROGRAM_STAFF
                ? services.facultyVerification().queue(cycle, user.facultyId(), limit)
                : services.factVerification().queue(cycle, limit);
        Map<String, List<Document>> documents = services.documents().kept(cycle);
        ctx.json(Map.of("cycle", cycle, "awaiting", queue.stream().map(a -> {
            Map<String, Object> json = new java.util.LinkedHashMap<>();
            json.put("applicantId", a.applicantId());
            json.put("fact", a.fact().name());
            json.put("declared", a.declared());
            json.put("declaredAt", a.declaredAt());
            json.put("policy", a.policy().policy().name());
            json.put("verifiedBy", a.policy().verifiedBy().stream().map(Enum::name).toList());
            json.put("document", a.policy().document() == null ? null : a.policy().document().name());
            json.put("documents", proofs(documents, a).stream().map(d -> DocumentRoutes.json(services, d)).toList());
            return json;
        }).toList()));
    }

    /** The documents the applicant keeps that prove the fact (of the kind the cycle names for it), in the order they came. */
    static List<Document> proofs(Map<String, List<Document>> documents, FactVerificationService.Awaiting a) {
        return documents.getOrDefault(a.applicantId(), List.of()).stream().filter(d -> d.kind() == a.policy().document()).toList();
    }

    static void decide(Services services, Context ctx) {
        String cycle = ApiRoutes.requireCycle(services, ctx);
        String applicantId = ApiRoutes.verifiableApplicant(services, ctx);
        Principal user = Authentication.requirePrincipal(ctx);
        ProfileFact fact = ApiRoutes.enumValue("fact", ctx.pathParam("fact"), ProfileFact.class);
        Map<?, ?> body = ApiRoutes.jsonObject(ctx);
        String decision = body.get("decision") instanceof String d ? d : "";
        if (!decision.equals("ACCEPTED") && !decision.equals("REFUSED")) {
            throw ApiException.badRequest("decision", "decision must be ACCEPTED or REFUSED");
        }
        boolean staff = user.role() == Role.PROGRAM_STAFF;
        Verifier verifier = body.get("verifier") instanceof String v
                ? ApiRoutes.enumValue("verifier", v, Verifier.class)
                : staff ? Verifier.FACULTY : Verifier.OPERATOR;
        // A faculty decides as itself, under its own name, and nothing else.
        if (staff && verifier != Verifier.FACULTY)
            throw ApiException.badRequest("verifier", "program staff decide as their faculty: verifier FACULTY");
        String decidedBy = body.get("decidedBy") instanceof String by && !by.isBlank() ? by.strip() : "the match operator";
        if (decidedBy.length() > 200) throw ApiException.badRequest("decidedBy", "decidedBy is longer than 200 characters");
        if (decision.equals("ACCEPTED") && body.get("reason") != null)
            throw ApiException.badRequest("reason", "an acceptance gives no reason");
        LocalizedText refusal = decision.equals("REFUSED") ? reason(body.get("reason")) : null;
        try {
            if (staff) {
                services.facultyVerification().decide(cycle, user.facultyId(), applicantId, fact, refusal, user.auditName());
            } else {
                services.factVerification().decide(cycle, applicantId, fact,
                        refusal == null ? FactDecision.accepted(verifier, decidedBy) : FactDecision.refused(verifier, decidedBy, refusal),
                        user.auditName());
            }
        } catch (FactVerificationService.NotAVerifierException e) {
            throw ApiException.badRequest("verifier", e.getMessage());
        }
        var identity = services.profiles().identity(applicantId).orElseThrow(() -> new NotFoundException("applicant", applicantId));
        var facts = services.profiles().profile(cycle, applicantId).orElseThrow(() -> new NotFoundException("applicant", applicantId));
        ctx.json(ApiRoutes.applicantJson(services, cycle, identity, facts));
    }

    /** A refusal's reason: {@code {"en": ..., "fr": ...}}, both non-blank, at most 1000 characters each. */
    static LocalizedText reason(Object value) {
        if (!(value instanceof Map<?, ?> map) || !(map.get("en") instanceof String en) || !(map.get("fr") instanceof String fr)
                || en.isBlank() || fr.isBlank()) {
            throw ApiException.badRequest("reason", "a refusal gives its reason in English and French: {\"en\": ..., \"fr\": ...}");
        }
        if (en.length() > 1000 || fr.length() > 1000)
            throw ApiException.badRequest("reason", "a reason is at most 1000 characters in each language");
        return new LocalizedText(en.strip(), fr.strip());
    }
}
