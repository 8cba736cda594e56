package org.residencymatch.web;

import java.util.List;
import org.residencymatch.matching.MatchRun;
import org.residencymatch.matching.MatchRunService;
import org.residencymatch.matching.MatchStatistics;

/** A match run with its statistics and, when not stable, what blocks it by name, as the operator's match page shows it. */
public record RunView(MatchRun run, MatchStatistics statistics, List<MatchRunService.BlockingView> blocking) {
}
