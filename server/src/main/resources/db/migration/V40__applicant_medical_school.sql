-- Issue #18, point 4: the Canadian faculty an applicant declares as their medical school, per cycle.
-- The cycle lets a faculty verify some facts of its own students (a CMG's category, their degree): that
-- faculty's program staff see those of the applicants who declared it, and only those. An applicant
-- with no row declared no Canadian faculty (an IMG, or a CMG who has not said yet). A change of school
-- sends back to awaiting verification what a faculty had decided (ProfileService), and is audited.
CREATE TABLE applicant_medical_school (
    cycle_id      VARCHAR(40)   NOT NULL REFERENCES cycle (id),
    applicant_id  VARCHAR(40)   NOT NULL REFERENCES applicant (id),
    faculty_id    VARCHAR(40)   NOT NULL REFERENCES faculty (id),
    declared_at   TIMESTAMP     NOT NULL,
    declared_by   VARCHAR(200)  NOT NULL,
    PRIMARY KEY (cycle_id, applicant_id)
);
CREATE INDEX applicant_medical_school_by_faculty ON applicant_medical_school (cycle_id, faculty_id);
