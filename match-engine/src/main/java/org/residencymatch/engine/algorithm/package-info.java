/**
 * Roth–Peranson applicant-proposing deferred acceptance over program streams, with couples and
 * the undoing of the instabilities they create.
 */
package org.residencymatch.engine.algorithm;
