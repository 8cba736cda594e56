-- Per cycle: whether an applicant the released match left unmatched sees, for each program on their
-- rank order list, why it did not place them (issue #14, point 7). Off by default: a cycle without a
-- row has it off, and only the operator turns it on (audited).
CREATE TABLE placement_reason_setting (
    cycle_id    VARCHAR(40)  NOT NULL PRIMARY KEY REFERENCES cycle (id),
    enabled     BOOLEAN      NOT NULL,
    changed_at  TIMESTAMP    NOT NULL,
    changed_by  VARCHAR(200) NOT NULL
);
