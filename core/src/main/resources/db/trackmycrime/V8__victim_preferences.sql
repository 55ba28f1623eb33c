-- A victim's own choices, made in the portal, kept apart from tmc_victim (which the records system
-- writes) so that later record events never undo them. Null columns mean "no choice made": the
-- records system's value or the service's default applies. Portable SQL: H2 2.x and PostgreSQL.
CREATE TABLE tmc_victim_preference (
    force_slug             VARCHAR(64)  NOT NULL,
    crime_ref              VARCHAR(64)  NOT NULL,
    victim_ref             VARCHAR(64)  NOT NULL,
    -- the channels alerts go to, comma-separated (EMAIL,SMS); null: every usable channel
    alert_channels         VARCHAR(40),
    -- 'en' or 'cy'; overrides tmc_victim.lang when set
    lang                   VARCHAR(2),
    -- whether the victim chose their own quiet hours for texts; when true and both minutes are
    -- null, texts may go at any hour
    quiet_chosen           BOOLEAN      NOT NULL,
    quiet_from_minute      INTEGER,
    quiet_until_minute     INTEGER,
    -- overrides tmc_victim.update_frequency_days when set
    update_frequency_days  INTEGER,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (force_slug, crime_ref, victim_ref),
    FOREIGN KEY (force_slug, crime_ref, victim_ref)
        REFERENCES tmc_victim (force_slug, crime_ref, victim_ref)
);

-- a queued victim message that must go on one channel only (a reset link to the contact the
-- account signs in with, a sign-in code to the confirmed mobile); null: the dispatcher chooses
ALTER TABLE tmc_outbox ADD COLUMN dispatch_channel VARCHAR(8);
