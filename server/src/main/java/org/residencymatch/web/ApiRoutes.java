package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.residencymatch.NotFoundException;
import org.residencymatch.Services;
import org.residencymatch.account.Principal;
import org.residencymatch.applicant.ProfileService;
import org.residencymatch.applicant.VerifiedFacts;
import org.residencymatch.catalogue.Catalogue;
import org.residencymatch.catalogue.CatalogueFilter;
import org.residencymatch.eligibility.ApplicantCategory;
import org.residencymatch.eligibility.ApplicantFacts;
import org.residencymatch.eligibility.Decision;
import org.residencymatch.program.Province;
import org.residencymatch.program.StreamType;
import org.residencymatch.reconciliation.CaseStatus;

/** {@code /api/v1}: the catalogue with decisions, explanations, profiles and reconciliation cases. */
final class ApiRoutes {

    static final int MAX_PAGE_SIZE = 1000;
    /** The last page number accepted: the offset of its first stream, (page - 1) * pageSize, still fits in an int. */
    static final int MAX_PAGE = Integer.MAX_VALUE / MAX_PAGE_SIZE;
    /** The API's contract, served as it is on the classpath. */
    static final String OPENAPI_RESOURCE = "/openapi.yaml";

    private final Services services;

    ApiRoutes(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        byte[] openApiDocument = openApiDocument();
        routes.get("/api/v1/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(openApiDocument), Access.ANYONE);
        String applicant = "/api/v1/cycles/{cycle}/applicants/{applicantId}";
        routes.get(applicant + "/catalogue", this::catalogue, Access.APPLICANT, Access.OPERATOR);
        routes.get(applicant + "/streams/{streamId}/eligibility", this::eligibility, Access.APPLICANT, Access.OPERATOR);
        routes.get(applicant, this::getApplicant, Access.APPLICANT, Access.OPERATOR);
        routes.put(applicant, this::putApplicant, Access.OPERATOR);
        routes.put(applicant + "/profile", this::declareProfile, Access.APPLICANT);
        // Program staff decide the facts a faculty verifies, for their own faculty's students only (FacultyVerification).
        routes.post(applicant + "/facts/{fact}/decision", ctx -> FactDecisionRoute.decide(services, ctx), Access.OPERATOR,
                Access.PROGRAM_STAFF);
        routes.get("/api/v1/cycles/{cycle}/fact-checks", ctx -> FactDecisionRoute.queue(services, ctx), Access.OPERATOR,
                Access.PROGRAM_STAFF);
        routes.get("/api/v1/cycles/{cycle}/cases", this::cases, Access.OPERATOR);
        routes.post("/api/v1/cycles/{cycle}/cases/{caseId}/comments", this::comment, Access.OPERATOR);
        routes.post("/api/v1/cycles/{cycle}/cases/{caseId}/resolution", this::resolve, Access.OPERATOR);
    }

    private static byte[] openApiDocument() {
        try (InputStream in = ApiRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the classpath");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The applicant as the API gives them: identity, profile, verified facts, each fact's verification, and the medical school declared. */
    static ApiJson.ApplicantProfile applicantJson(Services services, String cycle, org.residencymatch.applicant.Identity identity,
            ApplicantFacts facts) {
        String applicantId = identity.applicantId();
        return ApiJson.ApplicantProfile.of(cycle, identity, facts, services.profiles().verifiedFacts(cycle, applicantId),
                services.factVerification().lines(cycle, applicantId), services.profiles().medicalSchool(cycle, applicantId).orElse(null));
    }

    /**
     * The applicant in the path, if the caller may read their file or verify their facts: as {@link
     * #readableApplicant}, and for program staff only one of their own faculty's CMG students in the
     * path's cycle; anyone else is a 404 that reveals nothing.
     */
    static String verifiableApplicant(Services services, Context ctx) {
        Principal user = Authentication.requirePrincipal(ctx);
        if (user.role() != org.residencymatch.account.Role.PROGRAM_STAFF) return readableApplicant(ctx);
        String applicantId = ctx.pathParam("applicantId");
        if (!ProfileRequest.APPLICANT_ID.matcher(applicantId).matches()
                || !services.facultyVerification().isStudent(ctx.pathParam("cycle"), user.facultyId(), applicantId)) {
            throw new NotFoundException("applicant", applicantId);
        }
        return applicantId;
    }

    /** The applicant in the path, if the caller may read their file; otherwise a 404 that reveals nothing. */
    static String readableApplicant(Context ctx) {
        String applicantId = ctx.pathParam("applicantId");
        Principal user = Authentication.requirePrincipal(ctx);
        // Malformed ids ("../x", "%2f...") name nobody: refused before any lookup, even for the operator.
        if (!ProfileRequest.APPLICANT_ID.matcher(applicantId).matches() || !user.mayReadApplicant(applicantId)) {
            throw new NotFoundException("applicant", applicantId);
        }
        return applicantId;
    }

    private void catalogue(Context ctx) {
        String applicantId = readableApplicant(ctx);
        CatalogueFilter filter = new CatalogueFilter(
                enumParam(ctx, "province", Province.class),
                intParam(ctx, "discipline", null, 0, Integer.MAX_VALUE),
                enumParam(ctx, "streamType", StreamType.class),
                enumParam(ctx, "decision", Decision.class),
                ctx.queryParam("q"));
        int page = intParam(ctx, "page", 1, 1, MAX_PAGE);
        int pageSize = intParam(ctx, "pageSize", 50, 1, MAX_PAGE_SIZE);
        Catalogue catalogue = services.catalogue().catalogue(ctx.pathParam("cycle"), applicantId, iteration(ctx), filter, page, pageSize);
        ctx.json(ApiJson.Catalogue.of(catalogue));
    }

    private void eligibility(Context ctx) {
        String applicantId = readableApplicant(ctx);
        var entry = services.catalogue().explain(ctx.pathParam("cycle"), applicantId, ctx.pathParam("streamId"), iteration(ctx));
        ctx.json(ApiJson.EligibilityExplanation.of(entry, iteration(ctx)));
    }

    private void getApplicant(Context ctx) {
        String applicantId = readableApplicant(ctx);
        String cycle = requireCycle(ctx);
        var identity = services.profiles().identity(applicantId).orElseThrow(() -> new NotFoundException("applicant", applicantId));
        var facts = services.profiles().profile(cycle, applicantId).orElseThrow(() -> new NotFoundException("applicant", applicantId));
        ctx.json(applicantJson(services, cycle, identity, facts));
    }

    private void putApplicant(Context ctx) {
        String cycle = requireCycle(ctx);
        String applicantId = ctx.pathParam("applicantId");
        if (!ProfileRequest.APPLICANT_ID.matcher(applicantId).matches()) {
            throw ApiException.badRequest("applicantId", "an applicant id is 1 to 40 letters, digits, '-' or '_'");
        }
        ProfileRequest.Parsed parsed = ProfileRequest.parse(applicantId, BodyLimits.text(ctx));
        boolean created = services.profiles().save(cycle, parsed.identity(), parsed.facts(),
                Authentication.requirePrincipal(ctx).auditName());
        ctx.status(created ? 201 : 200).json(applicantJson(services, cycle, parsed.identity(), parsed.facts()));
    }

    /**
     * An applicant declares their own profile, as on the profile page: only while the phase allows, and
     * the facts others verify must stay as they are (a change to one is refused, naming it).
     */
    private void declareProfile(Context ctx) {
        String applicantId = readableApplicant(ctx);
        String cycleId = requireCycle(ctx);
        services.profiles().requireDeclarable(cycleId);
        ApplicantFacts current = services.profiles().profile(cycleId, applicantId).orElse(null);
        List<VerifiedFacts.Fact> verified = services.profiles().verifiedFacts(cycleId, applicantId);
        ApplicantFacts facts = ProfileRequest.parseDeclared(applicantId, BodyLimits.text(ctx),
                current != null ? current : ApplicantFacts.builder(applicantId, ApplicantCategory.IMG).build(), verified);
        Principal user = Authentication.requirePrincipal(ctx);
        ProfileService.MedicalSchool school = ProfileRequest.medicalSchool(BodyLimits.text(ctx), services.profiles().faculties().keySet());
        try {
            services.profiles().saveDeclared(cycleId, facts, school, user.auditName());
        } catch (VerifiedFacts.ChangeRefusedException e) {
            throw ApiException.badRequest(e.fields().get(0), e.getMessage());
        }
        var identity = services.profiles().identity(applicantId).orElseThrow(() -> new NotFoundException("applicant", applicantId));
        ctx.json(applicantJson(services, cycleId, identity, facts));
    }

    private void cases(Context ctx) {
        String cycle = requireCycle(ctx);
        CaseStatus status = ctx.queryParam("status") == null
                ? CaseStatus.OPEN
                : "ALL".equalsIgnoreCase(ctx.queryParam("status")) ? null : enumParam(ctx, "status", CaseStatus.class);
        ctx.json(new ApiJson.CaseList(cycle,
                services.reconciliation().cases(cycle, status).stream().map(ApiJson.ReconciliationCase::of).toList()));
    }

    private void comment(Context ctx) {
        String cycle = requireCycle(ctx);
        long caseId = longPathParam(ctx, "caseId");
        var comment = ApiRequests.read(ctx, ApiJson.CaseComment.class);
        services.reconciliation().comment(cycle, caseId, Authentication.requirePrincipal(ctx).auditName(), comment.body());
        ctx.status(201).json(ApiJson.ReconciliationCase.of(services.reconciliation().find(cycle, caseId).orElseThrow()));
    }

    private void resolve(Context ctx) {
        String cycle = requireCycle(ctx);
        long caseId = longPathParam(ctx, "caseId");
        var resolution = ApiRequests.read(ctx, ApiJson.CaseResolution.class);
        services.reconciliation().resolve(cycle, caseId, Authentication.requirePrincipal(ctx).auditName(), resolution.resolution());
        ctx.json(ApiJson.ReconciliationCase.of(services.reconciliation().find(cycle, caseId).orElseThrow()));
    }

    private String requireCycle(Context ctx) {
        return requireCycle(services, ctx);
    }

    /** The cycle in the path, or a 404 when there is no such cycle. */
    static String requireCycle(Services services, Context ctx) {
        String cycle = ctx.pathParam("cycle");
        if (!services.cycles().exists(cycle)) throw new NotFoundException("cycle", cycle);
        return cycle;
    }

    /** The body as a JSON object, or a 400 saying it must be one (a 413 if it is over BodyLimits.MAX_BYTES). */
    static Map<?, ?> jsonObject(Context ctx) {
        String text = BodyLimits.text(ctx);
        try {
            Map<?, ?> body = ctx.jsonMapper().fromJsonString(text, Map.class);
            if (body != null) return body;
        } catch (Exception e) {
            // answered below
        }
        throw ApiException.badRequest(null, "the body must be a JSON object");
    }

    /** The iteration a form acts on (1 unless it says 2). */
    static int iterationFromForm(Context ctx) {
        String value = ctx.formParam("iteration");
        if (value == null || value.isBlank() || value.equals("1")) return 1;
        if (value.equals("2")) return 2;
        throw ApiException.badRequest("iteration", "iteration must be 1 or 2");
    }

    static int intParamFromForm(Context ctx, String name) {
        try {
            return Integer.parseInt(String.valueOf(ctx.formParam(name)).trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be a whole number");
        }
    }

    static long longPathParam(Context ctx, String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be a whole number");
        }
    }

    static int intPathParam(Context ctx, String name) {
        try {
            return Integer.parseInt(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be a whole number");
        }
    }

    static int iteration(Context ctx) {
        return intParam(ctx, "iteration", 1, 1, 2);
    }

    static Integer intParam(Context ctx, String name, Integer fallback, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest(name, name + " must be a whole number from " + min + " to " + max);
    }

    static <E extends Enum<E>> E enumParam(Context ctx, String name, Class<E> type) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : enumValue(name, value, type);
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) if (constant.name().equalsIgnoreCase(value.trim())) return constant;
        throw ApiException.badRequest(name, name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
}
