package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.residencymatch.Services;
import org.residencymatch.applicant.Document;
import org.residencymatch.applicant.FactVerificationService;
import org.residencymatch.applicant.FactVerificationService.FactDecision;
import org.residencymatch.eligibility.ApplicantFacts;
import org.residencymatch.eligibility.LocalizedText;
import org.residencymatch.eligibility.ProfileFact;
import org.residencymatch.eligibility.Verifier;

/**
 * {@code /operator/verification}: the operator's queue of documents to check, oldest first, each with a
 * link to the file beside the facts it proves as declared, and a form to accept it or refuse it with a
 * reason in English and French ({@link org.residencymatch.applicant.DocumentService#decide}: the facts
 * are decided, the applicant notified and their catalogue re-checked at once). Below, the facts that
 * await verification with no document sent yet.
 */
final class VerificationPages {

    static final int MAX_REASON = 1000;

    private final Services services;
    private final PageRenderer pages;

    VerificationPages(Services services, PageRenderer pages) {
        this.services = services;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/operator/verification", ctx -> render(ctx, null, null), Access.OPERATOR);
        routes.post("/operator/verification/{applicantId}/documents/{documentId}", this::decide, Access.OPERATOR);
    }

    private void render(Context ctx, Long failedDocument, String error) {
        String cycle = CurrentCycle.id(services);
        Map<String, List<Document>> awaiting = services.documents().awaiting(cycle);
        List<FactVerificationService.Awaiting> queue = services.factVerification().queue(cycle, 500);
        Set<String> applicants = new HashSet<>(awaiting.keySet());
        queue.forEach(a -> applicants.add(a.applicantId()));
        Map<String, String> names = services.directory().names(applicants);
        Map<String, ApplicantFacts> profiles = new HashMap<>();
        List<VerificationView.DocumentToCheck> documents = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        for (var entry : awaiting.entrySet()) {
            String applicantId = entry.getKey();
            ApplicantFacts profile = profiles.computeIfAbsent(applicantId, a -> services.profiles().profile(cycle, a).orElse(null));
            Map<ProfileFact, String> states = new HashMap<>();
            services.factVerification().lines(cycle, applicantId).forEach(line -> states.put(line.fact(), line.state()));
            for (Document d : entry.getValue()) {
                List<VerificationView.Declared> facts = new ArrayList<>();
                for (ProfileFact fact : services.documents().kindsAccepted(cycle).getOrDefault(d.kind(), List.of())) {
                    facts.add(new VerificationView.Declared(fact, profile == null ? "" : String.valueOf(fact.valueIn(profile)),
                            states.get(fact)));
                    covered.add(applicantId + "/" + fact);
                }
                documents.add(new VerificationView.DocumentToCheck(d, names.getOrDefault(applicantId, ""), facts));
            }
        }
        // Oldest document first, whoever's it is.
        documents.sort(java.util.Comparator.comparing((VerificationView.DocumentToCheck c) -> c.document().uploadedAt())
                .thenComparing(c -> c.document().id()));
        List<VerificationView.FactWithoutDocument> withoutDocument = queue.stream()
                .filter(a -> !covered.contains(a.applicantId() + "/" + a.fact()))
                .map(a -> new VerificationView.FactWithoutDocument(a.applicantId(), names.getOrDefault(a.applicantId(), ""), a.fact(),
                        a.declared(),
                        a.declaredAt()))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("view", new VerificationView(documents, withoutDocument));
        model.put("decided",
                ctx.queryParam("decided") != null && ctx.queryParam("decided").matches("ACCEPTED|REFUSED")
                        ? ctx.queryParam("decided")
                        : "");
        model.put("failedDocument", failedDocument == null ? -1L : failedDocument);
        model.put("error", error == null ? "" : error);
        pages.render(ctx, "operator/verification.jte", "verification.title", model);
    }

    private void decide(Context ctx) {
        String applicantId = ApiRoutes.readableApplicant(ctx);
        long id = ApiRoutes.longPathParam(ctx, "documentId");
        String decision = ctx.formParam("decision");
        String en = strip(ctx.formParam("reasonEn")), fr = strip(ctx.formParam("reasonFr"));
        FactDecision chosen;
        if ("ACCEPTED".equals(decision)) {
            chosen = FactDecision.accepted(Verifier.OPERATOR, DocumentRoutes.OPERATOR_NAME);
        } else if ("REFUSED".equals(decision)) {
            // A refusal is explained to the applicant in either language: both are required.
            if (en.isEmpty() || fr.isEmpty() || en.length() > MAX_REASON || fr.length() > MAX_REASON) {
                ctx.status(422);
                render(ctx, id, "verification.reasonRequired");
                return;
            }
            chosen = FactDecision.refused(Verifier.OPERATOR, DocumentRoutes.OPERATOR_NAME, new LocalizedText(en, fr));
        } else {
            ctx.status(422);
            render(ctx, id, "verification.decisionRequired");
            return;
        }
        services.documents().decide(CurrentCycle.id(services), applicantId, id, chosen, Authentication.requirePrincipal(ctx).auditName());
        ctx.redirect("/operator/verification?decided=" + decision);
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
