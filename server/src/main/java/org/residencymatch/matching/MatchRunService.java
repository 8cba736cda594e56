package org.residencymatch.matching;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.residencymatch.ConflictException;
import org.residencymatch.NotFoundException;
import org.residencymatch.application.ApplicationService;
import org.residencymatch.application.Couple;
import org.residencymatch.application.CoupleService;
import org.residencymatch.application.RankList;
import org.residencymatch.application.RankListService;
import org.residencymatch.audit.AuditLog;
import org.residencymatch.catalogue.MatchFactsRepository;
import org.residencymatch.cycle.Cycle;
import org.residencymatch.cycle.CycleRepository;
import org.residencymatch.cycle.CycleAction;
import org.residencymatch.jobs.Progress;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.lists.ListRepository;
import org.residencymatch.notification.Email;
import org.residencymatch.notification.EmailKind;
import org.residencymatch.notification.Outbox;
import org.residencymatch.engine.MatchEngine;
import org.residencymatch.engine.MatchInstance;
import org.residencymatch.engine.MatchInstanceBuilder;
import org.residencymatch.engine.MatchResult;
import org.residencymatch.engine.ProgramPair;
import org.residencymatch.engine.audit.BlockingPair;
import org.residencymatch.exact.ExactFallback;
import org.residencymatch.program.ProgramRepository;
import org.residencymatch.program.ProgramStream;

/**
 * Runs the match of an iteration from the stored, submitted rank order lists through the match
 * engine, keeps every run with its audit verdict, and releases one run's results on match day. A
 * re-run on the same data and seed gives the same result. Only active, unflagged applications count:
 * a stream that stopped being selectable for an applicant is not matched until the operator acts.
 */
public final class MatchRunService {

    private final Jdbi jdbi;
    private final CycleRepository cycles;
    private final ProgramRepository programs;
    private final RankListService rankLists;
    private final CoupleService couples;
    private final ApplicationService applications;
    private final MatchFactsRepository matchFacts = new MatchFactsRepository();
    private final MatchResultsRepository results = new MatchResultsRepository();
    private final ListRepository aimgList = new ListRepository();
    private final Outbox outbox;
    private final AuditLog auditLog;
    private final Clock clock;
    private final MatchEngine engine = new MatchEngine();
    /** Time allowed to the exact method after a run on a small instance that is not stable. */
    static final long EXACT_TIME_LIMIT_MILLIS = 60_000;
    private final MeterRegistry meters;

    public MatchRunService(Jdbi jdbi, CycleRepository cycles, ProgramRepository programs, RankListService rankLists, CoupleService couples,
            ApplicationService applications, Outbox outbox, AuditLog auditLog, Clock clock, MeterRegistry meters) {
        this.applications = applications;
        this.outbox = outbox;
        this.meters = meters;
        this.jdbi = jdbi;
        this.cycles = cycles;
        this.programs = programs;
        this.rankLists = rankLists;
        this.couples = couples;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    private Cycle cycle(String cycleId) {
        return cycles.find(cycleId).orElseThrow(() -> new NotFoundException("cycle", cycleId));
    }

    /** Runs the match after the rank order list deadline; the run is stored, not released. */
    public MatchRun run(String cycleId, int iteration, long seed, String actor) {
        return run(cycleId, iteration, seed, actor, Progress.NONE);
    }

    /**
     * {@link #run(String, int, long, String)}, saying how far it has gone (seconds at national scale).
     * Counted and timed whatever the outcome: a refused run (wrong phase) is an operator's attempt too.
     */
    public MatchRun run(String cycleId, int iteration, long seed, String actor, Progress progress) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "refused";
        try {
            MatchRun run = runOnce(cycleId, iteration, seed, actor, progress);
            outcome = run.stable() ? "stable" : "unstable";
            return run;
        } finally {
            sample.stop(meters.timer("residency.match.runs", "outcome", outcome));
        }
    }

