package org.residencymatch.applicant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.residencymatch.eligibility.ApplicantCategory;
import org.residencymatch.eligibility.ApplicantFacts;
import org.residencymatch.eligibility.Citizenship;
import org.residencymatch.eligibility.CmqApproval;
import org.residencymatch.eligibility.ExamResult;
import org.residencymatch.eligibility.FactChecks;
import org.residencymatch.eligibility.FactStatus;
import org.residencymatch.eligibility.LocalizedText;
import org.residencymatch.eligibility.ProfileFact;
import org.residencymatch.eligibility.Verifier;
import org.residencymatch.eligibility.StudyStatus;
import org.residencymatch.program.Province;

/** Applicants' identities and, per cycle, the profile facts that eligibility reads. */
public final class ApplicantRepository {

    public Optional<Identity> findIdentity(Handle h, String applicantId) {
        return h.createQuery("SELECT * FROM applicant WHERE id = :id").bind("id", applicantId)
                .map((rs, ctx) -> identity(rs)).findOne();
    }

    /** Creates the applicant, or corrects their identity if they exist. */
    public void saveIdentity(Handle h, Identity identity, LocalDateTime now) {
        boolean exists = h.createQuery("SELECT COUNT(*) FROM applicant WHERE id = :id").bind("id", identity.applicantId())
                .mapTo(Integer.class).one() > 0;
        if (exists) {
            h.execute("UPDATE applicant SET family_name = ?, given_names = ?, date_of_birth = ?, email = ?, minc = ?, "
                    + "mcc_candidate_code = ?, name_key = ? WHERE id = ?",
                    identity.familyName(), identity.givenNames(), identity.dateOfBirth(), identity.email(), identity.minc(),
                    identity.mccCandidateCode(), ApplicantDirectory.nameKey(identity.familyName(), identity.givenNames()),
                    identity.applicantId());
        } else {
            h.execute(
                    "INSERT INTO applicant (id, family_name, given_names, date_of_birth, email, minc, mcc_candidate_code, name_key, created_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    identity.applicantId(), identity.familyName(), identity.givenNames(), identity.dateOfBirth(), identity.email(),
                    identity.minc(), identity.mccCandidateCode(), ApplicantDirectory.nameKey(identity.familyName(), identity.givenNames()),
                    now);
        }
    }

    /** Creates or replaces the applicant's profile for a cycle. */
    public void saveProfile(Handle h, String cycleId, ApplicantFacts facts, String author, LocalDateTime now) {
        h.execute("DELETE FROM applicant_profile WHERE cycle_id = ? AND applicant_id = ?", cycleId, facts.applicantId());
        h.execute("INSERT INTO applicant_profile (cycle_id, applicant_id, category, citizenship, study_status, graduation_date, "
                + "prior_residency_canada_us, fellowship_canada_us, mccqe1, nac, cmq_approval, military_plan, provincial_ties, "
                + "high_school_years, latest_clinical_activity_date, updated_at, updated_by) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                cycleId, facts.applicantId(), facts.category().name(), facts.citizenship().name(), facts.status().name(),
                facts.mdGraduationDate(), facts.priorPostgraduateTraining(), facts.fellowshipCanadaUs(), facts.mccqe1().name(),
                facts.nac().name(), facts.cmqApproval().name(), facts.militaryTrainingPlanMember(),
                encodeTies(facts.provincialTies()), encodeYears(facts.highSchoolYears()), facts.latestClinicalActivityDate(),
                now, author);
    }

    /** The applicant's profile for the cycle, with the verification status of each fact. */
    public Optional<ApplicantFacts> findProfile(Handle h, String cycleId, String applicantId) {
        return h.createQuery("SELECT * FROM applicant_profile WHERE cycle_id = :cycle AND applicant_id = :id")
                .bind("cycle", cycleId).bind("id", applicantId)
                .map((rs, ctx) -> facts(rs)).findOne()
                .map(facts -> facts.withChecks(findChecks(h, cycleId, applicantId)));
    }

