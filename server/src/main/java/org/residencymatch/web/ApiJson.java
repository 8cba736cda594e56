package org.residencymatch.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.residencymatch.applicant.FactVerificationService;
import org.residencymatch.applicant.Identity;
import org.residencymatch.applicant.VerifiedFacts;
import org.residencymatch.eligibility.ApplicantCategory;
import org.residencymatch.eligibility.ApplicantFacts;
import org.residencymatch.eligibility.Citizenship;
import org.residencymatch.eligibility.CmqApproval;
import org.residencymatch.eligibility.Decision;
import org.residencymatch.eligibility.DocumentKind;
import org.residencymatch.eligibility.ExamResult;
import org.residencymatch.eligibility.FactStatus;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.eligibility.ProfileFact;
import org.residencymatch.eligibility.StudyStatus;
import org.residencymatch.eligibility.VerificationPolicy;
import org.residencymatch.eligibility.Verifier;
import org.residencymatch.program.Province;
import org.residencymatch.program.StreamType;
import org.residencymatch.reconciliation.CaseStatus;

/**
 * The JSON shapes of {@link ApiRoutes} (the catalogue, eligibility, profiles and reconciliation cases), as
 * records named after their schemas in {@code openapi.yaml}. Jackson writes a record's components in
 * their declared order, which is the order on the wire; the domain records stay free of JSON concerns.
 * Each shape is built from the domain by its {@code of} method; the requests validate themselves.
 */
final class ApiJson {

    private ApiJson() {
    }

    /** A text in English and French. */
    record LocalizedText(String en, String fr) {

        static LocalizedText of(org.residencymatch.eligibility.LocalizedText text) {
            return text == null ? null : new LocalizedText(text.en(), text.fr());
        }
    }

    static LocalizedText text(org.residencymatch.eligibility.LocalizedText text) {
        return LocalizedText.of(text);
    }

    static LocalizedText text(String en, String fr) {
        return new LocalizedText(en, fr);
    }

    record Catalogue(String cycle, String applicantId, int iteration, int page, int pageSize, int total, Map<Decision, Integer> counts,
            List<CatalogueEntry> items) {

        static Catalogue of(org.residencymatch.catalogue.Catalogue c) {
            return new Catalogue(c.cycleId(), c.applicantId(), c.iteration(), c.page(), c.pageSize(), c.matching(), c.countsByDecision(),
                    c.entries().stream().map(CatalogueEntry::of).toList());
        }
    }

    record CatalogueEntry(ProgramStream stream, StreamPositions positions, Decision decision, List<Reason> reasons) {

        static CatalogueEntry of(org.residencymatch.catalogue.CatalogueEntry e) {
            return new CatalogueEntry(ProgramStream.of(e.stream()), new StreamPositions(e.positions().quota(), e.positions().left()),
                    e.decision().decision(), e.decision().reasons().stream().map(Reason::of).toList());
        }
    }

    /** A catalogue entry explained on its own, for the iteration it was decided in. */
    record EligibilityExplanation(ProgramStream stream, StreamPositions positions, Decision decision, List<Reason> reasons, int iteration) {

        static EligibilityExplanation of(org.residencymatch.catalogue.CatalogueEntry e, int iteration) {
            CatalogueEntry entry = CatalogueEntry.of(e);
            return new EligibilityExplanation(entry.stream(), entry.positions(), entry.decision(), entry.reasons(), iteration);
        }
    }

    record StreamPositions(int quota, Integer left) {
    }

    record ProgramStream(String id, String programId, String facultyId, LocalizedText faculty, Province province, int disciplineId,
            String discipline, String site, String name, StreamType streamType, boolean returnOfService, boolean includesMilitary,
            int quota,
            String url) {

        static ProgramStream of(org.residencymatch.program.ProgramStream s) {
            return new ProgramStream(s.streamId(), s.programId(), s.facultyId(), text(s.facultyName(), s.facultyNameFr()), s.province(),
                    s.disciplineId(), s.disciplineName(), s.site(), s.streamName(), s.type(), s.returnOfService(), s.includesMilitary(),
                    s.quota(), s.url());
        }
    }

    record Reason(String code, Decision outcome, LocalizedText message, NextStep nextStep, Provenance provenance) {

        static Reason of(org.residencymatch.eligibility.Reason r) {
            var contact = r.nextStep().contact();
            var provenance = r.provenance();
            return new Reason(r.code(), r.outcome(), text(r.message()),
                    new NextStep(text(r.nextStep().action()),
                            contact == null ? null : new Contact(contact.id(), text(contact.name()), text(contact.link()))),
                    new Provenance(provenance.ruleId(), provenance.rules().toString(), provenance.listKind(), provenance.listVersion()));
        }
    }

    record NextStep(LocalizedText action, Contact contact) {
    }

    record Contact(String id, LocalizedText name, LocalizedText link) {
    }

    record Provenance(String ruleId, String rulesFile, ListKind listKind, Integer listVersion) {
    }

