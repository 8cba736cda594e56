/**
 * The stability audit, written apart from the algorithm: checks a matching against the definition
 * of a correct result in {@code docs/MATCH-FORMAT.md} and names what blocks.
 */
package org.residencymatch.engine.audit;
