/**
 * Match runs over the applications and rank order lists of an iteration, with the engine of
 * {@code match-engine} and its stability audit, the release of results on match day, and the JSON
 * format of {@code docs/MATCH-FORMAT.md}.
 */
package org.residencymatch.matching;
