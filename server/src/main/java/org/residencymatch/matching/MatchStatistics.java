package org.residencymatch.matching;

import java.util.Map;

/**
 * How a run filled the positions: by province, discipline and stream type, and how many CMGs and
 * IMGs matched.
 */
public record MatchStatistics(Map<String, Fill> byProvince, Map<String, Fill> byDiscipline, Map<String, Fill> byStreamType,
        int cmgMatched, int imgMatched) {

    /** Positions offered and filled. */
    public record Fill(int positions, int filled) {
        Fill plus(int morePositions, int moreFilled) {
            return new Fill(positions + morePositions, filled + moreFilled);
        }
    }
}
