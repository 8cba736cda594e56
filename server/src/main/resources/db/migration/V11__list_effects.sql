-- A commit makes a list version current in one short transaction; what it changes for applicants
-- (reconciliation cases, application flags, notifications) is applied by a second transaction that
-- sets effects_applied_at. A version whose effects are not applied yet (a crash between the two) is
-- finished by the next pass of any service instance, in version order, never lost.
ALTER TABLE list_version ADD COLUMN effects_applied_at TIMESTAMP;
UPDATE list_version SET effects_applied_at = committed_at;

-- The number of members a version was committed with, written in the commit's transaction. A version
-- whose members do not add up to it (or that never got it) was torn by a crash during its commit:
-- H2's MVStore can persist part of a large transaction when the process dies while it commits (seen
-- with 100,000 members; PostgreSQL cannot). Such a version is removed at start (ListUploadService).
ALTER TABLE list_version ADD COLUMN member_count INTEGER;
UPDATE list_version SET member_count = (SELECT COUNT(*) FROM list_membership m
    WHERE m.cycle_id = list_version.cycle_id AND m.kind = list_version.kind AND m.version = list_version.version);
