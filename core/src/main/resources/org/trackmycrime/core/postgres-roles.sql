-- TrackMyCrime on PostgreSQL: an owner role that owns the schema and runs the migrations, and a
-- runtime role the SDK connects as, which may insert and read the audit trail but never change or
-- remove it. Change the role names, passwords and database name to your own before running.
-- (This file is also run by the SDK's tests, which replace the names.)

-- Part 1: as a superuser, once.
CREATE ROLE tmc_owner LOGIN PASSWORD 'change-me-owner';
CREATE ROLE tmc_runtime LOGIN PASSWORD 'change-me-runtime';
CREATE DATABASE trackmycrime OWNER tmc_owner;

-- Part 2: connected to the database as tmc_owner, after migrating as tmc_owner
-- (TrackMyCrime.migrate(ownerDataSource)); run it again after every upgrade that adds tables.
-- The SDK then runs as tmc_runtime with TrackMyCrime.builder().migrate(false).
GRANT USAGE ON SCHEMA public TO tmc_runtime;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tmc_runtime;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO tmc_runtime;
-- the audit trail is append-only for the runtime role
REVOKE UPDATE, DELETE, TRUNCATE ON tmc_audit_event FROM tmc_runtime;
-- the migration history is the owner's
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON tmc_schema_history FROM tmc_runtime;
