-- Issue #18: which of an applicant's facts someone has verified or refused, per cycle. A fact with no
-- row is awaiting verification: nothing is taken as verified unless someone said so. Each decision
-- is also in the audit log; a declaration that changes a verified fact deletes its row (back to
-- awaiting) and says so in the audit log.
CREATE TABLE applicant_fact_check (
    cycle_id      VARCHAR(40)   NOT NULL REFERENCES cycle (id),
    applicant_id  VARCHAR(40)   NOT NULL REFERENCES applicant (id),
    -- org.residencymatch.eligibility.ProfileFact, e.g. CITIZENSHIP.
    fact          VARCHAR(20)   NOT NULL,
    -- VERIFIED or REFUSED (FactStatus.State).
    state         VARCHAR(24)   NOT NULL,
    -- org.residencymatch.eligibility.Verifier, e.g. OPERATOR, FACULTY.
    verifier      VARCHAR(16)   NOT NULL,
    -- Who decided, as the applicant is shown it (a faculty's name, "the match operator").
    decided_by    VARCHAR(200)  NOT NULL,
    decided_on    DATE          NOT NULL,
    refusal_en    VARCHAR(1000),
    refusal_fr    VARCHAR(1000),
    updated_at    TIMESTAMP     NOT NULL,
    updated_by    VARCHAR(200)  NOT NULL,
    PRIMARY KEY (cycle_id, applicant_id, fact),
    CONSTRAINT fact_check_state CHECK (state IN ('VERIFIED', 'REFUSED')),
    CONSTRAINT fact_check_refusal CHECK ((state = 'REFUSED') = (refusal_en IS NOT NULL AND refusal_fr IS NOT NULL))
);
