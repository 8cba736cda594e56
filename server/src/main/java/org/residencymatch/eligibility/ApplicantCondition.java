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

    static ApplicantCondition categoryIn(Set<ApplicantCategory> categories) {
        return applicant -> categories.contains(applicant.category());
    }

    static ApplicantCondition citizenshipIn(Set<Citizenship> statuses) {
        return applicant -> statuses.contains(applicant.citizenship());
    }

    static ApplicantCondition cmqApprovalIn(Set<CmqApproval> approvals) {
        return applicant -> approvals.contains(applicant.cmqApproval());
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
        return ApplicantFacts::militaryTrainingPlanMember;
    }

    static ApplicantCondition provincialTie(Province province) {
        return applicant -> applicant.provincialTies().contains(province);
    }

    static ApplicantCondition examPassed(Exam exam) {
        return applicant -> applicant.result(exam) == ExamResult.PASSED;
    }

    static ApplicantCondition minimumHighSchoolYears(Province province, int years) {
        return applicant -> applicant.highSchoolYearsIn(province) >= years;
    }

    /** The MD (expected date for a student) is on or before {@code date}; an unknown date fails. */
    static ApplicantCondition graduatedBy(LocalDate date) {
        return applicant -> applicant.mdGraduationDate() != null && !applicant.mdGraduationDate().isAfter(date);
    }

    /**
     * The MD, or the latest residency or practice, falls within {@code years} before {@code reference}
     * (Québec's recency criterion).
     */
    static ApplicantCondition recentWithinYears(int years, LocalDate reference) {
        LocalDate earliest = reference.minusYears(years);
        return applicant -> onOrAfter(applicant.mdGraduationDate(), earliest)
                || onOrAfter(applicant.latestClinicalActivityDate(), earliest);
    }

    private static boolean onOrAfter(LocalDate date, LocalDate earliest) {
        return date != null && !date.isBefore(earliest);
    }
}
