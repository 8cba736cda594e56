/**
 * Cycles, their two iterations and the dated phases of each: which phase is current, what each
 * phase allows, and the operator's changes to phases that have not started yet.
 */
package org.residencymatch.cycle;