    private MatchRun runOnce(String cycleId, int iteration, long seed, String actor, Progress progress) {
        requireRunnable(cycleId, iteration);
        LocalDateTime now = LocalDateTime.now(clock);
        progress.step("job.step.matchRead", 1, 3);
        MatchInstance instance = jdbi.withHandle(h -> instance(h, cycleId, iteration));
        progress.step("job.step.matchRun", 2, 3);
        // Not stable on a small instance: the exact method decides (finds one, or proves none).
        MatchResult result = ExactFallback.complete(instance, engine.run(instance, seed), EXACT_TIME_LIMIT_MILLIS).result();
        progress.step("job.step.matchStore", 3, 3);
        return jdbi.inTransaction(h -> {
            // Released while this run computed: the iteration's match is final, this run is not stored.
            requireRunnable(h, cycleId, iteration);
            String blocking = result.blocking().isEmpty()
                    ? null
                    : truncate(result.blocking().stream().map(Object::toString).collect(Collectors.joining("; ")), 4000);
            long id = h.createUpdate(
                    "INSERT INTO match_run (cycle_id, iteration, seed, run_at, run_by, stable, applicants, matched, positions, filled, blocking, strategy, attempts) "
                            + "VALUES (:c, :i, :seed, :now, :by, :stable, :applicants, :matched, :positions, :filled, :blocking, :strategy, :attempts)")
                    .bind("c", cycleId).bind("i", iteration).bind("seed", seed).bind("now", now).bind("by", actor)
                    .bind("stable", result.stable()).bind("applicants", result.stats().applicants())
                    .bind("matched", result.stats().matched())
                    .bind("positions", (int) result.stats().positions()).bind("filled", result.stats().filled()).bind("blocking", blocking)
                    .bind("strategy", result.stats().strategy()).bind("attempts", result.stats().attempts())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            storeBlocking(h, id, instance, result);
            var batch = h.prepareBatch("INSERT INTO match_assignment (run_id, applicant_id, stream_id) VALUES (?, ?, ?)");
            result.assignments().forEach((applicant, stream) -> batch.add(id, applicant, stream));
            if (!result.assignments().isEmpty()) batch.execute();
            auditLog.record(h, actor, "match.run", "match-run:" + id, cycleId + "/" + iteration + " seed " + seed + ", "
                    + result.stats().matched() + " matched, " + (result.stable() ? "stable" : "NOT stable"));
            return find(h, cycleId, id);
        });
    }

    /** Blocking pairs kept per run for the operator's page (the audit lists at most this many). */
    public static final int BLOCKING_KEPT = 100;

    private static void storeBlocking(Handle h, long runId, MatchInstance instance, MatchResult result) {
        var batch = h.prepareBatch(
                "INSERT INTO match_blocking (run_id, position, kind, first_applicant, second_applicant, first_stream, second_stream) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)");
        int position = 0;
        for (BlockingPair pair : result.blocking()) {
            if (position == BLOCKING_KEPT) {
                break;
            }
            if (pair.kind() == BlockingPair.Kind.SINGLE) {
                batch.add(runId, position++, "SINGLE", pair.id(), null, pair.programs().get(0), null);
            } else {
                int couple = instance.coupleIndex(pair.id());
                batch.add(runId, position++, "COUPLE", instance.applicantId(instance.coupleFirst(couple)),
                        instance.applicantId(instance.coupleSecond(couple)), pair.programs().get(0), pair.programs().get(1));
            }
        }
        if (position > 0) {
            batch.execute();
        }
    }

    /**
     * A pair that blocks a run, by name: a single applicant, or a couple's two partners, and the
     * stream (or the couple's pair of streams, {@code null} for "no match") they prefer and would be
     * taken at. Names are "given family (id)" and "stream name, site (id)".
     */
    public record BlockingView(boolean couple, String first, String second, String firstStream, String secondStream) {
    }

