package org.residencymatch.web;

import java.util.Map;
import org.residencymatch.matching.MatchRun;

/**
 * What the operator's match page offers for an iteration besides its runs: Run, and Release for each
 * run, each either offered or replaced by the reason it is refused (in the reader's words); and the run
 * released, if any.
 */
public record MatchOffers(String runRefusal, Map<Long, String> releaseRefusals, MatchRun released) {
    public boolean canRun() {
        return runRefusal == null;
    }

    public boolean canRelease(long runId) {
        return !releaseRefusals.containsKey(runId);
    }

    public String releaseRefusal(long runId) {
        return releaseRefusals.get(runId);
    }
}
