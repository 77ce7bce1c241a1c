-- Migration to schema 2, step 2: keep of each destruction only number, moment, actor and ground (the
-- ground in words from the old term and einddatum), drop the old table, and have the next retention
-- run rewrite the file so the dropped columns leave it. Variable: herschrijven_sleutel.
INSERT INTO vernietiging (casusnummer, vernietigd_op, uitgevoerd_door, grondslag)
SELECT casusnummer, vernietigd_op, uitgevoerd_door, vernietiging_grondslag(bewaartermijn_jaren, einddatum)
FROM vernietiging_v1;
DROP TABLE vernietiging_v1;
INSERT OR REPLACE INTO meta (sleutel, waarde) VALUES (getvariable('herschrijven_sleutel'), '1');
UPDATE meta SET waarde = '2' WHERE sleutel = 'schema_versie';
