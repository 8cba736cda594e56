package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.residencymatch.Services;
import org.residencymatch.account.Principal;
import org.residencymatch.applicant.Document;
import org.residencymatch.applicant.FactVerificationService;
import org.residencymatch.eligibility.LocalizedText;
import org.residencymatch.eligibility.ProfileFact;

/**
 * {@code /staff/verification}: a faculty's queue of its own CMG students' facts that the cycle lets a
 * faculty verify (their category, their degree), the oldest declaration first, each with the documents
 * the student sent beside it, and a form to verify it as declared or refuse it with a reason in English
 * and French ({@link org.residencymatch.applicant.FacultyVerification}: decided under the faculty's
 * name, audited, the student told and their catalogue re-checked at once). Another faculty's student
 * does not exist here: 404.
 */
final class FacultyVerificationPages {

    private final Services services;
    private final PageRenderer pages;

    FacultyVerificationPages(Services services, PageRenderer pages) {
        this.services = services;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/staff/verification", ctx -> render(ctx, null, null), Access.PROGRAM_STAFF);
        routes.post("/staff/verification/{applicantId}/facts/{fact}", this::decide, Access.PROGRAM_STAFF);
    }

    private void render(Context ctx, String failed, String error) {
        Principal user = Authentication.requirePrincipal(ctx);
        String cycle = CurrentCycle.id(services);
        List<FactVerificationService.Awaiting> queue = services.facultyVerification().queue(cycle, user.facultyId(), 500);
        Set<String> applicants = new HashSet<>();
        queue.forEach(a -> applicants.add(a.applicantId()));
        Map<String, String> names = services.directory().names(applicants);
        Map<String, List<Document>> documents = applicants.isEmpty() ? Map.of() : services.documents().kept(cycle);
        List<FacultyVerificationItem> items = queue.stream().map(a -> new FacultyVerificationItem(a.applicantId(),
                names.getOrDefault(a.applicantId(), ""), a.fact(), a.declared(), a.declaredAt(), FactDecisionRoute.proofs(documents, a)))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("faculty", services.facultyVerification().name(user.facultyId()));
        model.put("items", items);
        model.put("decided",
                ctx.queryParam("decided") != null && ctx.queryParam("decided").matches("ACCEPTED|REFUSED")
                        ? ctx.queryParam("decided")
                        : "");
        model.put("failed", failed == null ? "" : failed);
        model.put("error", error == null ? "" : error);
        pages.render(ctx, "staff/verification.jte", "facultyVerification.title", model);
    }

    private void decide(Context ctx) {
        Principal user = Authentication.requirePrincipal(ctx);
        String cycle = CurrentCycle.id(services);
        String applicantId = ctx.pathParam("applicantId");
        // Anyone but the faculty's own CMG student, and any fact name but one, is a page that does not exist.
        if (!ProfileRequest.APPLICANT_ID.matcher(applicantId).matches()
                || !services.facultyVerification().isStudent(cycle, user.facultyId(), applicantId)) {
            throw new org.residencymatch.NotFoundException("applicant", applicantId);
        }
        ProfileFact fact = null;
        for (ProfileFact f : ProfileFact.values()) if (f.name().equals(ctx.pathParam("fact"))) fact = f;
        if (fact == null) throw new org.residencymatch.NotFoundException("fact", ctx.pathParam("fact"));
        String decision = ctx.formParam("decision");
        String en = strip(ctx.formParam("reasonEn")), fr = strip(ctx.formParam("reasonFr"));
        LocalizedText refusal = null;
        String failed = applicantId + "/" + fact.name();
        if ("REFUSED".equals(decision)) {
            // A refusal is explained to the student in either language: both are required.
            if (en.isEmpty() || fr.isEmpty() || en.length() > VerificationPages.MAX_REASON || fr.length() > VerificationPages.MAX_REASON) {
                ctx.status(422);
                render(ctx, failed, "verification.reasonRequired");
                return;
            }
            refusal = new LocalizedText(en, fr);
        } else if (!"ACCEPTED".equals(decision)) {
            ctx.status(422);
            render(ctx, failed, "facultyVerification.decisionRequired");
            return;
        }
        try {
            services.facultyVerification().decide(cycle, user.facultyId(), applicantId, fact, refusal, user.auditName());
        } catch (FactVerificationService.NotAVerifierException e) {
            // The cycle does not let a faculty verify this fact: nothing of it is the faculty's to decide.
            throw new org.residencymatch.NotFoundException("fact", fact.name());
        }
        ctx.redirect("/staff/verification?decided=" + decision);
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
