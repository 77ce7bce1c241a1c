-- Migration to schema 3: the kaartrol table (map rights per datarol) is new and starts empty, and
-- the setting that uses it starts off, so every user sees what he saw before. schema.sql has
-- created the table already; this records the version.
UPDATE meta SET waarde = '3' WHERE sleutel = 'schema_versie';
