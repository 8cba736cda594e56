package org.residencymatch.eligibility;

import java.util.Objects;

/**
 * What the earlier iterations of a cycle already decided about an applicant, as far as a later
 * iteration is concerned: nothing ({@link #FREE}); a match, which binds the applicant and ends their
 * part in the cycle; or a rank order list still in force in an iteration whose results are not out.
 *
 * @param earlierIteration the earlier iteration concerned (0 when free)
 * @param matchedStreamId the stream matched to in that iteration, when matched
 * @param matchedStream its name as applicants see it, in English and French, when matched
 */
public record IterationStanding(Status status, int earlierIteration, String matchedStreamId, LocalizedText matchedStream) {

    public enum Status {
        FREE, MATCHED_EARLIER, IN_EARLIER_ITERATION
    }

    public static final IterationStanding FREE = new IterationStanding(Status.FREE, 0, null, null);

    public IterationStanding {
        Objects.requireNonNull(status, "status");
        if ((status == Status.MATCHED_EARLIER) != (matchedStreamId != null && matchedStream != null)) {
            throw new IllegalArgumentException("a match, and only a match, names its stream");
        }
        if ((status == Status.FREE) != (earlierIteration == 0)) {
            throw new IllegalArgumentException("only a free applicant has no earlier iteration");
        }
    }

    public static IterationStanding matchedIn(int iteration, String streamId, LocalizedText stream) {
        return new IterationStanding(Status.MATCHED_EARLIER, iteration, streamId, stream);
    }

    public static IterationStanding stillIn(int iteration) {
        return new IterationStanding(Status.IN_EARLIER_ITERATION, iteration, null, null);
    }
}
