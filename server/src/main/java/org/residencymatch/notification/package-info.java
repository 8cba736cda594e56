/**
 * Notifications to applicants: written to an outbox in the transaction of the change that causes
 * them and delivered afterwards, so a crash loses none.
 */
package org.residencymatch.notification;