    public List<ApplicantFacts> allProfiles(Handle h, String cycleId) {
        Map<String, Map<ProfileFact, FactStatus>> checks = new HashMap<>();
        h.createQuery("""
                SELECT * FROM applicant_fact_check WHERE cycle_id = :cycle""")
                .bind("cycle", cycleId)
                .map((rs, ctx) -> {
                    checks.computeIfAbsent(rs.getString("applicant_id"), id -> new EnumMap<>(ProfileFact.class))
                            .put(ProfileFact.valueOf(rs.getString("fact")), status(rs));
                    return null;
                }).list();
        return h.createQuery("SELECT * FROM applicant_profile WHERE cycle_id = :cycle ORDER BY applicant_id")
                .bind("cycle", cycleId).map((rs, ctx) -> facts(rs)).list().stream()
                .map(f -> f.withChecks(FactChecks.of(checks.getOrDefault(f.applicantId(), Map.of())))).toList();
    }

    /** When each applicant's profile in the cycle was last declared or corrected. */
    public Map<String, LocalDateTime> declaredAt(Handle h, String cycleId) {
        Map<String, LocalDateTime> at = new HashMap<>();
        h.createQuery("""
                SELECT applicant_id, updated_at FROM applicant_profile WHERE cycle_id = :cycle""")
                .bind("cycle", cycleId)
                .map((rs, ctx) -> at.put(rs.getString("applicant_id"), rs.getObject("updated_at", LocalDateTime.class))).list();
        return at;
    }

    /** What has been verified or refused of the applicant's facts in the cycle; the rest awaits verification. */
    public FactChecks findChecks(Handle h, String cycleId, String applicantId) {
        Map<ProfileFact, FactStatus> statuses = new EnumMap<>(ProfileFact.class);
        h.createQuery("""
                SELECT * FROM applicant_fact_check WHERE cycle_id = :cycle AND applicant_id = :id""")
                .bind("cycle", cycleId).bind("id", applicantId)
                .map((rs, ctx) -> {
                    statuses.put(ProfileFact.valueOf(rs.getString("fact")), status(rs));
                    return null;
                }).list();
        return FactChecks.of(statuses);
    }

    /** Records a verification decision (verified or refused), replacing any earlier one. */
    public void saveCheck(Handle h, String cycleId, String applicantId, ProfileFact fact, FactStatus status, String author,
            LocalDateTime now) {
        if (status.state() == FactStatus.State.AWAITING_VERIFICATION) {
            throw new IllegalArgumentException("awaiting verification is the absence of a decision: use reopen");
        }
        reopen(h, cycleId, applicantId, fact);
        h.createUpdate("""
                INSERT INTO applicant_fact_check (cycle_id, applicant_id, fact, state, verifier, decided_by, decided_on,
                    refusal_en, refusal_fr, updated_at, updated_by)
                VALUES (:cycle, :applicant, :fact, :state, :verifier, :decidedBy, :decidedOn, :refusalEn, :refusalFr, :now, :author)""")
                .bind("cycle", cycleId).bind("applicant", applicantId).bind("fact", fact.name()).bind("state", status.state().name())
                .bind("verifier", status.verifier().name()).bind("decidedBy", status.decidedBy()).bind("decidedOn", status.decidedOn())
                .bind("refusalEn", status.refusal() == null ? null : status.refusal().en())
                .bind("refusalFr", status.refusal() == null ? null : status.refusal().fr())
                .bind("now", now).bind("author", author)
                .execute();
    }

    /** Sends a fact back to awaiting verification; true if it had been verified or refused. */
    public boolean reopen(Handle h, String cycleId, String applicantId, ProfileFact fact) {
        return h.createUpdate("""
                DELETE FROM applicant_fact_check WHERE cycle_id = :cycle AND applicant_id = :applicant AND fact = :fact""")
                .bind("cycle", cycleId).bind("applicant", applicantId).bind("fact", fact.name()).execute() > 0;
    }

    /** The Canadian faculty the applicant declares as their medical school in the cycle, if any. */
    public Optional<String> findMedicalSchool(Handle h, String cycleId, String applicantId) {
        return h.createQuery("SELECT faculty_id FROM applicant_medical_school WHERE cycle_id = :cycle AND applicant_id = :id")
                .bind("cycle", cycleId).bind("id", applicantId).mapTo(String.class).findOne();
    }

