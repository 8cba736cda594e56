-- One row that /ready updates (and commits) to learn whether the database takes writes now: a database
-- that answers queries but cannot write (a read-only or full disk) is not ready.
CREATE TABLE readiness_probe (
    id              INTEGER      PRIMARY KEY,
    checked_at      TIMESTAMP
);
INSERT INTO readiness_probe (id, checked_at) VALUES (1, NULL);
