-- The foundation: cycles and their phases, the program catalogue, applicants and their profiles,
-- partner list versions and memberships, reconciliation cases, accounts, sessions, tokens and the
-- audit log. The SQL is the common subset of PostgreSQL 15 and H2 in PostgreSQL mode.

CREATE TABLE cycle (
    id              VARCHAR(40)  PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    match_year      INTEGER      NOT NULL,
    created_at      TIMESTAMP    NOT NULL
);

CREATE TABLE iteration (
    cycle_id        VARCHAR(40)  NOT NULL REFERENCES cycle (id),
    number          INTEGER      NOT NULL CHECK (number IN (1, 2)),
    PRIMARY KEY (cycle_id, number)
);

-- The dated phases of an iteration; a phase runs from its start until the next phase starts.
CREATE TABLE phase (
    cycle_id        VARCHAR(40)  NOT NULL,
    iteration       INTEGER      NOT NULL,
    phase           VARCHAR(40)  NOT NULL,
    starts_at       TIMESTAMP    NOT NULL,
    PRIMARY KEY (cycle_id, iteration, phase),
    FOREIGN KEY (cycle_id, iteration) REFERENCES iteration (cycle_id, number)
);

-- Faculties are reference data; their province decides which partner list applies.
CREATE TABLE faculty (
    id              VARCHAR(40)  PRIMARY KEY,
    name            VARCHAR(200) NOT NULL UNIQUE,
    name_fr         VARCHAR(200) NOT NULL,
    province        CHAR(2)      NOT NULL
);

CREATE TABLE discipline (
    id              INTEGER      PRIMARY KEY,
    name            VARCHAR(200) NOT NULL
);

CREATE TABLE program (
    cycle_id        VARCHAR(40)  NOT NULL REFERENCES cycle (id),
    id              VARCHAR(40)  NOT NULL,
    faculty_id      VARCHAR(40)  NOT NULL REFERENCES faculty (id),
    discipline_id   INTEGER      NOT NULL REFERENCES discipline (id),
    PRIMARY KEY (cycle_id, id)
);

CREATE TABLE program_stream (
    cycle_id        VARCHAR(40)  NOT NULL,
    id              VARCHAR(40)  NOT NULL,
    program_id      VARCHAR(40)  NOT NULL,
    site            VARCHAR(200) NOT NULL,
    stream_name     VARCHAR(200) NOT NULL,
    stream_type     VARCHAR(40)  NOT NULL,
    return_of_service BOOLEAN    NOT NULL,
    includes_military BOOLEAN    NOT NULL,
    quota           INTEGER      NOT NULL CHECK (quota >= 0),
    url             VARCHAR(500),
    PRIMARY KEY (cycle_id, id),
    FOREIGN KEY (cycle_id, program_id) REFERENCES program (cycle_id, id)
);

CREATE TABLE applicant (
    id              VARCHAR(40)  PRIMARY KEY,
    family_name     VARCHAR(200) NOT NULL,
    given_names     VARCHAR(200) NOT NULL,
    date_of_birth   DATE,
    email           VARCHAR(320),
    minc            VARCHAR(20),
    mcc_candidate_code VARCHAR(10),
    created_at      TIMESTAMP    NOT NULL
);

-- The facts eligibility needs, per cycle; self-declared unless stated otherwise.
CREATE TABLE applicant_profile (
    cycle_id        VARCHAR(40)  NOT NULL REFERENCES cycle (id),
    applicant_id    VARCHAR(40)  NOT NULL REFERENCES applicant (id),
    category        VARCHAR(10)  NOT NULL,
    citizenship     VARCHAR(30)  NOT NULL,
    study_status    VARCHAR(30)  NOT NULL,
    graduation_date DATE,
    prior_residency_canada_us BOOLEAN NOT NULL,
    fellowship_canada_us      BOOLEAN NOT NULL,
    mccqe1          VARCHAR(20)  NOT NULL,
    nac             VARCHAR(20)  NOT NULL,
    cmq_approval    VARCHAR(20)  NOT NULL,
    military_plan   BOOLEAN      NOT NULL,
    -- Comma-separated province codes, e.g. 'NS,NB'.
    provincial_ties VARCHAR(100) NOT NULL,
    -- Comma-separated PROVINCE:YEARS pairs, e.g. 'ON:2'.
    high_school_years VARCHAR(100) NOT NULL,
    -- End of the latest residency or clinical practice, for Québec's recency criterion.
    latest_clinical_activity_date DATE,
    updated_at      TIMESTAMP    NOT NULL,
    updated_by      VARCHAR(200) NOT NULL,
    PRIMARY KEY (cycle_id, applicant_id)
);

