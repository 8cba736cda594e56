/**
 * Reconciliation cases: profiles that contradict the partner lists (a Régulier approval without a
 * place on the QIMG list, say), opened and closed in step with the data, with the operator's
 * comments and resolution.
 */
package org.residencymatch.reconciliation;
