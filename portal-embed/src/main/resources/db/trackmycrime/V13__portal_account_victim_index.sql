-- The crimes an account may read are looked up by account on every signed-in page. H2 indexes the
-- foreign key's columns by itself; PostgreSQL does not, and without this index read the whole table
-- (100,000 rows in the portal benchmark) for each page. Portable SQL: H2 2.x and PostgreSQL.
CREATE INDEX tmc_portal_account_victim_account ON tmc_portal_account_victim (force_slug, account_id);
