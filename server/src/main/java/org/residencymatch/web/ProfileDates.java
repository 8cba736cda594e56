package org.residencymatch.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.residencymatch.eligibility.ApplicantFacts;
import org.residencymatch.eligibility.StudyStatus;

/**
 * The profile form's dates that parse but cannot be true, each as the field and why
 * ({@code field.reason}, the key of its message under {@code profile.error.}): a graduate's MD date
 * or the end of a past practice in the future. A final-year student's MD date is expected, so it may
 * be in the future.
 */
final class ProfileDates {

    private ProfileDates() {
    }

    static List<String> problems(ApplicantFacts facts, LocalDate today) {
        List<String> problems = new ArrayList<>();
        if (facts.status() == StudyStatus.GRADUATE && facts.mdGraduationDate() != null && facts.mdGraduationDate().isAfter(today)) {
            problems.add("graduationDate.future");
        }
        if (facts.latestClinicalActivityDate() != null && facts.latestClinicalActivityDate().isAfter(today)) {
            problems.add("latestClinicalActivityDate.future");
        }
        return problems;
    }
}