    /** The blocking pairs stored for a run (at most {@link #BLOCKING_KEPT}), with names. */
    public List<BlockingView> blocking(String cycleId, long runId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT b.kind, b.first_applicant, b.second_applicant, b.first_stream, b.second_stream,
                       a1.given_names AS g1, a1.family_name AS f1, a2.given_names AS g2, a2.family_name AS f2,
                       s1.stream_name AS n1, s1.site AS site1, s2.stream_name AS n2, s2.site AS site2
                FROM match_blocking b
                JOIN match_run r ON r.id = b.run_id AND r.cycle_id = :c
                LEFT JOIN applicant a1 ON a1.id = b.first_applicant
                LEFT JOIN applicant a2 ON a2.id = b.second_applicant
                LEFT JOIN program_stream s1 ON s1.cycle_id = :c AND s1.id = b.first_stream
                LEFT JOIN program_stream s2 ON s2.cycle_id = :c AND s2.id = b.second_stream
                WHERE b.run_id = :r ORDER BY b.position""")
                .bind("c", cycleId).bind("r", runId)
                .map((rs, ctx) -> new BlockingView("COUPLE".equals(rs.getString("kind")),
                        person(rs.getString("g1"), rs.getString("f1"), rs.getString("first_applicant")),
                        person(rs.getString("g2"), rs.getString("f2"), rs.getString("second_applicant")),
                        stream(rs.getString("n1"), rs.getString("site1"), rs.getString("first_stream")),
                        stream(rs.getString("n2"), rs.getString("site2"), rs.getString("second_stream"))))
                .list());
    }

    private static String person(String given, String family, String id) {
        return id == null ? null : given == null ? id : given + " " + family + " (" + id + ")";
    }

    private static String stream(String name, String site, String id) {
        return id == null ? null : name == null ? id : name + ", " + site + " (" + id + ")";
    }

    /**
     * Refuses a run outside the match phases of the iteration, with the phase and its dates, and once the
     * iteration's results are released (its match is final); a page checks before starting one in the background.
     */
    public void requireRunnable(String cycleId, int iteration) {
        jdbi.useHandle(h -> requireRunnable(h, cycleId, iteration));
    }

    private void requireRunnable(Handle h, String cycleId, int iteration) {
        Cycle cycle = cycle(cycleId);
        MatchDayPolicy.State state = state(h, cycle, iteration);
        refuse(cycle, state, MatchDayPolicy.run(state), CycleAction.RUN_MATCH);
    }

    /** Where an iteration stands on match day, read now. */
    private MatchDayPolicy.State state(Handle h, Cycle cycle, int iteration) {
        return new MatchDayPolicy.State(iteration, cycle.phaseAt(iteration, LocalDateTime.now(clock)).orElse(null),
                cycle.opens(CycleAction.RUN_MATCH, iteration).orElse(null),
                cycle.opens(CycleAction.RELEASE_RESULTS, iteration).orElse(null),
                released(h, cycle.id(), iteration).orElse(null), iteration == 1 || released(h, cycle.id(), iteration - 1).isPresent());
    }

    /** Throws the refusal a decision makes: outside the phase with the phase's dates, else with the decision's reason. */
    private void refuse(Cycle cycle, MatchDayPolicy.State state, MatchDayPolicy.Decision decision, CycleAction action) {
        if (decision.allowed()) return;
        if (decision.code().equals("OUTSIDE_PHASE")) cycle.require(action, state.iteration(), LocalDateTime.now(clock));
        String message = switch (decision.code()) {
            case "ALREADY_RELEASED" -> "iteration " + state.iteration() + " already has released results (run " + state.released().id()
                    + "); its match is final";
            case "NOT_STABLE" -> "the run did not pass the stability audit; it cannot be released";
            case "FIRST_ITERATION_NOT_RELEASED" ->
                "the second iteration's positions are what the first left unfilled; release the first iteration's results first";
            default -> action + " is not open now";
        };
        throw new ConflictException(decision.refusal(), message);
    }

    /** What the operator may do now for an iteration: run its match, release each of its runs (by run id), and why not. */
    public record MatchDay(MatchDayPolicy.State state, MatchDayPolicy.Decision run, Map<Long, MatchDayPolicy.Decision> release) {
    }

    public MatchDay matchDay(String cycleId, int iteration) {
        return jdbi.withHandle(h -> {
            MatchDayPolicy.State state = state(h, cycle(cycleId), iteration);
            Map<Long, MatchDayPolicy.Decision> release = new HashMap<>();
            for (MatchRun run : runs(cycleId, iteration)) release.put(run.id(), MatchDayPolicy.release(state, run));
            return new MatchDay(state, MatchDayPolicy.run(state), release);
        });
    }

    /** The run whose results are released for an iteration, if any. */
    public Optional<MatchRun> releasedRun(String cycleId, int iteration) {
        return jdbi.withHandle(h -> released(h, cycleId, iteration));
    }

    /** Releases a run's results: applicants then see their result and programs their matched applicants. */
    public MatchRun release(String cycleId, long runId, String actor) {
        return release(cycleId, runId, actor, "/applicant");
    }

    /**
     * {@link #release(String, long, String)}, telling each applicant of the run: a notification, and an
     * email with {@code link} (where they read their result) to those with an address. The iteration's
     * match is then final: no other run, no other release (the database's key on match_release holds
     * even for two operators releasing at once).
     */
    public MatchRun release(String cycleId, long runId, String actor, String link) {
        return jdbi.inTransaction(h -> {
            MatchRun run = find(h, cycleId, runId);
            Cycle cycle = cycle(cycleId);
            MatchDayPolicy.State state = state(h, cycle, run.iteration());
            refuse(cycle, state, MatchDayPolicy.release(state, run), CycleAction.RELEASE_RESULTS);
            LocalDateTime now = LocalDateTime.now(clock);
            try {
                h.execute("INSERT INTO match_release (cycle_id, iteration, run_id, released_at, released_by) VALUES (?, ?, ?, ?, ?)",
                        cycleId, run.iteration(), runId, now, actor);
            } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
                if (e.getCause() instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                    throw new ConflictException(
                            org.residencymatch.Refusal.of("ALREADY_RELEASED", "matchDay.refused.releasedMeanwhile", run.iteration()),
                            "iteration " + run.iteration() + " was released at the same moment by someone else");
                }
                throw e;
            }
            h.execute("UPDATE match_run SET released_at = ?, released_by = ? WHERE id = ?", now, actor, runId);
            List<String> applicants = h.createQuery("SELECT applicant_id FROM match_assignment WHERE run_id = :r ORDER BY applicant_id")
                    .bind("r", runId).mapTo(String.class).list();
            auditLog.record(h, actor, "match.released", "match-run:" + runId, cycleId + "/" + run.iteration() + ", " + applicants.size()
                    + " applicants told");
            notifyApplicants(h, cycleId, run.iteration(), runId, applicants, link, now);
            // The results decide who may enter the next iteration and what it has left: its open
            // applications are checked again now (flagged, never removed, as after a list change).
            if (run.iteration() < 2) applications.recheck(h, cycleId, run.iteration() + 1);
            return find(h, cycleId, runId);
        });
    }

    /**
     * A notification to each applicant of the released run, and an email, in their last chosen language, to
     * those with an address: the stream and faculty they matched to, or that they did not match and what comes
     * next (the second iteration's dates after the first, and the AIMG clinical assessment placement's pool
     * for those on the AIMG list).
     */
    private void notifyApplicants(Handle h, String cycleId, int iteration, long runId, List<String> applicants, String link,
            LocalDateTime now) {
        if (applicants.isEmpty()) return;
        outbox.enqueueAll(h, applicants, "MATCH_RESULT", "notification.matchResult", cycleId + "/" + iteration);
        Cycle cycle = cycle(cycleId);
        int aimgVersion = aimgList.currentVersion(h, cycleId, ListKind.AIMG);
        Set<String> onAimgList = aimgVersion == 0 ? Set.of() : aimgList.members(h, cycleId, ListKind.AIMG, aimgVersion).keySet();
        Map<String, ProgramStream> streams = new HashMap<>();
        h.createQuery(RECIPIENTS).bind("r", runId)
                .map((rs,
                        ctx) -> new String[]{rs.getString("email"), rs.getString("locale"), rs.getString("applicant_id"),
                                rs.getString("stream_id")})
                .list()
                .forEach(r -> {
                    String language = "fr".equals(r[1]) ? "fr" : "en";
                    ProgramStream stream = r[3] == null
                            ? null
                            : streams.computeIfAbsent(r[3], id -> programs.stream(h, cycleId, id).orElse(null));
                    Outbox.enqueueEmail(h, r[0], resultEmail(cycle, iteration, link, stream, onAimgList.contains(r[2]), language), language,
                            now);
                });
    }

    /** The result email of one applicant, with the values that fill it in their language. */
    static Email resultEmail(Cycle cycle, int iteration, String link, ProgramStream matched, boolean onAimgList, String language) {
        Email email = Email.of(EmailKind.MATCH_RESULT, link, "iteration", String.valueOf(iteration));
        if (matched != null) {
            return email.with(EmailKind.Paragraph.MATCHED, "stream", matched.streamName(language), "faculty",
                    matched.facultyName(language));
        }
        email = email.with(EmailKind.Paragraph.UNMATCHED);
        Optional<LocalDateTime> opens = cycle.phases().stream().filter(p -> p.iteration() == iteration + 1).map(Cycle.PhaseStart::startsAt)
                .min(LocalDateTime::compareTo);
        Optional<LocalDateTime> deadline = cycle.closes(CycleAction.EDIT_RANK_LIST, iteration + 1);
        if (opens.isPresent() && deadline.isPresent()) {
            email = email.with(EmailKind.Paragraph.SECOND_ITERATION, "opensTime", zoned(cycle, opens.get()), "deadlineTime",
                    zoned(cycle, deadline.get()));
        } else {
            email = email.with(EmailKind.Paragraph.NO_LATER_ITERATION);
        }
        return onAimgList ? email.with(EmailKind.Paragraph.CAP_POOL) : email;
    }

    /** A stored time (UTC) in the cycle's zone, as an email's argument. */
    private static String zoned(Cycle cycle, LocalDateTime utc) {
        return cycle.local(utc).toString();
    }

    /**
     * Each applicant of a run who has an address (their account's, else the one on file), the language their
     * account last chose (else their newest session's) and the stream they matched to (null: unmatched).
     */
    private static final String RECIPIENTS = """
            SELECT m.applicant_id, m.stream_id, COALESCE(u.email, a.email) AS email, """
            + Outbox.LANGUAGE_OF_ACCOUNT + """
                     AS locale
                    FROM match_assignment m
                    JOIN applicant a ON a.id = m.applicant_id
                    LEFT JOIN user_account u ON u.applicant_id = a.id
                    WHERE m.run_id = :r AND COALESCE(u.email, a.email) IS NOT NULL
                    ORDER BY m.applicant_id""";

    /** Every applicant of a run with their result (operator). */
    public List<MatchResultsRepository.Row> results(String cycleId, long runId) {
        return jdbi.withHandle(h -> {
            MatchRun run = find(h, cycleId, runId);
            return results.results(h, cycleId, runId, run.iteration());
        });
    }

    /** The applicants matched to a faculty's streams in an iteration, once released; empty before. */
    public Optional<List<MatchResultsRepository.Matched>> facultyMatched(String cycleId, int iteration, String facultyId) {
        return jdbi.withHandle(h -> released(h, cycleId, iteration).map(run -> results.facultyMatched(h, cycleId, run.id(), facultyId)));
    }

    /**
     * What became of a partner list's members (its current version) in each released iteration; refused
     * before the first iteration's results are released.
     */
    public List<MatchResultsRepository.Outcome> outcomes(String cycleId, String listKind) {
        return jdbi.withHandle(h -> {
            Map<Integer, List<MatchResultsRepository.Row>> byIteration = new TreeMap<>();
            for (int iteration = 1; iteration <= 2; iteration++) {
                int i = iteration;
                released(h, cycleId, iteration).ifPresent(run -> byIteration.put(i, results.results(h, cycleId, run.id(), i)));
            }
            if (byIteration.isEmpty()) throw notReleased(1);
            return results.outcomes(h, cycleId, listKind, results.currentListVersion(h, cycleId, listKind), byIteration);
        });
    }

    /** The published statistics of an iteration's released run; refused before its release. */
    public MatchReport report(String cycleId, int iteration) {
        return jdbi.withHandle(h -> {
            MatchRun run = released(h, cycleId, iteration).orElseThrow(() -> notReleased(iteration));
            Map<String, Integer> matched = new HashMap<>();
            int cmg = 0, img = 0;
            for (MatchResultsRepository.Row row : results.results(h, cycleId, run.id(), iteration)) {
                if (!row.matched()) continue;
                matched.merge(row.streamId(), 1, Integer::sum);
                if ("CMG".equals(row.category())) cmg++;
                else if ("IMG".equals(row.category())) img++;
            }
            return MatchReport.of(cycleId, iteration, run.id(), programs.streams(h, cycleId), quotas(h, cycleId, iteration), matched, cmg,
                    img,
                    run.applicants());
        });
    }

    private static ConflictException notReleased(int iteration) {
        return new ConflictException(org.residencymatch.Refusal.of("RESULTS_NOT_RELEASED", "matchDay.refused.notReleased", iteration),
                "the results of iteration " + iteration + " are not released yet");
    }

    public MatchRun find(String cycleId, long runId) {
        return jdbi.withHandle(h -> find(h, cycleId, runId));
    }

    public List<MatchRun> runs(String cycleId, int iteration) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM match_run WHERE cycle_id = :c AND iteration = :i ORDER BY id")
                .bind("c", cycleId).bind("i", iteration).map((rs, ctx) -> row(rs)).list());
    }

    /** An applicant's result once released: the stream, or empty when unmatched. Empty optional-of-optional before release. */
    public Optional<Optional<String>> resultOf(String cycleId, int iteration, String applicantId) {
        return jdbi.withHandle(h -> released(h, cycleId, iteration).map(run -> h.createQuery(
                "SELECT stream_id FROM match_assignment WHERE run_id = :r AND applicant_id = :a")
                .bind("r", run.id()).bind("a", applicantId).mapTo(String.class).findFirst()));
    }

    /** The applicants matched to a stream once released; empty before release. */
    public Optional<List<String>> matchedTo(String cycleId, int iteration, String streamId) {
        return jdbi.withHandle(h -> released(h, cycleId, iteration).map(run -> h.createQuery(
                "SELECT applicant_id FROM match_assignment WHERE run_id = :r AND stream_id = :s ORDER BY applicant_id")
                .bind("r", run.id()).bind("s", streamId).mapTo(String.class).list()));
    }

    /** Fill by province, discipline and stream type, and CMG/IMG matched, of a run. */
    public MatchStatistics statistics(String cycleId, long runId) {
        return jdbi.withHandle(h -> {
            MatchRun run = find(h, cycleId, runId);
            Map<String, Integer> quotas = quotas(h, cycleId, run.iteration());
            Map<String, Integer> filled = new HashMap<>();
            h.createQuery("SELECT stream_id, COUNT(*) FROM match_assignment WHERE run_id = :r AND stream_id IS NOT NULL GROUP BY stream_id")
                    .bind("r", runId).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                    .forEach(e -> filled.put(e.getKey(), e.getValue()));
            Map<String, MatchStatistics.Fill> province = new TreeMap<>(), discipline = new TreeMap<>(), type = new TreeMap<>();
            for (ProgramStream s : programs.streams(h, cycleId)) {
                int positions = quotas.getOrDefault(s.streamId(), 0), taken = filled.getOrDefault(s.streamId(), 0);
                province.merge(s.province().name(), new MatchStatistics.Fill(positions, taken),
                        (a, b) -> a.plus(b.positions(), b.filled()));
                discipline.merge(s.disciplineName(), new MatchStatistics.Fill(positions, taken),
                        (a, b) -> a.plus(b.positions(), b.filled()));
                type.merge(s.type().name(), new MatchStatistics.Fill(positions, taken), (a, b) -> a.plus(b.positions(), b.filled()));
            }
            Map<String, Integer> byCategory = new HashMap<>();
            h.createQuery(
                    "SELECT p.category, COUNT(*) FROM match_assignment m JOIN applicant_profile p ON p.applicant_id = m.applicant_id AND p.cycle_id = :c "
                            + "WHERE m.run_id = :r AND m.stream_id IS NOT NULL GROUP BY p.category")
                    .bind("c", cycleId).bind("r", runId).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                    .forEach(e -> byCategory.put(e.getKey(), e.getValue()));
            return new MatchStatistics(province, discipline, type, byCategory.getOrDefault("CMG", 0), byCategory.getOrDefault("IMG", 0));
        });
    }

    /**
     * The positions of an iteration: the streams' quotas in the first; in the second, what the
     * released first-iteration run left unfilled (nothing carries over before that release).
     */
    Map<String, Integer> quotas(Handle h, String cycleId, int iteration) {
        if (iteration == 2 && released(h, cycleId, 1).isEmpty()) {
            throw new ConflictException("FIRST_ITERATION_NOT_RELEASED",
                    "the second iteration's positions are what the first left unfilled; release the first iteration's results first");
        }
        Map<String, Integer> quotas = new HashMap<>();
        // The same positions the applicants' catalogue shows.
        matchFacts.positions(h, cycleId, iteration, programs.streams(h, cycleId))
                .forEach((stream, positions) -> quotas.put(stream, positions.left()));
        return quotas;
    }

    /** The engine's instance, from the submitted lists in force. */
    MatchInstance instance(Handle h, String cycleId, int iteration) {
        Map<String, Integer> quotas = quotas(h, cycleId, iteration);
        // Who may be matched where: active applications whose stream is still selectable for them.
        Set<String> eligiblePairs = applications.matchablePairs(h, cycleId, iteration);

        MatchInstanceBuilder builder = MatchInstance.builder();
        Set<String> applicants = new LinkedHashSet<>();
        Map<String, List<String>> programRols = new TreeMap<>();
        for (String streamId : new TreeMap<>(quotas).keySet()) {
            List<String> rol = rankLists.inForce(h, cycleId, iteration, RankListService.STREAM, streamId).map(RankList::entries)
                    .orElse(List.of())
                    .stream().map(RankList.Entry::item).filter(a -> eligiblePairs.contains(a + "|" + streamId)).toList();
            programRols.put(streamId, rol);
            applicants.addAll(rol);
        }
        programRols.forEach((streamId, rol) -> builder.program(streamId, Math.max(0, quotas.get(streamId)), rol));

        Set<String> inCouples = new HashSet<>();
        List<Runnable> coupleEntries = new ArrayList<>();
        for (Couple couple : couples.active(h, cycleId, iteration)) {
            Optional<RankList> list = rankLists.inForce(h, cycleId, iteration, RankListService.COUPLE, String.valueOf(couple.id()));
            inCouples.add(couple.first());
            inCouples.add(couple.second());
            applicants.add(couple.first());
            applicants.add(couple.second());
            List<ProgramPair> pairs = list.map(RankList::entries).orElse(List.of()).stream()
                    .filter(e -> (e.item() == null || eligiblePairs.contains(couple.first() + "|" + e.item()))
                            && (e.second() == null || eligiblePairs.contains(couple.second() + "|" + e.second())))
                    .map(e -> new ProgramPair(e.item(), e.second())).toList();
            coupleEntries.add(() -> builder.couple("C" + couple.id(), couple.first(), couple.second(), pairs));
        }
        applicants.addAll(rankLists.applicantsWithSubmittedLists(h, cycleId, iteration));
        for (String applicant : applicants) {
            if (inCouples.contains(applicant)) {
                builder.applicant(applicant);
                continue;
            }
            List<String> rol = rankLists.inForce(h, cycleId, iteration, RankListService.APPLICANT, applicant).map(RankList::entries)
                    .orElse(List.of())
                    .stream().map(RankList.Entry::item).filter(s -> eligiblePairs.contains(applicant + "|" + s) && quotas.containsKey(s))
                    .toList();
            builder.applicant(applicant, rol);
        }
        coupleEntries.forEach(Runnable::run);
        return builder.build();
    }

    static Optional<MatchRun> released(Handle h, String cycleId, int iteration) {
        return h.createQuery(
                "SELECT r.* FROM match_release x JOIN match_run r ON r.id = x.run_id WHERE x.cycle_id = :c AND x.iteration = :i")
                .bind("c", cycleId).bind("i", iteration).map((rs, ctx) -> row(rs)).findFirst();
    }

    private static MatchRun find(Handle h, String cycleId, long runId) {
        return h.createQuery("SELECT * FROM match_run WHERE cycle_id = :c AND id = :id").bind("c", cycleId).bind("id", runId)
                .map((rs, ctx) -> row(rs)).findOne().orElseThrow(() -> new NotFoundException("match run", String.valueOf(runId)));
    }

    private static MatchRun row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new MatchRun(rs.getLong("id"), rs.getString("cycle_id"), rs.getInt("iteration"), rs.getLong("seed"),
                rs.getObject("run_at", LocalDateTime.class), rs.getString("run_by"), rs.getBoolean("stable"), rs.getInt("applicants"),
                rs.getInt("matched"), rs.getInt("positions"), rs.getInt("filled"), rs.getString("blocking"),
                rs.getObject("released_at", LocalDateTime.class), rs.getString("strategy"),
                (Integer) rs.getObject("attempts", Integer.class));
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
