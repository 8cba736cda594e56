package org.residencymatch.applicant;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.residencymatch.NotFoundException;
import org.residencymatch.audit.AuditLog;
import org.residencymatch.cycle.Cycle;
import org.residencymatch.cycle.CycleAction;
import org.residencymatch.cycle.CycleRepository;
import org.residencymatch.eligibility.ApplicantFacts;
import org.residencymatch.eligibility.ProfileFact;
import org.residencymatch.lists.ListRepository;
import org.residencymatch.reconciliation.ReconciliationService;

/**
 * Creates and corrects applicants' identities and profiles. Each change is one transaction with its
 * audit row and the reconciliation of the applicant's cases against the lists.
 */
public final class ProfileService {

    private final Jdbi jdbi;
    private final CycleRepository cycles;
    private final ApplicantRepository applicants;
    private final ListRepository lists;
    private final ReconciliationService reconciliation;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ProfileChangeListener listener;

    /** Told, inside the change's transaction, that an applicant's facts or their verification changed. */
    @FunctionalInterface
    public interface ProfileChangeListener {
        void changed(Handle h, String cycleId, String applicantId);
    }

    /** What a save did: whether it created the applicant, and which verified or refused facts it sent back to awaiting verification. */
    public record Saved(boolean created, List<ProfileFact> reopened) {
    }

