package org.residencymatch.applicant;

import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.residencymatch.NotFoundException;
import org.residencymatch.applicant.FactVerificationService.FactDecision;
import org.residencymatch.eligibility.ApplicantCategory;
import org.residencymatch.eligibility.FactStatus;
import org.residencymatch.eligibility.LocalizedText;
import org.residencymatch.eligibility.ProfileFact;
import org.residencymatch.eligibility.Verifier;

/**
 * A Canadian faculty verifies the facts the cycle lets a faculty verify (a CMG's category, their
 * degree) for its own students: the CMGs who declare it as their medical school (issue #18, point 4).
 * Its program staff see those students' facts awaiting verification, oldest declaration first, and
 * accept or refuse each, or a document that proves them, exactly as the operator does ({@link
 * FactVerificationService}, {@link DocumentService}): the decision, its audit row, the applicant's
 * notification and the re-check of their catalogue in one transaction, the faculty named as the one
 * who decided. Anyone else, another faculty's student or an IMG, does not exist for the faculty: {@link
 * NotFoundException}.
 */
public final class FacultyVerification {

    private final Jdbi jdbi;
    private final ApplicantRepository applicants;
    private final FactVerificationService facts;
    private final DocumentService documents;

    public FacultyVerification(Jdbi jdbi, ApplicantRepository applicants, FactVerificationService facts, DocumentService documents) {
        this.jdbi = jdbi;
        this.applicants = applicants;
        this.facts = facts;
        this.documents = documents;
    }

    /** Whether the applicant is one of the faculty's own CMG students in the cycle (declares it as their medical school). */
    public boolean isStudent(String cycleId, String facultyId, String applicantId) {
        if (facultyId == null) return false;
        return jdbi.withHandle(h -> applicants.findMedicalSchool(h, cycleId, applicantId).filter(facultyId::equals).isPresent()
                && applicants.findProfile(h, cycleId, applicantId).map(p -> p.category() == ApplicantCategory.CMG).orElse(false));
    }

    /**
     * The faculty's queue: its CMG students' facts that await verification and that the cycle lets a
     * faculty verify, the oldest declaration first, at most {@code limit}.
     */
    public List<FactVerificationService.Awaiting> queue(String cycleId, String facultyId, int limit) {
        Set<String> students = jdbi.withHandle(h -> applicants.studentsOf(h, cycleId, facultyId));
        if (students.isEmpty()) return List.of();
        // The whole cycle's queue, filtered: the faculty's students are few, the operator's queue is bounded by the cycle's profiles.
        Set<String> cmg = jdbi.withHandle(h -> {
            java.util.Set<String> found = new java.util.HashSet<>();
            for (String id : students) {
                applicants.findProfile(h, cycleId, id).filter(p -> p.category() == ApplicantCategory.CMG).ifPresent(p -> found.add(id));
            }
            return found;
        });
        return facts.queue(cycleId, Integer.MAX_VALUE).stream()
                .filter(a -> cmg.contains(a.applicantId()) && a.policy().verifiedBy().contains(Verifier.FACULTY))
                .limit(limit)
                .toList();
    }

    /** The faculty's name as the applicant is shown who decided (its English name, as the faculty signs). */
    public LocalizedText name(String facultyId) {
        LocalizedText name = jdbi.withHandle(applicants::faculties).get(facultyId);
        if (name == null) throw new NotFoundException("faculty", facultyId);
        return name;
    }

    /**
     * The faculty verifies one fact of its student as declared ({@code refusal} null) or refuses it
     * with a reason in English and French.
     *
     * @throws NotFoundException when the applicant is not the faculty's own CMG student in the cycle
     * @throws FactVerificationService.NotAVerifierException when the cycle does not let a faculty verify the fact
     */
    public FactStatus decide(String cycleId, String facultyId, String applicantId, ProfileFact fact, LocalizedText refusal, String actor) {
        requireStudent(cycleId, facultyId, applicantId);
        return facts.decide(cycleId, applicantId, fact, decision(facultyId, refusal), actor);
    }

    /**
     * The faculty accepts or refuses a document of its student: the facts it proves that a faculty
     * verifies are decided with it.
     *
     * @throws NotFoundException when the applicant is not the faculty's own CMG student, or has no such document
     * @throws FactVerificationService.NotAVerifierException when the document proves nothing a faculty verifies
     */
    public List<ProfileFact> decideDocument(String cycleId, String facultyId, String applicantId, long documentId, LocalizedText refusal,
            String actor) {
        requireStudent(cycleId, facultyId, applicantId);
        return documents.decide(cycleId, applicantId, documentId, decision(facultyId, refusal), actor);
    }

    private FactDecision decision(String facultyId, LocalizedText refusal) {
        String name = name(facultyId).en(); // recorded as the verifier's name, in English as every stored name
        return refusal == null ? FactDecision.accepted(Verifier.FACULTY, name) : FactDecision.refused(Verifier.FACULTY, name, refusal);
    }

    private void requireStudent(String cycleId, String facultyId, String applicantId) {
        if (!isStudent(cycleId, facultyId, applicantId)) throw new NotFoundException("applicant", applicantId);
    }
}
