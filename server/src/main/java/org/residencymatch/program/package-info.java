/**
 * The catalogue of program streams: its import from the published R-1 list (CSV or Excel), stream
 * names mapped to {@code StreamType} by data, faculties and provinces, and quotas with the policy
 * that says when they may change.
 */
package org.residencymatch.program;
