/**
 * What applicants and programs do in an iteration: applications to program streams (only to
 * streams selectable for the applicant, and only in program selection), rank order lists of
 * applicants and of streams (drafts and submitted lists), and couples with their paired list; the
 * receipt code of a submitted list ({@link org.residencymatch.application.RankListReceipt}), which
 * the operator checks against the stored versions.
 */
package org.residencymatch.application;
