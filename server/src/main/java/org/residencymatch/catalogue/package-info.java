/**
 * An applicant's catalogue: every program stream of the cycle with the eligibility decision and
 * its reasons for that applicant, filtered, searched and paged, selectable streams first.
 */
package org.residencymatch.catalogue;
