package org.residencymatch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.residencymatch.applicant.Identity;
import org.residencymatch.applicant.VerifiedFacts;
import org.residencymatch.eligibility.ApplicantCategory;
import org.residencymatch.eligibility.ApplicantFacts;
import org.residencymatch.eligibility.Citizenship;
import org.residencymatch.eligibility.CmqApproval;
import org.residencymatch.eligibility.ExamResult;
import org.residencymatch.eligibility.StudyStatus;
import org.residencymatch.program.Province;

/**
 * Reads the body of {@code PUT /api/v1/cycles/{cycle}/applicants/{applicantId}} field by field, so
 * that a malformed body is answered with the name of the field that is wrong and why.
 */
final class ProfileRequest {

    static final Pattern APPLICANT_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Parsed(Identity identity, ApplicantFacts facts) {
    }

    private ProfileRequest() {
    }

    static Parsed parse(String applicantId, String body) {
        JsonNode root = object(body);
        Fields f = new Fields(root);
        Identity identity = new Identity(applicantId, f.requiredText("familyName", 200), f.requiredText("givenNames", 200),
                f.date("dateOfBirth"), f.email("email"), f.optionalText("minc", 20), f.optionalText("mccCandidateCode", 10));
        return new Parsed(identity, facts(applicantId, root, f.requiredEnum("citizenship", Citizenship.class), ExamResult.NOT_TAKEN,
                ExamResult.NOT_TAKEN, CmqApproval.NONE));
    }

    /**
     * The facts an applicant declares about themselves (a body without identity). The facts others
     * verify may be left out: they then stay as they are in {@code current} (the profile so far, or a
     * first profile's defaults); sent, they must equal those, which the profile service checks.
     */
    static ApplicantFacts parseDeclared(String applicantId, String body, ApplicantFacts current, List<VerifiedFacts.Fact> verified) {
        boolean cmqVerified = verified.stream().anyMatch(v -> v.field().equals("cmqApproval"));
        JsonNode root = object(body);
        Fields f = new Fields(root);
        return facts(applicantId, root, f.optionalEnum("citizenship", Citizenship.class, current.citizenship()), current.mccqe1(),
                current.nac(), cmqVerified ? current.cmqApproval() : CmqApproval.NONE);
    }

    /**
     * The medical school a declaration names ({@code medicalSchool}: a Canadian faculty's id, or null for
     * none); null when the body leaves it out, so it stays as it is.
     */
    static org.residencymatch.applicant.ProfileService.MedicalSchool medicalSchool(String body, java.util.Set<String> faculties) {
        JsonNode root = object(body);
        if (!root.has("medicalSchool")) return null;
        String id = new Fields(root).optionalText("medicalSchool", 40);
        if (id != null && !faculties.contains(id)) {
            throw ApiException.badRequest("medicalSchool",
                    "medicalSchool must be a Canadian faculty's id, one of " + new java.util.TreeSet<>(faculties)
                            + ", or null");
        }
        return new org.residencymatch.applicant.ProfileService.MedicalSchool(id == null || id.isEmpty() ? null : id);
    }

