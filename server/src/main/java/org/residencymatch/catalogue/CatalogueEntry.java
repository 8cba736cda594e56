package org.residencymatch.catalogue;

import org.residencymatch.eligibility.EligibilityDecision;
import org.residencymatch.program.ProgramStream;

/** One program stream of an applicant's catalogue, with the decision on whether they can select it. */
public record CatalogueEntry(ProgramStream stream, EligibilityDecision decision) {}
