/**
 * The database: the connection pool, the Flyway migrations under {@code db/migration}, JDBI, and
 * bulk inserts. The same SQL runs on H2 and on PostgreSQL.
 */
package org.residencymatch.store;
