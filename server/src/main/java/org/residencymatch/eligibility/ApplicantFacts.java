package org.residencymatch.eligibility;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.residencymatch.program.Province;

/**
 * What the eligibility rules know about an applicant. The service maps its profile rows into this;
 * the engine never reads anything else.
 *
 * @param applicantId the match system's applicant id
 * @param category CMG or IMG
 * @param citizenship citizen, permanent resident or other
 * @param status final-year student or graduate
 * @param mdGraduationDate the MD date, or the expected date for a student; null if unknown
 * @param priorPostgraduateTraining previous accredited residency training in Canada or the USA
 *     (self-declared)
 * @param fellowshipCanadaUs a fellowship in Canada or the USA (counts as postgraduate training in
 *     Québec)
 * @param mccqe1 MCCQE Part I result from the MCC feed
 * @param nac NAC result from the MCC feed
 * @param cmqApproval the CMQ contingent the applicant declares
 * @param militaryTrainingPlanMember member of MOTP or MMTP
 * @param provincialTies provinces the applicant has a residency or return-of-service tie with
 * @param highSchoolYears years of high school completed per province
 * @param latestClinicalActivityDate end of the latest residency or clinical practice, or null; used
 *     with the MD date for Québec's recency criterion
 * @param checks which of these facts someone has verified or refused ({@link FactChecks}); a rule
 *     resting on a fact that is not verified is marked, or pending, as the cycle's policy says
 */
public record ApplicantFacts(
        String applicantId,
        ApplicantCategory category,
        Citizenship citizenship,
        StudyStatus status,
        LocalDate mdGraduationDate,
        boolean priorPostgraduateTraining,
        boolean fellowshipCanadaUs,
        ExamResult mccqe1,
        ExamResult nac,
        CmqApproval cmqApproval,
        boolean militaryTrainingPlanMember,
        Set<Province> provincialTies,
        Map<Province, Integer> highSchoolYears,
        LocalDate latestClinicalActivityDate,
        FactChecks checks) {

    public ApplicantFacts {
        Objects.requireNonNull(checks, "checks");
        Objects.requireNonNull(applicantId, "applicantId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(citizenship, "citizenship");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(mccqe1, "mccqe1");
        Objects.requireNonNull(nac, "nac");
        Objects.requireNonNull(cmqApproval, "cmqApproval");
        provincialTies = Set.copyOf(provincialTies);
        highSchoolYears = Map.copyOf(highSchoolYears);
    }

    /** The result of one exam. */
    public ExamResult result(Exam exam) {
        return switch (exam) {
            case MCCQE1 -> mccqe1;
            case NAC -> nac;
        };
    }

    /** Years of high school completed in a province (0 if none recorded). */
    public int highSchoolYearsIn(Province province) {
        return highSchoolYears.getOrDefault(province, 0);
    }

    /** These facts with other verification statuses. */
    public ApplicantFacts withChecks(FactChecks value) {
        return toBuilder().checks(value).build();
    }

    /** A builder with neutral defaults; see {@link Builder}. */
    public static Builder builder(String applicantId, ApplicantCategory category) {
        return new Builder(applicantId, category);
    }

    /** A builder initialised with these facts, to derive a variation. */
    public Builder toBuilder() {
        Builder builder = new Builder(applicantId, category)
                .citizenship(citizenship)
                .status(status)
                .mdGraduationDate(mdGraduationDate)
                .priorPostgraduateTraining(priorPostgraduateTraining)
                .fellowshipCanadaUs(fellowshipCanadaUs)
                .mccqe1(mccqe1)
                .nac(nac)
                .cmqApproval(cmqApproval)
                .militaryTrainingPlanMember(militaryTrainingPlanMember)
                .latestClinicalActivityDate(latestClinicalActivityDate)
                .checks(checks);
        provincialTies.forEach(builder::provincialTie);
        highSchoolYears.forEach(builder::highSchoolYears);
        return builder;
    }

    /**
     * Builds {@link ApplicantFacts}. Defaults say nothing in the applicant's favour: citizenship
     * OTHER, graduate with no MD date, exams NOT_TAKEN, no CMQ approval, no training, no ties, and
     * nothing verified.
     */
    public static final class Builder {
        private final String applicantId;
        private final ApplicantCategory category;
        private Citizenship citizenship = Citizenship.OTHER;
        private StudyStatus status = StudyStatus.GRADUATE;
        private LocalDate mdGraduationDate;
        private boolean priorPostgraduateTraining;
        private boolean fellowshipCanadaUs;
        private ExamResult mccqe1 = ExamResult.NOT_TAKEN;
        private ExamResult nac = ExamResult.NOT_TAKEN;
        private CmqApproval cmqApproval = CmqApproval.NONE;
        private boolean militaryTrainingPlanMember;
        private final Set<Province> provincialTies = EnumSet.noneOf(Province.class);
        private final Map<Province, Integer> highSchoolYears = new EnumMap<>(Province.class);
        private LocalDate latestClinicalActivityDate;
        private FactChecks checks = FactChecks.none();

        private Builder(String applicantId, ApplicantCategory category) {
            this.applicantId = applicantId;
            this.category = category;
        }

        public Builder citizenship(Citizenship value) {
            citizenship = value;
            return this;
        }

        public Builder status(StudyStatus value) {
            status = value;
            return this;
        }

        public Builder mdGraduationDate(LocalDate value) {
            mdGraduationDate = value;
            return this;
        }

        public Builder priorPostgraduateTraining(boolean value) {
            priorPostgraduateTraining = value;
            return this;
        }

        public Builder fellowshipCanadaUs(boolean value) {
            fellowshipCanadaUs = value;
            return this;
        }

        public Builder mccqe1(ExamResult value) {
            mccqe1 = value;
            return this;
        }

        public Builder nac(ExamResult value) {
            nac = value;
            return this;
        }

        public Builder cmqApproval(CmqApproval value) {
            cmqApproval = value;
            return this;
        }

        public Builder militaryTrainingPlanMember(boolean value) {
            militaryTrainingPlanMember = value;
            return this;
        }

        public Builder provincialTie(Province province) {
            provincialTies.add(province);
            return this;
        }

        public Builder highSchoolYears(Province province, int years) {
            highSchoolYears.put(province, years);
            return this;
        }

        public Builder latestClinicalActivityDate(LocalDate value) {
            latestClinicalActivityDate = value;
            return this;
        }

        public Builder checks(FactChecks value) {
            checks = value;
            return this;
        }

        public ApplicantFacts build() {
            return new ApplicantFacts(
                    applicantId,
                    category,
                    citizenship,
                    status,
                    mdGraduationDate,
                    priorPostgraduateTraining,
                    fellowshipCanadaUs,
                    mccqe1,
                    nac,
                    cmqApproval,
                    militaryTrainingPlanMember,
                    provincialTies,
                    highSchoolYears,
                    latestClinicalActivityDate,
                    checks);
        }
    }
}
