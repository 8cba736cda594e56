-- Anonymous visitors write nothing: the CSRF token of their forms is signed with a key that every
-- instance shares through this table (created once, by the first instance to start).
CREATE TABLE server_secret (
    name            VARCHAR(40)  PRIMARY KEY,
    secret          VARCHAR(100) NOT NULL,
    created_at      TIMESTAMP    NOT NULL
);

-- Throttles count in one row per key and window (a failed sign-in per account and address, per
-- address; reset emails per account and per address) instead of one row per event, so that a flood
-- of failures cannot fill the disk. Keys are hashes; account_hash lets a password reset clear
-- every throttle of its account.
CREATE TABLE throttle_counter (
    key_hash        VARCHAR(64)  PRIMARY KEY,
    account_hash    VARCHAR(64),
    hits            INTEGER      NOT NULL,
    expires_at      TIMESTAMP    NOT NULL
);
CREATE INDEX throttle_counter_by_account ON throttle_counter (account_hash);
CREATE INDEX throttle_counter_by_expiry ON throttle_counter (expires_at);

DROP TABLE login_failure;

-- The sweep deletes expired sessions by these.
CREATE INDEX web_session_by_last_seen ON web_session (last_seen_at);
