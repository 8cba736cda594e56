/**
 * The audit log: one row per change, written in the transaction of the change it records, with
 * ids and counts but never personal data; and its filtered, paged reading and CSV export.
 */
package org.residencymatch.audit;
