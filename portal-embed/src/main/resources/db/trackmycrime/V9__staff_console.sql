-- The staff console lists the crimes an officer is in charge of (CrimeStore.listForOfficer).
CREATE INDEX tmc_crime_by_officer ON tmc_crime (force_slug, officer_ref);
