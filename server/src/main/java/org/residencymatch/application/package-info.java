/**
 * What applicants and programs do in an iteration: applications to program streams (only to
 * streams selectable for the applicant, and only in program selection), rank order lists of
 * applicants and of streams (drafts and submitted lists), and couples with their paired list.
 */
package org.residencymatch.application;
