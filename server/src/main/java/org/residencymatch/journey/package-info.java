/**
 * What is left for an applicant to do in an iteration: a pure policy over where they stand,
 * each step saying whether it is done and where it is done.
 */
package org.residencymatch.journey;
