package org.residencymatch.matching;

import java.time.LocalDateTime;

/**
 * One run of the match for an iteration, with the engine's own audit verdict, and which of its
 * strategies found the matching after how many attempts ({@code null} for runs stored before they were
 * recorded).
 */
public record MatchRun(long id, String cycleId, int iteration, long seed, LocalDateTime runAt, String runBy, boolean stable, int applicants,
        int matched, int positions, int filled, String blocking, LocalDateTime releasedAt, String strategy, Integer attempts) {

    public boolean released() {
        return releasedAt != null;
    }
}
