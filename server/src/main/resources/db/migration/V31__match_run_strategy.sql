-- Which of the engine's couples strategies found a run's matching, after how many attempts, and the
-- pairs that block a run that is not stable, one row each, so that the operator's page can name the
-- applicants and streams concerned (match_run.blocking keeps the engine's own wording).
ALTER TABLE match_run ADD COLUMN strategy VARCHAR(40);
ALTER TABLE match_run ADD COLUMN attempts INTEGER;

CREATE TABLE match_blocking (
    run_id          BIGINT       NOT NULL REFERENCES match_run (id),
    position        INTEGER      NOT NULL,
    kind            VARCHAR(10)  NOT NULL,
    first_applicant VARCHAR(40)  NOT NULL,
    second_applicant VARCHAR(40),
    first_stream    VARCHAR(40),
    second_stream   VARCHAR(40),
    PRIMARY KEY (run_id, position)
);
