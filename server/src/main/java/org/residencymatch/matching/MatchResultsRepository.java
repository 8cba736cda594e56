package org.residencymatch.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The results of a match run by person, as each party reads them: the operator every applicant of a
 * run, program staff their faculty's matched applicants, a partner body its own list's members. Reads
 * only; what may be read when is decided by {@link MatchRunService}.
 */
public final class MatchResultsRepository {

    /**
     * One applicant of a run: matched to a stream (with its program) or unmatched; {@code listLength}
     * is the length of the submitted rank order list the run read (the couple's for a partner in a couple).
     */
    public record Row(String applicantId, String givenNames, String familyName, String category, String streamId, String streamName,
            String site,
            String discipline, String faculty, String facultyFr, String province, int listLength) {
        public boolean matched() {
            return streamId != null;
        }

        public String name() {
            return givenNames == null ? applicantId : givenNames + " " + familyName;
        }
    }

    /**
     * An applicant matched to one of a faculty's streams, with the email to reach them; {@code sitesNamedInFrench} when the
     * faculty names its sites in French (see {@link org.residencymatch.program.ProgramStream#sitesNamedInFrench()}).
     */
    public record Matched(String streamId, String streamName, String site, String discipline, String applicantId, String givenNames,
            String familyName, String email, boolean sitesNamedInFrench) {
    }

    /** A member of a partner list, with what became of them in each released iteration (empty where not released). */
    public record Outcome(String applicantId, String minc, String familyName, String givenNames, String contingent,
            Map<Integer, Optional<Row>> byIteration) {
    }

    private static final String RESULTS = """
            SELECT m.applicant_id, a.given_names, a.family_name, p.category, m.stream_id, s.stream_name, s.site,
                   d.name AS discipline, f.name AS faculty, f.name_fr AS faculty_fr, f.province
            FROM match_assignment m
            JOIN match_run r ON r.id = m.run_id AND r.cycle_id = :c
            LEFT JOIN applicant a ON a.id = m.applicant_id
            LEFT JOIN applicant_profile p ON p.cycle_id = :c AND p.applicant_id = m.applicant_id
            LEFT JOIN program_stream s ON s.cycle_id = :c AND s.id = m.stream_id
            LEFT JOIN program g ON g.cycle_id = :c AND g.id = s.program_id
            LEFT JOIN discipline d ON d.id = g.discipline_id
            LEFT JOIN faculty f ON f.id = g.faculty_id
            WHERE m.run_id = :r
            ORDER BY a.family_name, a.given_names, m.applicant_id""";

    /** The length of each owner's newest submitted list of an iteration (applicants' and couples'). */
    private static final String LIST_LENGTHS = """
            SELECT l.owner_kind, l.owner_id, COUNT(e.position) AS entries
            FROM rank_list l LEFT JOIN rank_list_entry e ON e.rank_list_id = l.id
            WHERE l.id IN (SELECT MAX(x.id) FROM rank_list x
                           WHERE x.cycle_id = :c AND x.iteration = :i AND x.status = 'SUBMITTED' AND x.owner_kind IN ('APPLICANT', 'COUPLE')
                           GROUP BY x.owner_kind, x.owner_id)
            GROUP BY l.owner_kind, l.owner_id""";

    private static final String COUPLES = """
            SELECT id, first_applicant, second_applicant FROM couple WHERE cycle_id = :c AND iteration = :i AND status = 'ACTIVE'""";

    private static final String FACULTY_MATCHED = """
            SELECT m.stream_id, s.stream_name, s.site, d.name AS discipline, m.applicant_id, a.given_names, a.family_name,
                   COALESCE(a.email, (SELECT MIN(u.email) FROM user_account u WHERE u.applicant_id = a.id)) AS email,
                   f.name = f.name_fr AS sites_named_in_french
            FROM match_assignment m
            JOIN program_stream s ON s.cycle_id = :c AND s.id = m.stream_id
            JOIN program g ON g.cycle_id = :c AND g.id = s.program_id
            JOIN discipline d ON d.id = g.discipline_id
            JOIN faculty f ON f.id = g.faculty_id
            LEFT JOIN applicant a ON a.id = m.applicant_id
            WHERE m.run_id = :r AND g.faculty_id = :f
            ORDER BY s.stream_name, s.site, m.stream_id, a.family_name, a.given_names, m.applicant_id""";

