package org.residencymatch.web;

import org.residencymatch.matching.MatchRun;
import org.residencymatch.matching.MatchStatistics;

/** A match run with its statistics, as the operator's match page shows it. */
public record RunView(MatchRun run, MatchStatistics statistics) {}
