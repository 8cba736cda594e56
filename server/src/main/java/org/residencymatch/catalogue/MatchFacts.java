package org.residencymatch.catalogue;

import java.util.Map;
import org.residencymatch.eligibility.IterationStanding;
import org.residencymatch.eligibility.Positions;

/**
 * What the match has decided, for some applicants, in each iteration of a cycle, as one transaction
 * saw it: each stream's positions and each applicant's standing (see {@link MatchFactsRepository}).
 */
public record MatchFacts(Map<Integer, Map<String, Positions>> positionsByIteration,
        Map<Integer, Map<String, IterationStanding>> standingsByIteration) {

    public MatchFacts {
        positionsByIteration = Map.copyOf(positionsByIteration);
        standingsByIteration = Map.copyOf(standingsByIteration);
    }

    public Positions positions(int iteration, String streamId) {
        Positions positions = positionsByIteration.getOrDefault(iteration, Map.of()).get(streamId);
        if (positions == null)
            throw new IllegalArgumentException("no positions read for stream " + streamId + " in iteration " + iteration);
        return positions;
    }

    /** The applicant's standing; free unless the match decided otherwise. */
    public IterationStanding standing(int iteration, String applicantId) {
        return standingsByIteration.getOrDefault(iteration, Map.of()).getOrDefault(applicantId, IterationStanding.FREE);
    }
}
