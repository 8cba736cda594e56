package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.residencymatch.Services;
import org.residencymatch.account.Principal;
import org.residencymatch.applicant.ProfileService;
import org.residencymatch.applicant.VerifiedFacts;
import org.residencymatch.cycle.Cycle;
import org.residencymatch.eligibility.ApplicantCategory;
import org.residencymatch.eligibility.ApplicantFacts;
import org.residencymatch.eligibility.Citizenship;
import org.residencymatch.eligibility.CmqApproval;
import org.residencymatch.eligibility.ExamResult;
import org.residencymatch.eligibility.ProfileFact;
import org.residencymatch.eligibility.StudyStatus;
import org.residencymatch.program.Province;

/**
 * The applicant's profile: the facts eligibility needs, editable during registration and program
 * selection of the first iteration, each with where its verification stands (declared, awaiting
 * verification and what to do, verified by whom and when, refused and why). A change to a verified
 * fact sends it back to awaiting verification, and the page says so. The facts that come from their
 * source ({@link VerifiedFacts}: the MCC exam results, a CMQ approval on BCI's list) are not in the
 * form, and the server refuses a change to one of them.
 */
final class ProfilePages {

    private final Services services;
    private final PageRenderer pages;

    ProfilePages(Services services, PageRenderer pages) {
        this.services = services;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/applicant/profile", ctx -> render(ctx, null, List.of()), Access.APPLICANT);
        routes.post("/applicant/profile", this::save, Access.APPLICANT);
    }

    private Cycle cycle() {
        return CurrentCycle.of(services);
    }

    private void render(Context ctx, ApplicantFacts shown, List<String> errors) {
        render(ctx, shown, errors, null);
    }

    /**
     * The page, with a refused upload's reason when there is one ({@code documentError}: the message key of
     * {@link DocumentPages}' refusal, with the document limit as its argument).
     */
    void render(Context ctx, ApplicantFacts shown, List<String> errors, DocumentPages.Refusal documentError) {
        Principal user = Authentication.requirePrincipal(ctx);
        Cycle cycle = cycle();
        ApplicantFacts facts = shown != null
                ? shown
                : services.profiles().profile(cycle.id(), user.applicantId())
                        .orElse(ApplicantFacts.builder(user.applicantId(), ApplicantCategory.IMG).build());
        Map<String, Object> model = new HashMap<>();
        model.put("facts", facts);
        model.put("verified", services.profiles().verifiedFacts(cycle.id(), user.applicantId()));
        model.put("checks", services.factVerification().lines(cycle.id(), user.applicantId()));
        model.put("reopened", reopened(ctx.queryParam("reopened")));
        model.put("errors", errors);
        model.put("editable", services.profiles().declarable(cycle.id()));
        model.put("saved", "1".equals(ctx.queryParam("saved")));
        // The documents the applicant keeps, and an upload form beside each fact a document proves.
        model.put("documents", services.documents().list(cycle.id(), user.applicantId(), false));
        model.put("kinds", services.documents().kindsAccepted(cycle.id()));
        model.put("uploaded", "1".equals(ctx.queryParam("uploaded")));
        model.put("withdrawn", "1".equals(ctx.queryParam("withdrawn")));
        model.put("documentError", documentError == null ? null : documentError.key());
        model.put("documentErrorArg", documentError == null || documentError.argument() == null ? "" : documentError.argument());
        model.put("maxMegabytes", org.residencymatch.applicant.DocumentCheck.MAX_BYTES / (1024 * 1024));
        model.put("medicalSchool", services.profiles().medicalSchool(cycle.id(), user.applicantId()).orElse(""));
        model.put("faculties", services.profiles().faculties());
        pages.render(ctx, "applicant/profile.jte", "profile.title", model);
    }

