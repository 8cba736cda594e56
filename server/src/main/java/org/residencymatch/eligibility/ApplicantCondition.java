package org.residencymatch.eligibility;

import java.time.LocalDate;
import java.util.Set;
import org.residencymatch.program.Province;

/**
 * A test on the applicant's own facts, compiled from one entry of the rules files' closed condition
 * vocabulary (see {@link RulesFileParser}). List membership is not an applicant condition: it has a
 * third outcome, "list not received", and {@link CompiledRule} handles it.
 */
@FunctionalInterface
interface ApplicantCondition {

    boolean holds(ApplicantFacts applicant);

    /** The verifiable fact this condition reads, or null if it reads only self-declared facts. */
    default ProfileFact fact() {
        return null;
    }

    /** A condition that reads a verifiable fact. */
    static ApplicantCondition reading(ProfileFact fact, ApplicantCondition test) {
        return new ApplicantCondition() {
            @Override
            public boolean holds(ApplicantFacts applicant) {
                return test.holds(applicant);
            }

            @Override
            public ProfileFact fact() {
                return fact;
            }
        };
    }

    static ApplicantCondition categoryIn(Set<ApplicantCategory> categories) {
        return reading(ProfileFact.CATEGORY, applicant -> categories.contains(applicant.category()));
    }

    static ApplicantCondition citizenshipIn(Set<Citizenship> statuses) {
        return reading(ProfileFact.CITIZENSHIP, applicant -> statuses.contains(applicant.citizenship()));
    }

    static ApplicantCondition cmqApprovalIn(Set<CmqApproval> approvals) {
        return reading(ProfileFact.CMQ_APPROVAL, applicant -> approvals.contains(applicant.cmqApproval()));
    }

    /** No previous accredited residency in Canada or the USA; a fellowship does not count. */
    static ApplicantCondition noPriorResidency() {
        return applicant -> !applicant.priorPostgraduateTraining();
    }

    /** Québec's reading: a fellowship in Canada or the USA counts as postgraduate training. */
    static ApplicantCondition noCanadaUsTrainingIncludingFellowship() {
        return applicant -> !applicant.priorPostgraduateTraining() && !applicant.fellowshipCanadaUs();
    }

    static ApplicantCondition militaryMember() {
        return reading(ProfileFact.MILITARY_PLAN, ApplicantFacts::militaryTrainingPlanMember);
    }

    static ApplicantCondition provincialTie(Province province) {
        return reading(ProfileFact.PROVINCIAL_TIES, applicant -> applicant.provincialTies().contains(province));
    }

    static ApplicantCondition examPassed(Exam exam) {
        return reading(ProfileFact.MCC_EXAMS, applicant -> applicant.result(exam) == ExamResult.PASSED);
    }

    static ApplicantCondition minimumHighSchoolYears(Province province, int years) {
        return applicant -> applicant.highSchoolYearsIn(province) >= years;
    }

    /** The MD (expected date for a student) is on or before {@code date}; an unknown date fails. */
    static ApplicantCondition graduatedBy(LocalDate date) {
        return reading(ProfileFact.DEGREE,
                applicant -> applicant.mdGraduationDate() != null && !applicant.mdGraduationDate().isAfter(date));
    }

    /**
     * The MD, or the latest residency or practice, falls within {@code years} before {@code reference}
     * (Québec's recency criterion).
     */
    static ApplicantCondition recentWithinYears(int years, LocalDate reference) {
        LocalDate earliest = reference.minusYears(years);
        return reading(ProfileFact.DEGREE, applicant -> onOrAfter(applicant.mdGraduationDate(), earliest)
                || onOrAfter(applicant.latestClinicalActivityDate(), earliest));
    }

    private static boolean onOrAfter(LocalDate date, LocalDate earliest) {
        return date != null && !date.isBefore(earliest);
    }
}
