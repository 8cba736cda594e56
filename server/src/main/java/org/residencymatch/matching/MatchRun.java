package org.residencymatch.matching;

import java.time.LocalDateTime;

/** One run of the match for an iteration, with the engine's own audit verdict. */
public record MatchRun(long id, String cycleId, int iteration, long seed, LocalDateTime runAt, String runBy, boolean stable, int applicants,
        int matched, int positions, int filled, String blocking, LocalDateTime releasedAt) {

    public boolean released() {
        return releasedAt != null;
    }
}