    /** Records the applicant's medical school (a faculty's id), or that they name none (null). */
    public void saveMedicalSchool(Handle h, String cycleId, String applicantId, String facultyId, String author, LocalDateTime now) {
        h.execute("DELETE FROM applicant_medical_school WHERE cycle_id = ? AND applicant_id = ?", cycleId, applicantId);
        if (facultyId == null) return;
        h.execute(
                "INSERT INTO applicant_medical_school (cycle_id, applicant_id, faculty_id, declared_at, declared_by) VALUES (?, ?, ?, ?, ?)",
                cycleId, applicantId, facultyId, now, author);
    }

    /** The applicants of the cycle who declare this faculty as their medical school. */
    public Set<String> studentsOf(Handle h, String cycleId, String facultyId) {
        return Set
                .copyOf(h.createQuery("SELECT applicant_id FROM applicant_medical_school WHERE cycle_id = :cycle AND faculty_id = :faculty")
                        .bind("cycle", cycleId).bind("faculty", facultyId).mapTo(String.class).list());
    }

    /** The Canadian faculties, by id, with their names in English and French, in the order of their ids. */
    public Map<String, LocalizedText> faculties(Handle h) {
        Map<String, LocalizedText> faculties = new java.util.TreeMap<>();
        h.createQuery("SELECT id, name, name_fr FROM faculty").map((rs, ctx) -> faculties.put(rs.getString("id"),
                new LocalizedText(rs.getString("name"), rs.getString("name_fr")))).list();
        return faculties;
    }

    private static FactStatus status(ResultSet rs) throws SQLException {
        String en = rs.getString("refusal_en");
        return new FactStatus(FactStatus.State.valueOf(rs.getString("state")), Verifier.valueOf(rs.getString("verifier")),
                rs.getString("decided_by"), rs.getObject("decided_on", LocalDate.class),
                en == null ? null : new LocalizedText(en, rs.getString("refusal_fr")));
    }

    private static Identity identity(ResultSet rs) throws SQLException {
        return new Identity(rs.getString("id"), rs.getString("family_name"), rs.getString("given_names"),
                rs.getObject("date_of_birth", LocalDate.class), rs.getString("email"), rs.getString("minc"),
                rs.getString("mcc_candidate_code"));
    }

    private static ApplicantFacts facts(ResultSet rs) throws SQLException {
        return new ApplicantFacts(
                rs.getString("applicant_id"),
                ApplicantCategory.valueOf(rs.getString("category")),
                Citizenship.valueOf(rs.getString("citizenship")),
                StudyStatus.valueOf(rs.getString("study_status")),
                rs.getObject("graduation_date", LocalDate.class),
                rs.getBoolean("prior_residency_canada_us"),
                rs.getBoolean("fellowship_canada_us"),
                ExamResult.valueOf(rs.getString("mccqe1")),
                ExamResult.valueOf(rs.getString("nac")),
                CmqApproval.valueOf(rs.getString("cmq_approval")),
                rs.getBoolean("military_plan"),
                decodeTies(rs.getString("provincial_ties")),
                decodeYears(rs.getString("high_school_years")),
                rs.getObject("latest_clinical_activity_date", LocalDate.class),
                FactChecks.none());
    }

    static String encodeTies(Set<Province> ties) {
        return ties.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static Set<Province> decodeTies(String text) {
        Set<Province> ties = EnumSet.noneOf(Province.class);
        for (String code : text.split(",")) if (!code.isBlank()) ties.add(Province.valueOf(code.trim()));
        return ties;
    }

    static String encodeYears(Map<Province, Integer> years) {
        return years.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().name() + ":" + e.getValue()).collect(Collectors.joining(","));
    }

    static Map<Province, Integer> decodeYears(String text) {
        Map<Province, Integer> years = new EnumMap<>(Province.class);
        for (String pair : text.split(",")) {
            if (pair.isBlank()) continue;
            String[] parts = pair.split(":");
            years.put(Province.valueOf(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        }
        return years;
    }
}