    public ProfileService(Jdbi jdbi, CycleRepository cycles, ApplicantRepository applicants, ListRepository lists,
            ReconciliationService reconciliation, AuditLog auditLog, Clock clock, ProfileChangeListener listener) {
        this.cycles = cycles;
        this.listener = listener;
        this.jdbi = jdbi;
        this.applicants = applicants;
        this.lists = lists;
        this.reconciliation = reconciliation;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Creates the applicant or corrects their identity and profile for the cycle.
     *
     * @return whether the applicant was created (rather than corrected)
     */
    public boolean save(String cycleId, Identity identity, ApplicantFacts facts, String actor) {
        if (!identity.applicantId().equals(facts.applicantId())) {
            throw new IllegalArgumentException("identity and profile are of different applicants");
        }
        return jdbi.inTransaction(h -> save(h, cycleId, identity, facts, actor)).created();
    }

    /**
     * Saves identity and profile; a fact whose value changes loses its verification decision (verified
     * or refused): it is awaiting verification again, and the audit log says so.
     */
    private Saved save(Handle h, String cycleId, Identity identity, ApplicantFacts facts, String actor) {
        LocalDateTime now = LocalDateTime.now(clock);
        boolean created = applicants.findIdentity(h, identity.applicantId()).isEmpty();
        ApplicantFacts before = applicants.findProfile(h, cycleId, identity.applicantId()).orElse(null);
        applicants.saveIdentity(h, identity, now);
        applicants.saveProfile(h, cycleId, facts, actor, now);
        auditLog.record(h, actor, created ? "applicant.created" : "applicant.corrected", "applicant:" + identity.applicantId(),
                "cycle " + cycleId);
        List<ProfileFact> reopened = new ArrayList<>();
        if (before != null) {
            for (ProfileFact fact : ProfileFact.changed(before, facts)) {
                if (applicants.reopen(h, cycleId, identity.applicantId(), fact)) {
                    reopened.add(fact);
                    auditLog.record(h, actor, "applicant.fact.reopened", "applicant:" + identity.applicantId(),
                            "cycle " + cycleId + ": " + fact + " changed, awaiting verification again");
                }
            }
        }
        reconciliation.syncApplicant(h, cycleId, facts, lists.forApplicant(h, cycleId, facts.applicantId()));
        listener.changed(h, cycleId, identity.applicantId());
        return new Saved(created, List.copyOf(reopened));
    }

    /**
     * Saves what an applicant declares about themselves. The facts others verify ({@link VerifiedFacts})
     * must be those of their current profile (or unset, for a first profile); otherwise nothing is saved.
     *
     * A change to a fact that was verified or refused sends it back to awaiting verification: the
     * result names those facts, so the applicant is told.
     *
     * @throws VerifiedFacts.ChangeRefusedException naming the verified fields the submission changes
     */
    public List<ProfileFact> saveDeclared(String cycleId, ApplicantFacts submitted, String actor) {
        return saveDeclared(cycleId, submitted, null, actor);
    }

    /**
     * Whether applicants may change the profile they declare now: during registration and program
     * selection of the first iteration ({@link CycleAction#CHANGE_PROFILE}); a page shows it read-only otherwise.
     */
    public boolean declarable(String cycleId) {
        return cycle(cycleId).isOpen(CycleAction.CHANGE_PROFILE, 1, LocalDateTime.now(clock));
    }

    /**
     * Refuses a change to a declared profile outside its phases ({@code OUTSIDE_PHASE}); {@link #saveDeclared}
     * checks it too, a request checks it first so that it is refused before its body is read.
     */
    public void requireDeclarable(String cycleId) {
        cycle(cycleId).require(CycleAction.CHANGE_PROFILE, 1, LocalDateTime.now(clock));
    }

    private Cycle cycle(String cycleId) {
        return cycles.find(cycleId).orElseThrow(() -> new NotFoundException("cycle", cycleId));
    }

    /**
     * The medical school an applicant declares: a Canadian faculty's id, or null for none. That faculty
     * verifies the facts the cycle lets a faculty verify ({@link FacultyVerification}).
     */
    public record MedicalSchool(String facultyId) {
    }

    /**
     * As {@link #saveDeclared(String, ApplicantFacts, String)}, with the medical school declared in the
     * same transaction ({@code school} null: left as it is). A change of school sends back to awaiting
     * verification each fact a faculty had decided, and names it among the facts reopened.
     *
     * @throws IllegalArgumentException when the school is no Canadian faculty
     */
    public List<ProfileFact> saveDeclared(String cycleId, ApplicantFacts submitted, MedicalSchool school, String actor) {
        requireDeclarable(cycleId);
        String applicantId = submitted.applicantId();
        return jdbi.inTransaction(h -> {
            Identity identity = applicants.findIdentity(h, applicantId).orElseThrow(() -> new NotFoundException("applicant", applicantId));
            ApplicantFacts current = applicants.findProfile(h, cycleId, applicantId)
                    .orElse(ApplicantFacts.builder(applicantId, submitted.category()).build());
            VerifiedFacts.requireUnchanged(current, submitted, lists.forApplicant(h, cycleId, applicantId));
            List<ProfileFact> reopened = new ArrayList<>(save(h, cycleId, identity, submitted, actor).reopened());
            if (school != null) {
                for (ProfileFact fact : declareSchool(h, cycleId, applicantId, school.facultyId(), actor)) {
                    if (!reopened.contains(fact)) reopened.add(fact);
                }
                listener.changed(h, cycleId, applicantId);
            }
            return List.copyOf(reopened);
        });
    }

    /** Records the school; when it changes, what a faculty had decided goes back to awaiting verification. Returns those facts. */
    private List<ProfileFact> declareSchool(Handle h, String cycleId, String applicantId, String facultyId, String actor) {
        if (facultyId != null && !applicants.faculties(h).containsKey(facultyId)) {
            throw new IllegalArgumentException("no Canadian faculty has the id " + facultyId);
        }
        String before = applicants.findMedicalSchool(h, cycleId, applicantId).orElse(null);
        if (java.util.Objects.equals(before, facultyId)) return List.of();
        applicants.saveMedicalSchool(h, cycleId, applicantId, facultyId, actor, LocalDateTime.now(clock));
        auditLog.record(h, actor, "applicant.medicalSchool.declared", "applicant:" + applicantId,
                "cycle " + cycleId + ": " + (before == null ? "none" : before) + " -> " + (facultyId == null ? "none" : facultyId));
        List<ProfileFact> reopened = new ArrayList<>();
        var checks = applicants.findChecks(h, cycleId, applicantId);
        for (ProfileFact fact : ProfileFact.values()) {
            if (checks.status(fact).verifier() == org.residencymatch.eligibility.Verifier.FACULTY
                    && applicants.reopen(h, cycleId, applicantId, fact)) {
                reopened.add(fact);
                auditLog.record(h, actor, "applicant.fact.reopened", "applicant:" + applicantId,
                        "cycle " + cycleId + ": " + fact
                                + " was decided by a faculty and the medical school changed, awaiting verification again");
            }
        }
        return reopened;
    }

    /** The Canadian faculty the applicant declares as their medical school, if any. */
    public Optional<String> medicalSchool(String cycleId, String applicantId) {
        return jdbi.withHandle(h -> applicants.findMedicalSchool(h, cycleId, applicantId));
    }

    /** The Canadian faculties an applicant may name as their medical school, by id, with their names. */
    public java.util.Map<String, org.residencymatch.eligibility.LocalizedText> faculties() {
        return jdbi.withHandle(applicants::faculties);
    }

    /** The facts of an applicant that others verify, as of the current partner lists. */
    public List<VerifiedFacts.Fact> verifiedFacts(String cycleId, String applicantId) {
        return jdbi.withHandle(h -> VerifiedFacts.of(lists.forApplicant(h, cycleId, applicantId)));
    }

    public Optional<Identity> identity(String applicantId) {
        return jdbi.withHandle(h -> applicants.findIdentity(h, applicantId));
    }

    public Optional<ApplicantFacts> profile(String cycleId, String applicantId) {
        return jdbi.withHandle(h -> applicants.findProfile(h, cycleId, applicantId));
    }

    /** Every committed version of the cycle's partner lists that names the applicant, newest first per list. */
    public List<org.residencymatch.lists.ListRepository.Membership> memberships(String cycleId, String applicantId) {
        return jdbi.withHandle(h -> lists.membershipsOf(h, cycleId, applicantId));
    }
}
