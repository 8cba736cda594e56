/**
 * What follows the match for IMGs assessed by a partner: the AIMG clinical assessment placement
 * (a pool of unmatched applicants on the AIMG list, invited by the operator, who accept or decline)
 * and the registration for UBC's BC-CAP, with the policy that says who may register.
 */
package org.residencymatch.cap;