    /** The applicant as the API gives them: identity, profile, verified facts, each fact's verification, and the medical school. */
    record ApplicantProfile(String cycle, String applicantId, String familyName, String givenNames, LocalDate dateOfBirth, String email,
            String minc, String mccCandidateCode, ApplicantCategory category, Citizenship citizenship, StudyStatus studyStatus,
            LocalDate graduationDate, boolean priorPostgraduateTraining, boolean fellowshipCanadaUs, ExamResult mccqe1, ExamResult nac,
            CmqApproval cmqApproval, boolean militaryTrainingPlanMember, List<Province> provincialTies,
            Map<Province, Integer> highSchoolYears,
            LocalDate latestClinicalActivityDate, List<VerifiedFact> verified, List<FactCheck> facts, String medicalSchool) {

        static ApplicantProfile of(String cycleId, Identity i, ApplicantFacts f, List<VerifiedFacts.Fact> verified,
                List<FactVerificationService.FactLine> checks, String medicalSchool) {
            // Ties sorted by code; high-school years in the order of Province (east to west), as the API has always given them.
            List<Province> ties = f.provincialTies().stream().sorted(Comparator.comparing(Province::name)).toList();
            Map<Province, Integer> years = new EnumMap<>(Province.class);
            years.putAll(f.highSchoolYears());
            return new ApplicantProfile(cycleId, i.applicantId(), i.familyName(), i.givenNames(), i.dateOfBirth(), i.email(), i.minc(),
                    i.mccCandidateCode(), f.category(), f.citizenship(), f.status(), f.mdGraduationDate(), f.priorPostgraduateTraining(),
                    f.fellowshipCanadaUs(), f.mccqe1(), f.nac(), f.cmqApproval(), f.militaryTrainingPlanMember(), ties, years,
                    f.latestClinicalActivityDate(), verified.stream().map(VerifiedFact::of).toList(),
                    checks.stream().map(FactCheck::of).toList(),
                    medicalSchool);
        }
    }

    /** A fact verified by a source; a partner list's version only for that source. */
    record VerifiedFact(String field, VerifiedFacts.Source source, Integer listVersion) {

        static VerifiedFact of(VerifiedFacts.Fact v) {
            return new VerifiedFact(v.field(), v.source(), v.source() == VerifiedFacts.Source.QIMG_LIST ? v.listVersion() : null);
        }
    }

    /** One fact's verification: the cycle's policy, where it stands, and what the applicant can do. */
    record FactCheck(ProfileFact fact, VerificationPolicy policy, List<Verifier> verifiedBy, DocumentKind document, String state,
            Verifier verifier, String decidedBy, LocalDate decidedOn, LocalizedText refusal, String code, LocalizedText nextStep) {

        static FactCheck of(FactVerificationService.FactLine line) {
            boolean byList = line.qimgVersion() != null;
            boolean decided = line.status().state() != FactStatus.State.AWAITING_VERIFICATION;
            boolean open = line.state().equals("AWAITING_VERIFICATION") || line.state().equals("REFUSED");
            var policy = line.policy();
            return new FactCheck(line.fact(), policy.policy(), policy.verifiedBy(), policy.document(), line.state(),
                    byList ? Verifier.PARTNER_LIST : decided ? line.status().verifier() : null,
                    byList ? "BCI's QIMG list, version " + line.qimgVersion() : decided ? line.status().decidedBy() : null,
                    !byList && decided ? line.status().decidedOn() : null, text(line.status().refusal()),
                    open ? policy.unverified().code() : null, open ? text(policy.unverified().nextStep().action()) : null);
        }
    }

    record CaseList(String cycle, List<ReconciliationCase> cases) {
    }

    record ReconciliationCase(long id, String cycle, String applicantId, String code, ListKind listKind, int listVersion, CaseStatus status,
            LocalizedText summary, LocalDateTime openedAt, LocalDateTime closedAt, String closedBy, String resolution,
            List<CaseCommentEntry> comments) {

        static ReconciliationCase of(org.residencymatch.reconciliation.ReconciliationCase c) {
            return new ReconciliationCase(c.id(), c.cycleId(), c.applicantId(), c.code(), c.listKind(), c.listVersion(), c.status(),
                    text(c.summaryEn(), c.summaryFr()), c.openedAt(), c.closedAt(), c.closedBy(), c.resolution(),
                    c.comments().stream().map(comment -> new CaseCommentEntry(comment.author(), comment.writtenAt(), comment.body()))
                            .toList());
        }
    }

    record CaseCommentEntry(String author, LocalDateTime writtenAt, String body) {
    }

    /** The request to comment on a case. */
    record CaseComment(String body) {

        CaseComment {
            body = ApiRequests.requiredText("body", body);
        }
    }

    /** The request to resolve a case, with the resolution's note. */
    record CaseResolution(String resolution) {

        CaseResolution {
            resolution = ApiRequests.requiredText("resolution", resolution);
        }
    }
}
