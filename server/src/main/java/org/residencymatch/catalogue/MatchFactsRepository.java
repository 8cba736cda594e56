package org.residencymatch.catalogue;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.residencymatch.eligibility.IterationStanding;
import org.residencymatch.eligibility.LocalizedText;
import org.residencymatch.eligibility.Positions;
import org.residencymatch.program.ProgramStream;

/**
 * What the match has already decided, as a later iteration's catalogue needs it: the positions each
 * stream has left once the released results of earlier iterations took theirs, and where an
 * applicant stands after those iterations. Only released runs count: a run not yet released decides
 * nothing. Reads the match's and the rank order lists' tables; writes nothing.
 */
public final class MatchFactsRepository {

    /** Up to this many applicants are looked up by id; more, by reading the iteration's rows once. */
    private static final int FEW = 500;

    private static final String RELEASED_RUN = """
            SELECT id FROM match_run WHERE cycle_id = :c AND iteration = :i AND released_at IS NOT NULL""";

    /**
     * Each stream's positions in the iteration: the whole quota in the first; in a later one, the quota
     * less what the earlier iterations' released results took, or unknown while one is not released.
     */
    public Map<String, Positions> positions(Handle h, String cycleId, int iteration, List<ProgramStream> streams) {
        Map<String, Integer> taken = new HashMap<>();
        boolean known = true;
        for (int earlier = 1; earlier < iteration; earlier++) {
            Optional<Long> run = releasedRun(h, cycleId, earlier);
            if (run.isEmpty()) {
                known = false;
                break;
            }
            h.createQuery("SELECT stream_id, COUNT(*) FROM match_assignment WHERE run_id = :r AND stream_id IS NOT NULL GROUP BY stream_id")
                    .bind("r", run.get())
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                    .forEach(e -> taken.merge(e.getKey(), e.getValue(), Integer::sum));
        }
        Map<String, Positions> positions = new HashMap<>(streams.size() * 2);
        for (ProgramStream s : streams) {
            positions.put(s.streamId(),
                    known ? Positions.after(s.quota(), taken.getOrDefault(s.streamId(), 0)) : Positions.unknownYet(s.quota()));
        }
        return positions;
    }

    /** Where one applicant stands in the iteration after the earlier ones. */
    public IterationStanding standing(Handle h, String cycleId, int iteration, String applicantId,
            Function<String, ProgramStream> streamById) {
        return standings(h, cycleId, iteration, Set.of(applicantId), streamById).getOrDefault(applicantId, IterationStanding.FREE);
    }

    /**
     * Where these applicants stand in the iteration after the earlier ones (the free ones are left out):
     * matched in a released earlier iteration; or, while an earlier iteration's results are not out,
     * still in it if a non-empty rank order list of theirs (alone or as a couple) is in force there.
     */
    public Map<String, IterationStanding> standings(Handle h, String cycleId, int iteration, Collection<String> applicantIds,
            Function<String, ProgramStream> streamById) {
        Map<String, IterationStanding> standings = new HashMap<>();
        if (applicantIds.isEmpty()) return standings;
        Set<String> wanted = applicantIds instanceof Set<String> set ? set : new HashSet<>(applicantIds);
        for (int earlier = 1; earlier < iteration; earlier++) {
            Optional<Long> run = releasedRun(h, cycleId, earlier);
            int earlierIteration = earlier;
            if (run.isPresent()) {
                var matched = h
                        .createQuery("SELECT applicant_id, stream_id FROM match_assignment WHERE run_id = :r AND stream_id IS NOT NULL"
                                + (wanted.size() <= FEW ? " AND applicant_id IN (<ids>)" : ""));
                if (wanted.size() <= FEW) matched.bindList("ids", List.copyOf(wanted));
                matched.bind("r", run.get())
                        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                        .filter(e -> wanted.contains(e.getKey()) && !standings.containsKey(e.getKey()))
                        .forEach(e -> standings.put(e.getKey(),
                                IterationStanding.matchedIn(earlierIteration, e.getValue(),
                                        name(streamById.apply(e.getValue()), e.getValue()))));
            } else {
                for (String applicant : stillInIteration(h, cycleId, earlier, wanted)) {
                    standings.putIfAbsent(applicant, IterationStanding.stillIn(earlierIteration));
                }
            }
        }
        return standings;
    }

    /**
     * Those of the wanted applicants with a non-empty rank order list in force in the iteration, alone or
     * as a couple.
     */
    private static Set<String> stillInIteration(Handle h, String cycleId, int iteration, Set<String> wanted) {
        boolean few = wanted.size() <= FEW;
        Map<String, String[]> couples = new HashMap<>();
        var coupleQuery = h.createQuery(
                "SELECT id, first_applicant, second_applicant FROM couple WHERE cycle_id = :c AND iteration = :i AND status = 'ACTIVE'"
                        + (few ? " AND (first_applicant IN (<ids>) OR second_applicant IN (<ids>))" : ""));
        if (few) coupleQuery.bindList("ids", List.copyOf(wanted));
        coupleQuery.bind("c", cycleId).bind("i", iteration)
                .map((rs, ctx) -> new String[]{String.valueOf(rs.getLong(1)), rs.getString(2), rs.getString(3)})
                .forEach(row -> couples.put(row[0], row));
        Set<String> owners = new HashSet<>(wanted);
        owners.addAll(couples.keySet());
        // The list in force is each owner's newest SUBMITTED version; an empty one withdraws its owner.
        String inForce = """
                SELECT r.owner_kind, r.owner_id FROM rank_list r
                WHERE r.cycle_id = :c AND r.iteration = :i AND r.status = 'SUBMITTED' AND r.owner_kind IN ('APPLICANT', 'COUPLE')
                  AND r.version = (SELECT MAX(l.version) FROM rank_list l WHERE l.cycle_id = r.cycle_id AND l.iteration = r.iteration
                                   AND l.owner_kind = r.owner_kind AND l.owner_id = r.owner_id AND l.status = 'SUBMITTED')
                  AND EXISTS (SELECT 1 FROM rank_list_entry e WHERE e.rank_list_id = r.id)""";
        Set<String> stillIn = new HashSet<>();
        var listQuery = h.createQuery(inForce + (few ? " AND r.owner_id IN (<owners>)" : ""));
        if (few) listQuery.bindList("owners", List.copyOf(owners));
        listQuery.bind("c", cycleId).bind("i", iteration)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> {
                    if (e.getKey().equals("COUPLE")) {
                        String[] couple = couples.get(e.getValue());
                        if (couple == null) return;
                        stillIn.add(couple[1]);
                        stillIn.add(couple[2]);
                    } else {
                        stillIn.add(e.getValue());
                    }
                });
        stillIn.retainAll(wanted);
        return stillIn;
    }

    private static Optional<Long> releasedRun(Handle h, String cycleId, int iteration) {
        return h.createQuery(RELEASED_RUN).bind("c", cycleId).bind("i", iteration).mapTo(Long.class).findFirst();
    }

    /** A stream as an applicant recognises it: discipline, faculty and stream (whose name says its site), and its number. */
    static LocalizedText name(ProgramStream s, String streamId) {
        if (s == null) return new LocalizedText("stream #" + streamId, "volet n° " + streamId);
        // French puts a (non-breaking) space before a colon.
        return new LocalizedText(s.disciplineName("en") + ", " + s.facultyName("en") + ": " + s.streamName("en") + " (#" + streamId + ")",
                s.disciplineName("fr") + ", " + s.facultyName("fr") + "\u00a0: " + s.streamName("fr") + " (n° " + streamId + ")");
    }
}
