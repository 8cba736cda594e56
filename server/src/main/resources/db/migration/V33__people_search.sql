-- An applicant's names folded for search (accents, case and punctuation taken off: "François" is
-- "francois"), so that the operator finds "François Tremblay" by typing "Francois tremblay" on H2 as on
-- PostgreSQL, without an extension. The application fills it (TextKey, the project's one folding)
-- when it writes an applicant, and fills the rows written without it (rows older than this migration,
-- bulk loads) before it searches: null means "not folded yet", never "no name".
ALTER TABLE applicant ADD COLUMN name_key VARCHAR(420);
-- The index finds the rows not folded yet (name_key IS NULL) without reading the table.
CREATE INDEX applicant_by_name_key ON applicant (name_key);

-- An applicant's page shows their audit trail: what was done to their file (by target, indexed since
-- V1) and what they did themselves (by actor, their account).
CREATE INDEX audit_log_by_actor ON audit_log (actor);
