-- After the match: AIMG clinical assessment placement invitations (by invitation only) and BC-CAP
-- registrations (in the registration window, for eligible IMGs only).
CREATE TABLE cap_invitation (
    cycle_id        VARCHAR(40)  NOT NULL REFERENCES cycle (id),
    applicant_id    VARCHAR(40)  NOT NULL REFERENCES applicant (id),
    status          VARCHAR(20)  NOT NULL,
    invited_at      TIMESTAMP    NOT NULL,
    invited_by      VARCHAR(200) NOT NULL,
    respond_by      TIMESTAMP    NOT NULL,
    responded_at    TIMESTAMP,
    PRIMARY KEY (cycle_id, applicant_id)
);

CREATE TABLE bccap_registration (
    cycle_id        VARCHAR(40)  NOT NULL REFERENCES cycle (id),
    applicant_id    VARCHAR(40)  NOT NULL REFERENCES applicant (id),
    registered_at   TIMESTAMP    NOT NULL,
    PRIMARY KEY (cycle_id, applicant_id)
);
