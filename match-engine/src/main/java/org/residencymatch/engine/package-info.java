/**
 * The match as a library: the instance (program streams with quotas and rank order lists,
 * applicants, couples), its validation, {@code MatchEngine} and the result. No dependencies, no
 * I/O, no static mutable state.
 */
package org.residencymatch.engine;
