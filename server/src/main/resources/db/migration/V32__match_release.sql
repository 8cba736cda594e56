-- One released run per iteration, held by the database itself: the primary key refuses a second
-- release of the same iteration even when two operators confirm at the same moment. match_run keeps
-- released_at and released_by for what reads them; this table is what decides.
CREATE TABLE match_release (
    cycle_id        VARCHAR(40)  NOT NULL REFERENCES cycle (id),
    iteration       INTEGER      NOT NULL,
    run_id          BIGINT       NOT NULL REFERENCES match_run (id),
    released_at     TIMESTAMP    NOT NULL,
    released_by     VARCHAR(200) NOT NULL,
    PRIMARY KEY (cycle_id, iteration)
);
INSERT INTO match_release (cycle_id, iteration, run_id, released_at, released_by)
    SELECT cycle_id, iteration, MIN(id), MIN(released_at), MIN(released_by) FROM match_run
    WHERE released_at IS NOT NULL GROUP BY cycle_id, iteration;

-- The results of a run by stream (staff's matched applicants, the report, partner outcomes).
CREATE INDEX match_assignment_by_stream ON match_assignment (run_id, stream_id);