    private static JsonNode object(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception e) {
            throw ApiException.badRequest(null, "the body is not valid JSON");
        }
        if (root == null || !root.isObject()) throw ApiException.badRequest(null, "the body must be a JSON object");
        return root;
    }

    /** The facts of the body; the fallbacks are what the verified facts are when left out. */
    private static ApplicantFacts facts(String applicantId, JsonNode root, Citizenship citizenship, ExamResult mccqe1, ExamResult nac,
            CmqApproval cmqApproval) {
        Fields f = new Fields(root);
        ApplicantFacts.Builder facts = ApplicantFacts.builder(applicantId, f.requiredEnum("category", ApplicantCategory.class))
                .citizenship(citizenship)
                .status(f.requiredEnum("studyStatus", StudyStatus.class))
                .mdGraduationDate(f.date("graduationDate"))
                .priorPostgraduateTraining(f.bool("priorPostgraduateTraining"))
                .fellowshipCanadaUs(f.bool("fellowshipCanadaUs"))
                .mccqe1(f.optionalEnum("mccqe1", ExamResult.class, mccqe1))
                .nac(f.optionalEnum("nac", ExamResult.class, nac))
                .cmqApproval(f.optionalEnum("cmqApproval", CmqApproval.class, cmqApproval))
                .militaryTrainingPlanMember(f.bool("militaryTrainingPlanMember"))
                .latestClinicalActivityDate(f.date("latestClinicalActivityDate"));
        JsonNode ties = root.get("provincialTies");
        if (ties != null && !ties.isNull()) {
            if (!ties.isArray()) throw ApiException.badRequest("provincialTies", "provincialTies must be a list of province codes");
            for (JsonNode tie : ties) facts.provincialTie(Fields.province("provincialTies", tie));
        }
        JsonNode years = root.get("highSchoolYears");
        if (years != null && !years.isNull()) {
            if (!years.isObject())
                throw ApiException.badRequest("highSchoolYears", "highSchoolYears must map province codes to years, e.g. {\"ON\": 2}");
            for (Iterator<Map.Entry<String, JsonNode>> it = years.fields(); it.hasNext();) {
                var e = it.next();
                Province province = Fields.province("highSchoolYears", JSON.getNodeFactory().textNode(e.getKey()));
                if (!e.getValue().canConvertToInt() || e.getValue().asInt() < 0 || e.getValue().asInt() > 6) {
                    throw ApiException.badRequest("highSchoolYears." + e.getKey(),
                            "years of high school must be a whole number from 0 to 6");
                }
                facts.highSchoolYears(province, e.getValue().asInt());
            }
        }
        return facts.build();
    }

    private record Fields(JsonNode root) {
        String requiredText(String field, int maxLength) {
            String value = optionalText(field, maxLength);
            if (value == null || value.isBlank()) throw ApiException.badRequest(field, field + " is required");
            return value;
        }

        String optionalText(String field, int maxLength) {
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) return null;
            if (!node.isTextual()) throw ApiException.badRequest(field, field + " must be a string");
            String value = node.asText().strip();
            if (value.length() > maxLength) throw ApiException.badRequest(field, field + " is longer than " + maxLength + " characters");
            return value;
        }

        String email(String field) {
            String value = optionalText(field, 320);
            if (value != null && !EMAIL.matcher(value).matches()) throw ApiException.badRequest(field, field + " is not an email address");
            return value;
        }

        LocalDate date(String field) {
            String value = optionalText(field, 10);
            if (value == null) return null;
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest(field, field + " must be a date written yyyy-mm-dd");
            }
        }

        boolean bool(String field) {
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) return false;
            if (!node.isBoolean()) throw ApiException.badRequest(field, field + " must be true or false");
            return node.asBoolean();
        }

        <E extends Enum<E>> E requiredEnum(String field, Class<E> type) {
            E value = optionalEnum(field, type, null);
            if (value == null)
                throw ApiException.badRequest(field, field + " is required; one of " + Arrays.toString(type.getEnumConstants()));
            return value;
        }

        <E extends Enum<E>> E optionalEnum(String field, Class<E> type, E fallback) {
            String value = optionalText(field, 40);
            if (value == null) return fallback;
            for (E constant : type.getEnumConstants()) if (constant.name().equals(value)) return constant;
            throw ApiException.badRequest(field,
                    field + " must be one of " + Arrays.toString(type.getEnumConstants()) + ", not \"" + value + "\"");
        }

        static Province province(String field, JsonNode node) {
            String code = node.isTextual() ? node.asText() : "";
            for (Province p : Province.values()) if (p.name().equals(code)) return p;
            throw ApiException.badRequest(field, field + ": \"" + node.asText() + "\" is not a province code such as ON, QC, NS");
        }
    }
}
