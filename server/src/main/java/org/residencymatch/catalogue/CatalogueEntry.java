package org.residencymatch.catalogue;

import org.residencymatch.eligibility.EligibilityDecision;
import org.residencymatch.eligibility.Positions;
import org.residencymatch.program.ProgramStream;

/**
 * One program stream of an applicant's catalogue in an iteration: its positions there, and the
 * decision on whether the applicant can select it.
 */
public record CatalogueEntry(ProgramStream stream, Positions positions, EligibilityDecision decision) {
}
