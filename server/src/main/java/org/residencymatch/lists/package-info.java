/**
 * Partner eligibility lists (AIMG, BCIMG, QIMG): reading an uploaded file, tying each row to an
 * applicant (MINC, then applicant id, then name and date of birth; anything uncertain to a person's
 * review), the preview of what a new version changes, the commit of versions and their revert.
 */
package org.residencymatch.lists;