-- One received version of a partner list (AIMG, BCIMG, QIMG) for a cycle. The current version of a
-- list is the newest committed one.
CREATE TABLE list_version (
    cycle_id        VARCHAR(40)  NOT NULL REFERENCES cycle (id),
    kind            VARCHAR(10)  NOT NULL,
    version         INTEGER      NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    received_at     TIMESTAMP    NOT NULL,
    committed_at    TIMESTAMP,
    source          VARCHAR(200) NOT NULL,
    PRIMARY KEY (cycle_id, kind, version)
);

CREATE TABLE list_membership (
    cycle_id        VARCHAR(40)  NOT NULL,
    kind            VARCHAR(10)  NOT NULL,
    version         INTEGER      NOT NULL,
    applicant_id    VARCHAR(40)  NOT NULL REFERENCES applicant (id),
    contingent      VARCHAR(20),
    mmi_score       DECIMAL(6, 2),
    assessment_outcome VARCHAR(100),
    PRIMARY KEY (cycle_id, kind, version, applicant_id),
    FOREIGN KEY (cycle_id, kind, version) REFERENCES list_version (cycle_id, kind, version)
);

-- A contradiction between an applicant's profile and the partner lists, for the operator to resolve.
CREATE TABLE reconciliation_case (
    id              BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    cycle_id        VARCHAR(40)  NOT NULL REFERENCES cycle (id),
    applicant_id    VARCHAR(40)  NOT NULL REFERENCES applicant (id),
    code            VARCHAR(60)  NOT NULL,
    list_kind       VARCHAR(10)  NOT NULL,
    list_version    INTEGER      NOT NULL,
    status          VARCHAR(30)  NOT NULL,
    summary_en      VARCHAR(2000) NOT NULL,
    summary_fr      VARCHAR(2000) NOT NULL,
    opened_at       TIMESTAMP    NOT NULL,
    closed_at       TIMESTAMP,
    closed_by       VARCHAR(200),
    resolution      VARCHAR(2000)
);
CREATE INDEX reconciliation_case_by_cycle ON reconciliation_case (cycle_id, status);
CREATE INDEX reconciliation_case_by_applicant ON reconciliation_case (cycle_id, applicant_id, code);

CREATE TABLE case_comment (
    id              BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    case_id         BIGINT       NOT NULL REFERENCES reconciliation_case (id),
    author          VARCHAR(200) NOT NULL,
    written_at      TIMESTAMP    NOT NULL,
    body            VARCHAR(4000) NOT NULL
);

CREATE TABLE user_account (
    id              BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    email           VARCHAR(320) NOT NULL UNIQUE,
    display_name    VARCHAR(200) NOT NULL,
    password_hash   VARCHAR(300) NOT NULL,
    role            VARCHAR(20)  NOT NULL,
    applicant_id    VARCHAR(40)  REFERENCES applicant (id),
    faculty_id      VARCHAR(40)  REFERENCES faculty (id),
    partner_body    VARCHAR(20),
    created_at      TIMESTAMP    NOT NULL
);

-- Sessions live in the database so that several service instances share them. Only a hash of the
-- session id is stored: a leaked table does not give away live sessions.
CREATE TABLE web_session (
    id_hash         VARCHAR(64)  PRIMARY KEY,
    user_id         BIGINT       REFERENCES user_account (id),
    csrf_token      VARCHAR(64)  NOT NULL,
    locale          VARCHAR(5)   NOT NULL,
    created_at      TIMESTAMP    NOT NULL,
    last_seen_at    TIMESTAMP    NOT NULL
);

CREATE TABLE api_token (
    id              BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    token_hash      VARCHAR(64)  NOT NULL UNIQUE,
    user_id         BIGINT       NOT NULL REFERENCES user_account (id),
    label           VARCHAR(200) NOT NULL,
    created_at      TIMESTAMP    NOT NULL,
    revoked_at      TIMESTAMP
);

-- Written in the same transaction as the change it records. No personal data beyond ids.
CREATE TABLE audit_log (
    id              BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    at              TIMESTAMP    NOT NULL,
    actor           VARCHAR(200) NOT NULL,
    action          VARCHAR(100) NOT NULL,
    target          VARCHAR(200) NOT NULL,
    details         VARCHAR(4000)
);
CREATE INDEX audit_log_by_target ON audit_log (target);
