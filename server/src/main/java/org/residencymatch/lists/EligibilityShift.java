package org.residencymatch.lists;

import java.util.SortedSet;

/**
 * How a change of a list would change one applicant's catalogue, in the first iteration: the provinces (their codes)
 * where at least one stream would become selectable for them ({@code gained}), and those where at least one would stop
 * being selectable ({@code lost}). An applicant whose catalogue does not change has no shift.
 */
public record EligibilityShift(String applicantId, SortedSet<String> gained, SortedSet<String> lost) {
}
