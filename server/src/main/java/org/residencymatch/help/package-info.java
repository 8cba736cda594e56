/**
 * Help cases: an applicant who cannot select a stream asks the operator from the explanation they
 * read, carrying the decision and its provenance; the operator answers and closes.
 */
package org.residencymatch.help;
