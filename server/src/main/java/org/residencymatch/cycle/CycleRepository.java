package org.residencymatch.cycle;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Cycles, their iterations and phase dates. */
public final class CycleRepository {

    private static final Pattern CYCLE_ID = Pattern.compile("(\\d{4})-R1");

    private final Jdbi jdbi;

    public CycleRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<Cycle> find(String cycleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name, match_year, time_zone FROM cycle WHERE id = :id")
                .bind("id", cycleId)
                .map((rs, ctx) -> new Cycle(rs.getString("id"), rs.getString("name"), rs.getInt("match_year"), phases(h, cycleId),
                        ZoneId.of(rs.getString("time_zone"))))
                .findOne());
    }

    /** The cycle people work in now: the one with the latest match year (the newest id among equals). */
    public Optional<String> currentCycleId() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM cycle ORDER BY match_year DESC, id DESC")
                .mapTo(String.class).findFirst());
    }

    /** The zone the current cycle's times are shown in; the default before any cycle exists. */
    public ZoneId currentTimeZone() {
        return jdbi.withHandle(h -> h.createQuery("SELECT time_zone FROM cycle ORDER BY match_year DESC, id DESC")
                .mapTo(String.class).findFirst()).map(ZoneId::of).orElse(Cycle.DEFAULT_TIME_ZONE);
    }

    public void setTimeZone(Handle h, String cycleId, ZoneId zone) {
        h.execute("UPDATE cycle SET time_zone = ? WHERE id = ?", zone.getId(), cycleId);
    }

    public boolean exists(String cycleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM cycle WHERE id = :id").bind("id", cycleId)
                .mapTo(Integer.class).one() > 0);
    }

    private static List<Cycle.PhaseStart> phases(Handle h, String cycleId) {
        return h.createQuery("SELECT iteration, phase, starts_at FROM phase WHERE cycle_id = :id ORDER BY iteration, starts_at")
                .bind("id", cycleId)
                .map((rs, ctx) -> new Cycle.PhaseStart(rs.getInt("iteration"), Phase.valueOf(rs.getString("phase")),
                        rs.getObject("starts_at", LocalDateTime.class)))
                .list();
    }

    /**
     * Creates an R-1 cycle named like {@code 2025-R1} with both iterations and the usual calendar of
     * the Canadian R-1 match (2025: first-iteration match day 4 March, second 17 April), unless the
     * cycle exists already. The operator adjusts the dates afterwards.
     *
     * @return whether the cycle was created
     */
    public boolean createStandardIfMissing(Handle h, String cycleId, LocalDateTime now) {
        Matcher m = CYCLE_ID.matcher(cycleId);
        if (!m.matches()) throw new IllegalArgumentException("a cycle id looks like 2025-R1, not \"" + cycleId + "\"");
        if (h.createQuery("SELECT COUNT(*) FROM cycle WHERE id = :id").bind("id", cycleId).mapTo(Integer.class).one() > 0) {
            return false;
        }
        int year = Integer.parseInt(m.group(1));
        h.execute("INSERT INTO cycle (id, name, match_year, created_at) VALUES (?, ?, ?, ?)", cycleId, year + " R-1", year, now);
        for (int iteration = 1; iteration <= 2; iteration++) {
            h.execute("INSERT INTO iteration (cycle_id, number) VALUES (?, ?)", cycleId, iteration);
        }
        for (Cycle.PhaseStart start : standardCalendar(year)) {
            h.execute("INSERT INTO phase (cycle_id, iteration, phase, starts_at) VALUES (?, ?, ?, ?)",
                    cycleId, start.iteration(), start.phase().name(), start.startsAt());
        }
        return true;
    }

    static List<Cycle.PhaseStart> standardCalendar(int year) {
        List<Cycle.PhaseStart> phases = new ArrayList<>();
        int y0 = year - 1;
        phases.add(new Cycle.PhaseStart(1, Phase.REGISTRATION, LocalDateTime.of(y0, 9, 4, 12, 0)));
        phases.add(new Cycle.PhaseStart(1, Phase.PROGRAM_SELECTION, LocalDateTime.of(y0, 10, 1, 12, 0)));
        phases.add(new Cycle.PhaseStart(1, Phase.FILE_REVIEW, LocalDateTime.of(y0, 11, 21, 12, 0)));
        phases.add(new Cycle.PhaseStart(1, Phase.INTERVIEWS, LocalDateTime.of(year, 1, 6, 12, 0)));
        phases.add(new Cycle.PhaseStart(1, Phase.ROL_OPEN, LocalDateTime.of(year, 1, 13, 12, 0)));
        phases.add(new Cycle.PhaseStart(1, Phase.ROL_DEADLINE, LocalDateTime.of(year, 2, 11, 15, 0)));
        phases.add(new Cycle.PhaseStart(1, Phase.MATCH, LocalDateTime.of(year, 2, 12, 12, 0)));
        phases.add(new Cycle.PhaseStart(1, Phase.RESULTS_RELEASE, LocalDateTime.of(year, 3, 4, 12, 0)));
        phases.add(new Cycle.PhaseStart(2, Phase.REGISTRATION, LocalDateTime.of(year, 3, 5, 12, 0)));
        phases.add(new Cycle.PhaseStart(2, Phase.PROGRAM_SELECTION, LocalDateTime.of(year, 3, 6, 12, 0)));
        phases.add(new Cycle.PhaseStart(2, Phase.FILE_REVIEW, LocalDateTime.of(year, 3, 20, 12, 0)));
        phases.add(new Cycle.PhaseStart(2, Phase.INTERVIEWS, LocalDateTime.of(year, 3, 24, 12, 0)));
        phases.add(new Cycle.PhaseStart(2, Phase.ROL_OPEN, LocalDateTime.of(year, 3, 27, 12, 0)));
        phases.add(new Cycle.PhaseStart(2, Phase.ROL_DEADLINE, LocalDateTime.of(year, 4, 8, 15, 0)));
        phases.add(new Cycle.PhaseStart(2, Phase.MATCH, LocalDateTime.of(year, 4, 9, 12, 0)));
        phases.add(new Cycle.PhaseStart(2, Phase.RESULTS_RELEASE, LocalDateTime.of(year, 4, 17, 12, 0)));
        return phases;
    }
}
