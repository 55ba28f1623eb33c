-- Victims' messages through the Command Hub: topic and urgency, property details, replies, and the
-- staff-side history of every action with its internal note. Portable SQL: runs unchanged on H2 2.x
-- and PostgreSQL.

ALTER TABLE tmc_victim_message ADD COLUMN topic VARCHAR(32) DEFAULT 'QUESTION' NOT NULL;
ALTER TABLE tmc_victim_message ADD COLUMN urgent BOOLEAN DEFAULT FALSE NOT NULL;
-- the configured phrases the text matched when sent (not the victim's words), comma-free, '|'-joined
ALTER TABLE tmc_victim_message ADD COLUMN urgent_phrases VARCHAR(2000);
ALTER TABLE tmc_victim_message ADD COLUMN assigned_unit VARCHAR(200);
ALTER TABLE tmc_victim_message ADD COLUMN close_reason VARCHAR(32);
-- PROPERTY_DETAILS: the item of the crime and what the victim added about it
ALTER TABLE tmc_victim_message ADD COLUMN property_item_ref VARCHAR(64);
ALTER TABLE tmc_victim_message ADD COLUMN property_serial VARCHAR(100);
ALTER TABLE tmc_victim_message ADD COLUMN property_description VARCHAR(1000);
ALTER TABLE tmc_victim_message ADD COLUMN property_value_pence BIGINT;

-- the hub's inbox (status), the officer's list, the per-victim daily limit
CREATE INDEX tmc_victim_message_by_status ON tmc_victim_message (force_slug, status, sent_at);
CREATE INDEX tmc_victim_message_by_officer ON tmc_victim_message (force_slug, assigned_officer_ref);
CREATE INDEX tmc_victim_message_by_victim
    ON tmc_victim_message (force_slug, crime_ref, victim_ref, sent_at);

-- replies to the victim, in order; replied_by stays staff-side
CREATE TABLE tmc_message_reply (
    force_slug   VARCHAR(64)   NOT NULL,
    message_id   VARCHAR(64)   NOT NULL,
    seq          INTEGER       NOT NULL,
    body         VARCHAR(4000) NOT NULL,
    replied_by   VARCHAR(200)  NOT NULL,
    replied_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (force_slug, message_id, seq),
    FOREIGN KEY (force_slug, message_id) REFERENCES tmc_victim_message (force_slug, message_id)
);

-- every step of a message (sent, forwarded, reassigned, replied, closed) with who and the internal
-- note; staff only: the victim sees the message's status, never this table
CREATE TABLE tmc_message_action (
    force_slug    VARCHAR(64)   NOT NULL,
    message_id    VARCHAR(64)   NOT NULL,
    seq           INTEGER       NOT NULL,
    action_type   VARCHAR(16)   NOT NULL,
    actor         VARCHAR(200)  NOT NULL,
    acted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    officer_ref   VARCHAR(64),
    unit          VARCHAR(200),
    close_reason  VARCHAR(32),
    note          VARCHAR(2000),
    PRIMARY KEY (force_slug, message_id, seq),
    FOREIGN KEY (force_slug, message_id) REFERENCES tmc_victim_message (force_slug, message_id)
);
