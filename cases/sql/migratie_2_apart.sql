-- Migration to schema 2, step 1: set the old vernietiging table (with internal id, theme and dates)
-- aside, so that schema.sql can create the new one.
ALTER TABLE vernietiging RENAME TO vernietiging_v1;
