-- Victim portal (trackmycrime-portal): accounts, the crimes they may read, invitations and sessions.
-- Shipped in the portal's jar under the SDK's one location, so only hosts that embed the portal get
-- these tables. Secrets are stored only as SHA-256 hashes (tokens, session ids) or Argon2id hashes
-- (passwords). Portable SQL: runs unchanged on H2 2.x and PostgreSQL.

CREATE TABLE tmc_portal_account (
    force_slug     VARCHAR(64)  NOT NULL,
    account_id     VARCHAR(64)  NOT NULL,
    -- 'EMAIL' or 'SMS': the contact the first invitation went to, which is the sign-in name
    login_kind     VARCHAR(8)   NOT NULL,
    login          VARCHAR(254) NOT NULL,
    password_hash  VARCHAR(400) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    password_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (force_slug, account_id),
    CONSTRAINT tmc_portal_account_login UNIQUE (force_slug, login)
);

-- the victims (one per crime) an account may read
CREATE TABLE tmc_portal_account_victim (
    force_slug  VARCHAR(64) NOT NULL,
    account_id  VARCHAR(64) NOT NULL,
    crime_ref   VARCHAR(64) NOT NULL,
    victim_ref  VARCHAR(64) NOT NULL,
    linked_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (force_slug, crime_ref, victim_ref),
    FOREIGN KEY (force_slug, account_id) REFERENCES tmc_portal_account (force_slug, account_id)
);

-- single-use invitation links: only the SHA-256 of the token is kept
CREATE TABLE tmc_portal_invitation (
    token_hash   VARCHAR(64)  NOT NULL PRIMARY KEY,
    force_slug   VARCHAR(64)  NOT NULL,
    crime_ref    VARCHAR(64)  NOT NULL,
    victim_ref   VARCHAR(64)  NOT NULL,
    login_kind   VARCHAR(8)   NOT NULL,
    login        VARCHAR(254) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at      TIMESTAMP WITH TIME ZONE
);

-- server-side sessions: only the SHA-256 of the cookie's id is kept
CREATE TABLE tmc_portal_session (
    id_hash       VARCHAR(64)  NOT NULL PRIMARY KEY,
    force_slug    VARCHAR(64)  NOT NULL,
    account_id    VARCHAR(64)  NOT NULL,
    csrf_token    VARCHAR(64)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX tmc_portal_session_account ON tmc_portal_session (force_slug, account_id);