    private void save(Context ctx) {
        Principal user = Authentication.requirePrincipal(ctx);
        Cycle cycle = cycle();
        services.profiles().requireDeclarable(cycle.id());
        ApplicantFacts current = services.profiles().profile(cycle.id(), user.applicantId()).orElse(null);
        List<String> errors = new ArrayList<>();
        ApplicantCategory category = choice(ctx, "category", ApplicantCategory.class, ApplicantCategory.IMG, errors);
        // A first profile starts from the defaults, in which no fact is verified yet.
        ApplicantFacts was = current != null ? current : ApplicantFacts.builder(user.applicantId(), category).build();
        // Facts others verify are not in the form; one sent anyway is checked against the profile by the service, and refused if changed.
        ApplicantFacts.Builder facts = ApplicantFacts.builder(user.applicantId(), category)
                .citizenship(choice(ctx, "citizenship", Citizenship.class, was.citizenship(), errors))
                .mccqe1(choice(ctx, "mccqe1", ExamResult.class, was.mccqe1(), errors))
                .nac(choice(ctx, "nac", ExamResult.class, was.nac(), errors))
                .status(choice(ctx, "studyStatus", StudyStatus.class, StudyStatus.GRADUATE, errors))
                .mdGraduationDate(date(ctx, "graduationDate", errors))
                .priorPostgraduateTraining(ctx.formParam("priorPostgraduateTraining") != null)
                .fellowshipCanadaUs(ctx.formParam("fellowshipCanadaUs") != null)
                .cmqApproval(choice(ctx, "cmqApproval", CmqApproval.class, verifiedCmq(cycle, user) ? was.cmqApproval() : CmqApproval.NONE,
                        errors))
                .militaryTrainingPlanMember(ctx.formParam("militaryTrainingPlanMember") != null)
                .latestClinicalActivityDate(date(ctx, "latestClinicalActivityDate", errors));
        for (String tie : ctx.formParams("provincialTie")) {
            try {
                facts.provincialTie(Province.valueOf(tie));
            } catch (IllegalArgumentException e) {
                errors.add("provincialTie");
            }
        }
        String ontario = ctx.formParam("ontarioHighSchoolYears");
        if (ontario != null && !ontario.isBlank()) {
            try {
                int years = Integer.parseInt(ontario.trim());
                if (years < 0 || years > 6) throw new NumberFormatException();
                facts.highSchoolYears(Province.ON, years);
            } catch (NumberFormatException e) {
                errors.add("ontarioHighSchoolYears");
            }
        }
        // The medical school: a Canadian faculty's id, or none; left as it is when the form does not send it.
        String school = ctx.formParam("medicalSchool");
        ProfileService.MedicalSchool medicalSchool = null;
        if (school != null) {
            school = school.strip();
            if (!school.isEmpty() && !services.profiles().faculties().containsKey(school)) errors.add("medicalSchool");
            else
                medicalSchool = new ProfileService.MedicalSchool(school.isEmpty() ? null : school);
        }
        ApplicantFacts parsed = facts.build();
        errors.addAll(ProfileDates.problems(parsed, LocalDate.now(services.clock())));
        if (!errors.isEmpty()) {
            ctx.status(422);
            render(ctx, parsed, errors);
            return;
        }
        List<ProfileFact> reopened;
        try {
            reopened = services.profiles().saveDeclared(cycle.id(), parsed, medicalSchool, user.auditName());
        } catch (VerifiedFacts.ChangeRefusedException e) {
            ctx.status(422);
            render(ctx, current, List.of("verified"));
            return;
        }
        ctx.redirect("/applicant/profile?saved=1" + (reopened.isEmpty()
                ? ""
                : "&reopened=" + String.join(",", reopened.stream().map(Enum::name).toList())));
    }

    /** The facts a save sent back to awaiting verification, from the redirect's query (anything else is ignored). */
    private static List<ProfileFact> reopened(String query) {
        List<ProfileFact> facts = new ArrayList<>();
        if (query == null || query.length() > 200) return facts;
        for (String name : query.split(",")) {
            for (ProfileFact fact : ProfileFact.values()) if (fact.name().equals(name) && !facts.contains(fact)) facts.add(fact);
        }
        return facts;
    }

    /** Whether BCI's QIMG list states this applicant's CMQ approval, so the form does not offer it. */
    private boolean verifiedCmq(Cycle cycle, Principal user) {
        return services.profiles().verifiedFacts(cycle.id(), user.applicantId()).stream().anyMatch(f -> f.field().equals("cmqApproval"));
    }

    private static <E extends Enum<E>> E choice(Context ctx, String field, Class<E> type, E fallback, List<String> errors) {
        String value = ctx.formParam(field);
        if (value == null || value.isBlank()) return fallback;
        for (E constant : type.getEnumConstants()) if (constant.name().equals(value)) return constant;
        errors.add(field);
        return fallback;
    }

    private static LocalDate date(Context ctx, String field, List<String> errors) {
        String value = ctx.formParam(field);
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(field);
            return null;
        }
    }
}