    private static final String LIST_MEMBERS = """
            SELECT l.applicant_id, a.minc, a.family_name, a.given_names, l.contingent
            FROM list_membership l JOIN applicant a ON a.id = l.applicant_id
            WHERE l.cycle_id = :c AND l.kind = :k AND l.version = :v
            ORDER BY a.family_name, a.given_names, l.applicant_id""";

    private static final String CURRENT_LIST_VERSION = """
            SELECT COALESCE(MAX(version), 0) FROM list_version WHERE cycle_id = :c AND kind = :k AND status = 'COMMITTED'""";

    /** The current (newest committed) version of a partner list, 0 when none was received. */
    public int currentListVersion(Handle h, String cycleId, String kind) {
        return h.createQuery(CURRENT_LIST_VERSION).bind("c", cycleId).bind("k", kind).mapTo(Integer.class).one();
    }

    /** Every applicant of a run, by family name, with their list's length. */
    public List<Row> results(Handle h, String cycleId, long runId, int iteration) {
        Map<String, Integer> lengths = new HashMap<>();
        h.createQuery(LIST_LENGTHS).bind("c", cycleId).bind("i", iteration)
                .map((rs, ctx) -> Map.entry(rs.getString("owner_kind") + ":" + rs.getString("owner_id"), rs.getInt("entries")))
                .forEach(e -> lengths.put(e.getKey(), e.getValue()));
        Map<String, String> coupleOf = new HashMap<>();
        h.createQuery(COUPLES).bind("c", cycleId).bind("i", iteration).map((rs, ctx) -> {
            coupleOf.put(rs.getString("first_applicant"), rs.getString("id"));
            coupleOf.put(rs.getString("second_applicant"), rs.getString("id"));
            return null;
        }).list();
        return h.createQuery(RESULTS).bind("c", cycleId).bind("r", runId).map((rs, ctx) -> {
            String applicant = rs.getString("applicant_id");
            String couple = coupleOf.get(applicant);
            int length = couple != null ? lengths.getOrDefault("COUPLE:" + couple, 0) : lengths.getOrDefault("APPLICANT:" + applicant, 0);
            return new Row(applicant, rs.getString("given_names"), rs.getString("family_name"), rs.getString("category"),
                    rs.getString("stream_id"),
                    rs.getString("stream_name"), rs.getString("site"), rs.getString("discipline"), rs.getString("faculty"),
                    rs.getString("faculty_fr"),
                    rs.getString("province"), length);
        }).list();
    }

    /** The applicants a run matched to a faculty's streams, by stream. */
    public List<Matched> facultyMatched(Handle h, String cycleId, long runId, String facultyId) {
        return h.createQuery(FACULTY_MATCHED).bind("c", cycleId).bind("r", runId).bind("f", facultyId)
                .map((rs, ctx) -> new Matched(rs.getString("stream_id"), rs.getString("stream_name"), rs.getString("site"),
                        rs.getString("discipline"),
                        rs.getString("applicant_id"), rs.getString("given_names"), rs.getString("family_name"), rs.getString("email"),
                        rs.getBoolean("sites_named_in_french")))
                .list();
    }

    /** The members of a list's version, each with their result in the runs given by iteration (a missing row: not in that run). */
    public List<Outcome> outcomes(Handle h, String cycleId, String kind, int version, Map<Integer, List<Row>> resultsByIteration) {
        Map<Integer, Map<String, Row>> index = new LinkedHashMap<>();
        resultsByIteration.forEach((iteration, rows) -> {
            Map<String, Row> byApplicant = new HashMap<>();
            rows.forEach(r -> byApplicant.put(r.applicantId(), r));
            index.put(iteration, byApplicant);
        });
        List<Outcome> outcomes = new ArrayList<>();
        h.createQuery(LIST_MEMBERS).bind("c", cycleId).bind("k", kind).bind("v", version).map((rs, ctx) -> {
            String applicant = rs.getString("applicant_id");
            Map<Integer, Optional<Row>> byIteration = new LinkedHashMap<>();
            index.forEach((iteration, rows) -> byIteration.put(iteration, Optional.ofNullable(rows.get(applicant))));
            return new Outcome(applicant, rs.getString("minc"), rs.getString("family_name"), rs.getString("given_names"),
                    rs.getString("contingent"),
                    byIteration);
        }).forEach(outcomes::add);
        return outcomes;
    }
}
