-- The two tables a 100,000-row partner list fills at once lose their per-row foreign keys.
--
-- PostgreSQL checks a foreign key with a trigger for every inserted row, which also locks the row it
-- points at. On the benchmark machine (docs/BENCHMARKS.md, fourth round) that cost, for 100,000 rows:
-- - list_membership (to applicant and to list_version): about 2 s of a 2.5 s insert, against 0.45 s
--   for the insert alone;
-- - list_upload_row (to list_upload): 0.5 to 1.1 s of a 0.7 to 1.3 s COPY.
-- The rows are written in one place each, in the transaction that writes the row they belong to and
-- with its key: an upload's rows by ListUploadService.upload, right after their list_upload row; a
-- version's members by ListRepository, right after their list_version row. ListRepository also
-- refuses, in that same transaction, a version naming an applicant the database does not hold
-- (applicants are never deleted), with one join per commit instead of one lookup per row. The tables
-- are rebuilt because the foreign keys were declared without names, so each database named them its
-- own way.
CREATE TABLE list_membership_rebuilt (
    cycle_id        VARCHAR(40)  NOT NULL,
    kind            VARCHAR(10)  NOT NULL,
    version         INTEGER      NOT NULL,
    applicant_id    VARCHAR(40)  NOT NULL,
    contingent      VARCHAR(20),
    mmi_score       DECIMAL(6, 2),
    assessment_outcome VARCHAR(100),
    PRIMARY KEY (cycle_id, kind, version, applicant_id)
);
INSERT INTO list_membership_rebuilt (cycle_id, kind, version, applicant_id, contingent, mmi_score, assessment_outcome)
    SELECT cycle_id, kind, version, applicant_id, contingent, mmi_score, assessment_outcome FROM list_membership;
DROP TABLE list_membership;
ALTER TABLE list_membership_rebuilt RENAME TO list_membership;

CREATE TABLE list_upload_row_rebuilt (
    upload_id       BIGINT       NOT NULL,
    row_number      INTEGER      NOT NULL,
    outcome         VARCHAR(20)  NOT NULL,
    applicant_id    VARCHAR(40),
    candidates      VARCHAR(400),
    explanation     VARCHAR(400) NOT NULL,
    given_applicant_id VARCHAR(40),
    minc            VARCHAR(20),
    mcc_candidate_code VARCHAR(20),
    family_name     VARCHAR(200) NOT NULL,
    given_names     VARCHAR(200) NOT NULL,
    date_of_birth   DATE         NOT NULL,
    contingent      VARCHAR(20),
    mmi_score       DECIMAL(6, 2),
    assessment_outcome VARCHAR(100),
    review          VARCHAR(20)  NOT NULL,
    reviewed_applicant_id VARCHAR(40),
    reviewed_by     VARCHAR(200),
    reviewed_at     TIMESTAMP,
    PRIMARY KEY (upload_id, row_number)
);
INSERT INTO list_upload_row_rebuilt (upload_id, row_number, outcome, applicant_id, candidates, explanation, given_applicant_id, minc,
        mcc_candidate_code, family_name, given_names, date_of_birth, contingent, mmi_score, assessment_outcome, review,
        reviewed_applicant_id, reviewed_by, reviewed_at)
    SELECT upload_id, row_number, outcome, applicant_id, candidates, explanation, given_applicant_id, minc, mcc_candidate_code,
        family_name, given_names, date_of_birth, contingent, mmi_score, assessment_outcome, review, reviewed_applicant_id, reviewed_by,
        reviewed_at FROM list_upload_row;
DROP TABLE list_upload_row;
ALTER TABLE list_upload_row_rebuilt RENAME TO list_upload_row;
