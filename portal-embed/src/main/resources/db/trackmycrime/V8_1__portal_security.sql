-- Victim portal (trackmycrime-portal): password reset links, second factors, and sign-ins or text
-- codes waiting for a second factor. Version 8.1: the account work's share of version 8 (core's
-- V8 holds the victims' preferences), shipped in the portal's jar. Secrets are stored only as
-- SHA-256 hashes (tokens, codes) or sealed with the host's key (authenticator secrets).
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL.

-- single-use password reset links: only the SHA-256 of the token is kept
CREATE TABLE tmc_portal_reset (
    token_hash   VARCHAR(64)  NOT NULL PRIMARY KEY,
    force_slug   VARCHAR(64)  NOT NULL,
    account_id   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at      TIMESTAMP WITH TIME ZONE,
    FOREIGN KEY (force_slug, account_id) REFERENCES tmc_portal_account (force_slug, account_id)
);
CREATE INDEX tmc_portal_reset_account ON tmc_portal_reset (force_slug, account_id);

-- an account's second factor: NONE, TOTP (an authenticator app) or SMS (codes by text to the
-- mobile of one of the account's victims, confirmed with a code)
CREATE TABLE tmc_portal_second_factor (
    force_slug           VARCHAR(64)  NOT NULL,
    account_id           VARCHAR(64)  NOT NULL,
    factor               VARCHAR(8)   NOT NULL,
    totp_secret          VARCHAR(200),
    -- the last TOTP time step accepted: a code of that step or earlier is refused (replay)
    totp_last_step       BIGINT       DEFAULT 0 NOT NULL,
    -- a secret from "set up an authenticator app", not used until confirmed with a code
    pending_totp_secret  VARCHAR(200),
    sms_crime_ref        VARCHAR(64),
    sms_victim_ref       VARCHAR(64),
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (force_slug, account_id),
    FOREIGN KEY (force_slug, account_id) REFERENCES tmc_portal_account (force_slug, account_id)
);

-- a sign-in waiting for its second factor (purpose SIGN_IN), or a text code confirming a mobile
-- number for the second factor (purpose SMS_SETUP); only hashes of the token and the code are kept
CREATE TABLE tmc_portal_pending (
    token_hash       VARCHAR(64)  NOT NULL PRIMARY KEY,
    force_slug       VARCHAR(64)  NOT NULL,
    account_id       VARCHAR(64)  NOT NULL,
    purpose          VARCHAR(16)  NOT NULL,
    code_hash        VARCHAR(64),
    tries            INTEGER      NOT NULL,
    sends            INTEGER      NOT NULL,
    crime_ref        VARCHAR(64),
    victim_ref       VARCHAR(64),
    -- for a sign-in from an invitation (linking a crime): the invitation, linked on completion
    invitation_hash  VARCHAR(64),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX tmc_portal_pending_account ON tmc_portal_pending (force_slug, account_id);
