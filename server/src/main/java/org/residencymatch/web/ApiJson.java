package org.residencymatch.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.residencymatch.catalogue.Catalogue;
import org.residencymatch.catalogue.CatalogueEntry;
import org.residencymatch.eligibility.ApplicantFacts;
import org.residencymatch.eligibility.Contact;
import org.residencymatch.eligibility.LocalizedText;
import org.residencymatch.eligibility.Reason;
import org.residencymatch.applicant.Identity;
import org.residencymatch.applicant.FactVerificationService;
import org.residencymatch.applicant.VerifiedFacts;
import org.residencymatch.program.ProgramStream;
import org.residencymatch.reconciliation.ReconciliationCase;

/**
 * The JSON shapes of the API (documented in {@code openapi.yaml}), built as ordered maps so the
 * field order on the wire is the documented one and the domain records stay free of JSON concerns.
 */
final class ApiJson {

    private ApiJson() {
    }

    static Map<String, Object> catalogue(Catalogue c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cycle", c.cycleId());
        json.put("applicantId", c.applicantId());
        json.put("iteration", c.iteration());
        json.put("page", c.page());
        json.put("pageSize", c.pageSize());
        json.put("total", c.matching());
        json.put("counts", c.countsByDecision());
        json.put("items", c.entries().stream().map(ApiJson::entry).toList());
        return json;
    }

    static Map<String, Object> entry(CatalogueEntry e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("stream", stream(e.stream()));
        Map<String, Object> positions = new LinkedHashMap<>();
        positions.put("quota", e.positions().quota());
        positions.put("left", e.positions().left());
        json.put("positions", positions);
        json.put("decision", e.decision().decision().name());
        json.put("reasons", e.decision().reasons().stream().map(ApiJson::reason).toList());
        return json;
    }

    static Map<String, Object> stream(ProgramStream s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.streamId());
        json.put("programId", s.programId());
        json.put("facultyId", s.facultyId());
        json.put("faculty", text(s.facultyName(), s.facultyNameFr()));
        json.put("province", s.province().name());
        json.put("disciplineId", s.disciplineId());
        json.put("discipline", s.disciplineName());
        json.put("site", s.site());
        json.put("name", s.streamName());
        json.put("streamType", s.type().name());
        json.put("returnOfService", s.returnOfService());
        json.put("includesMilitary", s.includesMilitary());
        json.put("quota", s.quota());
        json.put("url", s.url());
        return json;
    }

    static Map<String, Object> reason(Reason r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", r.code());
        json.put("outcome", r.outcome().name());
        json.put("message", text(r.message()));
        Map<String, Object> next = new LinkedHashMap<>();
        next.put("action", text(r.nextStep().action()));
        next.put("contact", contact(r.nextStep().contact()));
        json.put("nextStep", next);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("ruleId", r.provenance().ruleId());
        provenance.put("rulesFile", r.provenance().rules().toString());
        provenance.put("listKind", r.provenance().listKind() == null ? null : r.provenance().listKind().name());
        provenance.put("listVersion", r.provenance().listVersion());
        json.put("provenance", provenance);
        return json;
    }

    private static Map<String, Object> contact(Contact c) {
        if (c == null) return null;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("name", text(c.name()));
        json.put("link", c.link() == null ? null : text(c.link()));
        return json;
    }

    static Map<String, String> text(LocalizedText t) {
        return text(t.en(), t.fr());
    }

    static Map<String, String> text(String en, String fr) {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("en", en);
        json.put("fr", fr);
        return json;
    }

    static Map<String, Object> applicant(String cycleId, Identity i, ApplicantFacts f, List<VerifiedFacts.Fact> verified,
            List<FactVerificationService.FactLine> checks) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cycle", cycleId);
        json.put("applicantId", i.applicantId());
        json.put("familyName", i.familyName());
        json.put("givenNames", i.givenNames());
        json.put("dateOfBirth", i.dateOfBirth());
        json.put("email", i.email());
        json.put("minc", i.minc());
        json.put("mccCandidateCode", i.mccCandidateCode());
        json.put("category", f.category().name());
        json.put("citizenship", f.citizenship().name());
        json.put("studyStatus", f.status().name());
        json.put("graduationDate", f.mdGraduationDate());
        json.put("priorPostgraduateTraining", f.priorPostgraduateTraining());
        json.put("fellowshipCanadaUs", f.fellowshipCanadaUs());
        json.put("mccqe1", f.mccqe1().name());
        json.put("nac", f.nac().name());
        json.put("cmqApproval", f.cmqApproval().name());
        json.put("militaryTrainingPlanMember", f.militaryTrainingPlanMember());
        json.put("provincialTies", f.provincialTies().stream().map(Enum::name).sorted().toList());
        Map<String, Integer> years = new LinkedHashMap<>();
        f.highSchoolYears().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> years.put(e.getKey().name(), e.getValue()));
        json.put("highSchoolYears", years);
        json.put("latestClinicalActivityDate", f.latestClinicalActivityDate());
        json.put("verified", verified.stream().map(v -> {
            Map<String, Object> fact = new LinkedHashMap<>();
            fact.put("field", v.field());
            fact.put("source", v.source().name());
            fact.put("listVersion", v.source() == VerifiedFacts.Source.QIMG_LIST ? v.listVersion() : null);
            return fact;
        }).toList());
        json.put("facts", checks.stream().map(ApiJson::factCheck).toList());
        return json;
    }

    /** One fact's verification: the cycle's policy, where it stands, and what the applicant can do. */
    static Map<String, Object> factCheck(FactVerificationService.FactLine line) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fact", line.fact().name());
        json.put("policy", line.policy().policy().name());
        json.put("verifiedBy", line.policy().verifiedBy().stream().map(Enum::name).toList());
        json.put("document", line.policy().document() == null ? null : line.policy().document().name());
        json.put("state", line.state());
        boolean decided = line.status().state() != org.residencymatch.eligibility.FactStatus.State.AWAITING_VERIFICATION;
        json.put("verifier", line.qimgVersion() != null ? "PARTNER_LIST" : decided ? line.status().verifier().name() : null);
        json.put("decidedBy",
                line.qimgVersion() != null ? "BCI's QIMG list, version " + line.qimgVersion() : decided ? line.status().decidedBy() : null);
        json.put("decidedOn", line.qimgVersion() == null && decided ? line.status().decidedOn() : null);
        json.put("refusal", line.status().refusal() == null ? null : text(line.status().refusal()));
        boolean open = line.state().equals("AWAITING_VERIFICATION") || line.state().equals("REFUSED");
        json.put("code", open ? line.policy().unverified().code() : null);
        json.put("nextStep", open ? text(line.policy().unverified().nextStep().action()) : null);
        return json;
    }

    static Map<String, Object> reconciliationCase(ReconciliationCase c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("cycle", c.cycleId());
        json.put("applicantId", c.applicantId());
        json.put("code", c.code());
        json.put("listKind", c.listKind().name());
        json.put("listVersion", c.listVersion());
        json.put("status", c.status().name());
        json.put("summary", text(c.summaryEn(), c.summaryFr()));
        json.put("openedAt", c.openedAt());
        json.put("closedAt", c.closedAt());
        json.put("closedBy", c.closedBy());
        json.put("resolution", c.resolution());
        List<Map<String, Object>> comments = c.comments().stream().map(comment -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("author", comment.author());
            m.put("writtenAt", comment.writtenAt());
            m.put("body", comment.body());
            return m;
        }).toList();
        json.put("comments", comments);
        return json;
    }
}
