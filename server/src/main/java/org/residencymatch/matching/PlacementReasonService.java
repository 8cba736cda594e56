package org.residencymatch.matching;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.residencymatch.application.ApplicationService;
import org.residencymatch.application.Couple;
import org.residencymatch.application.CoupleService;
import org.residencymatch.application.RankList;
import org.residencymatch.application.RankListService;
import org.residencymatch.audit.AuditLog;

/**
 * The per-cycle policy that lets an unmatched applicant see why each program on their list did not
 * place them ({@link PlacementReasonPolicy}), off until the operator turns it on, and the reasons
 * themselves, read from the iteration's released run: its placements, the rank order lists in force
 * (frozen since the deadline) and the positions the run had. Owns {@code placement_reason_setting}.
 */
public final class PlacementReasonService {

    private final Jdbi jdbi;
    private final MatchRunService matchRuns;
    private final RankListService rankLists;
    private final CoupleService couples;
    private final ApplicationService applications;
    private final AuditLog auditLog;
    private final Clock clock;

    public PlacementReasonService(Jdbi jdbi, MatchRunService matchRuns, RankListService rankLists, CoupleService couples,
            ApplicationService applications, AuditLog auditLog, Clock clock) {
        this.jdbi = jdbi;
        this.matchRuns = matchRuns;
        this.rankLists = rankLists;
        this.couples = couples;
        this.applications = applications;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The cycle's setting: off, by nobody, until the operator changes it. */
    public record Setting(String cycleId, boolean enabled, LocalDateTime changedAt, String changedBy) {
    }

    public Setting setting(String cycleId) {
        return jdbi.withHandle(h -> setting(h, cycleId));
    }

    private static Setting setting(Handle h, String cycleId) {
        return h.createQuery("SELECT enabled, changed_at, changed_by FROM placement_reason_setting WHERE cycle_id = :c").bind("c", cycleId)
                .map((rs, ctx) -> new Setting(cycleId, rs.getBoolean("enabled"), rs.getObject("changed_at", LocalDateTime.class),
                        rs.getString("changed_by")))
                .findOne().orElse(new Setting(cycleId, false, null, null));
    }

    /** Turns the policy on or off for a cycle, with its audit row in the same transaction. */
    public Setting set(String cycleId, boolean enabled, String actor) {
        return jdbi.inTransaction(h -> {
            boolean before = setting(h, cycleId).enabled();
            LocalDateTime now = LocalDateTime.now(clock);
            int updated = h.execute("UPDATE placement_reason_setting SET enabled = ?, changed_at = ?, changed_by = ? WHERE cycle_id = ?",
                    enabled, now, actor, cycleId);
            if (updated == 0) {
                h.execute("INSERT INTO placement_reason_setting (cycle_id, enabled, changed_at, changed_by) VALUES (?, ?, ?, ?)",
                        cycleId, enabled, now, actor);
            }
            auditLog.record(h, actor, "match.placementReasons", cycleId, (before ? "on" : "off") + " -> " + (enabled ? "on" : "off"));
            return setting(h, cycleId);
        });
    }

    /**
     * Why each program on the applicant's list did not place them, in the iteration's released run:
     * empty while the cycle's policy is off, before release, and for an applicant the run matched or did
     * not hold.
     */
    public Optional<List<PlacementReasonPolicy.Explanation>> reasons(String cycleId, int iteration, String applicantId) {
        return jdbi.withHandle(h -> {
            if (!setting(h, cycleId).enabled()) return Optional.empty();
            Optional<MatchRun> run = MatchRunService.released(h, cycleId, iteration);
            if (run.isEmpty()) return Optional.empty();
            Map<String, String> placed = placements(h, run.get().id(), applicantId);
            if (!placed.containsKey(applicantId) || placed.get(applicantId) != null) return Optional.empty();
            return Optional.of(reasons(h, cycleId, iteration, run.get().id(), applicantId));
        });
    }

    private List<PlacementReasonPolicy.Explanation> reasons(Handle h, String cycleId, int iteration, long runId, String applicantId) {
        Set<String> considered = new HashSet<>();
        String prefix = applicantId + "|";
        for (String pair : applications.matchablePairs(h, cycleId, iteration)) {
            if (pair.startsWith(prefix)) considered.add(pair.substring(prefix.length()));
        }
        Optional<Couple> couple = couples.active(h, cycleId, iteration).stream()
                .filter(c -> c.first().equals(applicantId) || c.second().equals(applicantId)).findFirst();
        if (couple.isEmpty()) {
            List<String> list = rankLists.inForce(h, cycleId, iteration, RankListService.APPLICANT, applicantId).map(RankList::entries)
                    .orElse(List.of())
                    .stream().map(RankList.Entry::item).toList();
            return PlacementReasonPolicy.single(applicantId, list, programs(h, cycleId, iteration, runId, list), considered);
        }
        boolean first = couple.get().first().equals(applicantId);
        String partner = first ? couple.get().second() : couple.get().first();
        List<PlacementReasonPolicy.Pair> pairs = rankLists
                .inForce(h, cycleId, iteration, RankListService.COUPLE, String.valueOf(couple.get().id()))
                .map(RankList::entries).orElse(List.of()).stream()
                .map(e -> first
                        ? new PlacementReasonPolicy.Pair(e.item(), e.second())
                        : new PlacementReasonPolicy.Pair(e.second(), e.item()))
                .toList();
        String partnerPlaced = placements(h, runId, partner).get(partner);
        PlacementReasonPolicy.Pair placed = partnerPlaced == null ? null : new PlacementReasonPolicy.Pair(null, partnerPlaced);
        List<String> mine = pairs.stream().map(PlacementReasonPolicy.Pair::mine).filter(s -> s != null).distinct().toList();
        return PlacementReasonPolicy.couple(applicantId, pairs, programs(h, cycleId, iteration, runId, mine), considered, placed);
    }

    /** What the run knew of each stream: the program's list in force, its positions in the iteration, whom the run placed there. */
    private Map<String, PlacementReasonPolicy.Program> programs(Handle h, String cycleId, int iteration, long runId, List<String> streams) {
        Map<String, Integer> positions = matchRuns.quotas(h, cycleId, iteration);
        Map<String, PlacementReasonPolicy.Program> programs = new HashMap<>();
        for (String stream : new HashSet<>(streams)) {
            if (!positions.containsKey(stream)) continue;
            List<String> ranked = rankLists.inForce(h, cycleId, iteration, RankListService.STREAM, stream).map(RankList::entries)
                    .orElse(List.of())
                    .stream().map(RankList.Entry::item).toList();
            Set<String> matched = new HashSet<>(
                    h.createQuery("SELECT applicant_id FROM match_assignment WHERE run_id = :r AND stream_id = :s")
                            .bind("r", runId).bind("s", stream).mapTo(String.class).list());
            programs.put(stream, new PlacementReasonPolicy.Program(ranked, positions.get(stream), matched));
        }
        return programs;
    }

    /** The applicant's row in the run: absent when the run did not hold them, a null stream when unmatched. */
    private static Map<String, String> placements(Handle h, long runId, String applicantId) {
        Map<String, String> placed = new HashMap<>();
        h.createQuery("SELECT stream_id FROM match_assignment WHERE run_id = :r AND applicant_id = :a").bind("r", runId)
                .bind("a", applicantId)
                .map((rs, ctx) -> rs.getString(1)).forEach(stream -> placed.put(applicantId, stream));
        return placed;
    }
}
