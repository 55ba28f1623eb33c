-- Outbox dispatch (trackmycrime-notifications): leases, retries, coalescing, per-channel deliveries,
-- delivery receipts and the stop-contact switch. Portable SQL: runs unchanged on H2 2.x and
-- PostgreSQL. The dispatcher's own columns on tmc_outbox are all prefixed dispatch_.

-- who holds the row (a claim token, not a host name) and until when; an expired lease is claimed again
ALTER TABLE tmc_outbox ADD COLUMN dispatch_lease_owner VARCHAR(100);
ALTER TABLE tmc_outbox ADD COLUMN dispatch_lease_until TIMESTAMP WITH TIME ZONE;
-- not to be tried before this instant (retry backoff, quiet hours); null: as soon as possible
ALTER TABLE tmc_outbox ADD COLUMN dispatch_next_at TIMESTAMP WITH TIME ZONE;
-- sending passes that tried a provider (quiet-hours deferrals do not count)
ALTER TABLE tmc_outbox ADD COLUMN dispatch_attempts INTEGER DEFAULT 0 NOT NULL;
-- for status COALESCED: the alert that was sent in this one's place
ALTER TABLE tmc_outbox ADD COLUMN dispatch_coalesced_into BIGINT;
-- template parameters a writer supplied (an activation link, a sign-in code, the failed channel),
-- as JSON; erased once the row is final so single-use links and codes do not linger
ALTER TABLE tmc_outbox ADD COLUMN dispatch_params VARCHAR(4000);
-- the last failure: a provider code or a dispatcher code, never message text or addresses
ALTER TABLE tmc_outbox ADD COLUMN dispatch_error VARCHAR(400);
-- when the row reached SENT, FAILED, DEAD, CANCELLED or COALESCED
ALTER TABLE tmc_outbox ADD COLUMN dispatch_finished_at TIMESTAMP WITH TIME ZONE;

-- coalescing: the pending alerts of one victim on one crime
CREATE INDEX tmc_outbox_dispatch_group ON tmc_outbox (force_slug, crime_ref, victim_ref, status);
-- claiming: the pending rows of a force in id order
CREATE INDEX tmc_outbox_dispatch_claim ON tmc_outbox (force_slug, status, id);

-- the definitive result of one outbox row on one channel: accepted by the provider, or refused for
-- good; transient failures leave no row (the outbox row keeps the attempt count and the error)
CREATE TABLE tmc_dispatch_delivery (
    outbox_id         BIGINT       NOT NULL REFERENCES tmc_outbox (id),
    delivery_channel  VARCHAR(8)   NOT NULL,
    force_slug        VARCHAR(64)  NOT NULL,
    channel_name      VARCHAR(32)  NOT NULL,
    outcome           VARCHAR(16)  NOT NULL,
    provider_id       VARCHAR(200),
    attempt           INTEGER      NOT NULL,
    error_code        VARCHAR(64),
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (outbox_id, delivery_channel)
);
CREATE INDEX tmc_dispatch_delivery_by_provider ON tmc_dispatch_delivery (channel_name, provider_id);

-- delivery receipts by the provider's id, kept apart from deliveries so a receipt that arrives before
-- the acceptance is recorded is not lost; the status only moves forward (ACCEPTED -> DELIVERED/FAILED)
CREATE TABLE tmc_dispatch_receipt (
    channel_name    VARCHAR(32)  NOT NULL,
    provider_id     VARCHAR(200) NOT NULL,
    receipt_status  VARCHAR(16)  NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (channel_name, provider_id)
);

-- "stop contact": nothing more goes to this victim until staff resume contact
CREATE TABLE tmc_dispatch_stop (
    force_slug  VARCHAR(64)  NOT NULL,
    crime_ref   VARCHAR(64)  NOT NULL,
    victim_ref  VARCHAR(64)  NOT NULL,
    stopped_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    stopped_by  VARCHAR(200) NOT NULL,
    PRIMARY KEY (force_slug, crime_ref, victim_ref),
    FOREIGN KEY (force_slug, crime_ref, victim_ref)
        REFERENCES tmc_victim (force_slug, crime_ref, victim_ref)
);
