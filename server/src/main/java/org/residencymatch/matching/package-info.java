/**
 * Match runs over the applications and rank order lists of an iteration, with the engine of
 * {@code match-engine} and its stability audit, the release of results on match day, and the JSON
 * format of {@code docs/MATCH-FORMAT.md}. Match day's rules ({@link org.residencymatch.matching.MatchDayPolicy}:
 * when a run may start or be released, and that a released iteration is final) and the results by
 * person for each party ({@link org.residencymatch.matching.MatchResultsRepository}, the
 * {@link org.residencymatch.matching.MatchReport} and the export tables), and the per-cycle policy that
 * tells an unmatched applicant why each program on their list did not place them
 * ({@link org.residencymatch.matching.PlacementReasonPolicy}, {@link org.residencymatch.matching.PlacementReasonService}).
 * Owns {@code match_run}, {@code match_assignment}, {@code match_blocking}, {@code match_release} and
 * {@code placement_reason_setting}.
 */
package org.residencymatch.matching;
