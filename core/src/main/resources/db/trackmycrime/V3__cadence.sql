-- Update cadence: the obligations index, officers' reminders through the outbox, holding updates.
-- Portable SQL: every statement runs unchanged on H2 2.x and PostgreSQL.

-- a force may let the SDK publish holding updates (off by default)
ALTER TABLE tmc_force ADD COLUMN holding_updates BOOLEAN DEFAULT FALSE NOT NULL;

-- when the SDK began chasing the crime's obligations: the bulk load that brought it, or the epoch
-- for a crime followed live; null until first computed. What fell due before it is history.
ALTER TABLE tmc_crime ADD COLUMN cadence_from TIMESTAMP WITH TIME ZONE;

-- "this unit" reads go officer -> obligations
CREATE INDEX tmc_officer_by_unit ON tmc_officer (force_slug, unit);

-- What each enrolled victim of each crime is owed, and what they were owed: one row per obligation,
-- rewritten in the transaction of every change to the crime (record event, enrolment change).
-- status is as of computed_at; PENDING rows whose due_at has passed read as OVERDUE.
CREATE TABLE tmc_obligation (
    force_slug      VARCHAR(64)   NOT NULL,
    crime_ref       VARCHAR(64)   NOT NULL,
    victim_ref      VARCHAR(64)   NOT NULL,
    -- REGULAR_UPDATE@<startsAt> or KEY_DECISION@<kind>@<occurredAt>, #n when repeated
    obligation_key  VARCHAR(120)  NOT NULL,
    kind            VARCHAR(16)   NOT NULL,
    decision        VARCHAR(32),
    starts_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the last second that still counts as on time
    due_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    due_date        DATE          NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    met_at          TIMESTAMP WITH TIME ZONE,
    met_by_holding  BOOLEAN       DEFAULT FALSE NOT NULL,
    explanation     VARCHAR(4000) NOT NULL,
    -- the crime's officer in charge (null while none is assigned)
    officer_ref     VARCHAR(64),
    -- the next reminder, notice, escalation or holding update to consider; null when none is left
    next_action_at  TIMESTAMP WITH TIME ZONE,
    due_soon_done   BOOLEAN       DEFAULT FALSE NOT NULL,
    holding_done    BOOLEAN       DEFAULT FALSE NOT NULL,
    overdue_done    BOOLEAN       DEFAULT FALSE NOT NULL,
    escalation_done BOOLEAN       DEFAULT FALSE NOT NULL,
    computed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (force_slug, crime_ref, victim_ref, obligation_key),
    FOREIGN KEY (force_slug, crime_ref, victim_ref)
        REFERENCES tmc_victim (force_slug, crime_ref, victim_ref)
);
-- due soon / overdue for a force: WHERE force_slug = ? AND status = ? AND due_at <= ?, one range per
-- open status, in the order listed. Deadlines end at 23:59:59 local, so tens of thousands share a
-- due_at: the key's tail orders those too, and a page reads only its own rows.
CREATE INDEX tmc_obligation_due
    ON tmc_obligation (force_slug, status, due_at, crime_ref, victim_ref, obligation_key);
-- the same for one officer; a unit is read officer by officer (tmc_officer_by_unit)
CREATE INDEX tmc_obligation_officer ON tmc_obligation (force_slug, officer_ref, status, due_at);
-- the reminder run: WHERE force_slug = ? AND next_action_at <= ?
CREATE INDEX tmc_obligation_next ON tmc_obligation (force_slug, next_action_at);
-- the compliance report: WHERE force_slug = ? AND due_at BETWEEN ? AND ?
CREATE INDEX tmc_obligation_due_range ON tmc_obligation (force_slug, due_at);

-- officers' reminders, overdue notices and escalations: who, and which obligation
ALTER TABLE tmc_outbox ADD COLUMN officer_ref VARCHAR(64);
ALTER TABLE tmc_outbox ADD COLUMN unit VARCHAR(200);
ALTER TABLE tmc_outbox ADD COLUMN obligation_key VARCHAR(120);
