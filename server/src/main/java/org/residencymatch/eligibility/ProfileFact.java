package org.residencymatch.eligibility;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A fact of the applicant's profile that the eligibility rules read and that someone other than the
 * applicant may have to verify. Each rules file says, per fact, whether it is self-declared or
 * verified, by whom and under which policy ({@link FactPolicy}); the rules know which fact each of
 * their conditions reads.
 */
public enum ProfileFact {
    /** CMG or IMG. */
    CATEGORY("category"),
    /** Canadian citizenship or permanent residence. */
    CITIZENSHIP("citizenship"),
    /** The medical degree and its date. */
    DEGREE("degree"),
    /** The MCCQE Part I and NAC results. */
    MCC_EXAMS("mccExams"),
    /** The CMQ approval and its contingent. */
    CMQ_APPROVAL("cmqApproval"),
    /** Residency or return-of-service ties to a province. */
    PROVINCIAL_TIES("provincialTies"),
    /** Membership of a military medical training plan (MOTP/MMTP). */
    MILITARY_PLAN("militaryPlan");

    /** How a rules file's {@code verification} section names the fact. */
    public final String field;

    ProfileFact(String field) {
        this.field = field;
    }

    /** The reason code a rule gives while the fact is not verified, e.g. {@code CITIZENSHIP_NOT_VERIFIED}. */
    public String notVerifiedCode() {
        return name() + "_NOT_VERIFIED";
    }

    /** The fact's value in a profile, to tell whether a declaration changed it. */
    public Object valueIn(ApplicantFacts facts) {
        return switch (this) {
            case CATEGORY -> facts.category();
            case CITIZENSHIP -> facts.citizenship();
            case DEGREE -> facts.mdGraduationDate();
            case MCC_EXAMS -> List.of(facts.mccqe1(), facts.nac());
            case CMQ_APPROVAL -> facts.cmqApproval();
            case PROVINCIAL_TIES -> facts.provincialTies();
            case MILITARY_PLAN -> facts.militaryTrainingPlanMember();
        };
    }

    /**
     * Whether the declaration claims something a document could prove: a "no" (no CMQ approval, no tie
     * to a province, no military plan) has nothing to upload for, so the profile page offers no upload.
     */
    public boolean claimedIn(ApplicantFacts facts) {
        return switch (this) {
            case CMQ_APPROVAL -> facts.cmqApproval() != CmqApproval.NONE;
            case PROVINCIAL_TIES -> !facts.provincialTies().isEmpty();
            case MILITARY_PLAN -> facts.militaryTrainingPlanMember();
            default -> true;
        };
    }

    /** The facts whose value differs between two profiles of one applicant. */
    public static Set<ProfileFact> changed(ApplicantFacts before, ApplicantFacts after) {
        Set<ProfileFact> changed = EnumSet.noneOf(ProfileFact.class);
        for (ProfileFact fact : values()) {
            if (!Objects.equals(fact.valueIn(before), fact.valueIn(after))) changed.add(fact);
        }
        return changed;
    }

    public static Optional<ProfileFact> named(String field) {
        return Arrays.stream(values()).filter(fact -> fact.field.equals(field)).findFirst();
    }
}
