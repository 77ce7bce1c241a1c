-- Map rights (geo/kaartrechten.py): this cursor sees only the vestigingen of the branch groups
-- its user may see. TEMP views named like the snapshot's tables shadow them on this cursor only
-- (DuckDB looks in temp first), so every query that reads `vestiging`, `branche_lid`,
-- `koppel_kandidaat`, `rdw_bedrijf`, `waarschuwing` or `sbi_code` gets only the allowed rows:
-- the map, counts, LQ, signals, cards, search and every export alike.
-- Needs: branche_lid_alle (all memberships), kaartrecht_zichtbaar (kaartrechten_zichtbaar.sql)
-- and the variables kaartrecht_groepen (allowed group ids) and kaartrecht_rdw (boolean).
-- {snapshot} is the snapshot's catalog, quoted by the caller (a name, not data).
CREATE OR REPLACE TEMP VIEW vestiging AS
SELECT v.* FROM {snapshot}.main.vestiging v SEMI JOIN kaartrecht_zichtbaar z USING (vestigingsnummer);

-- A visible vestiging that is also in a group the user may not see does not show that group.
CREATE OR REPLACE TEMP VIEW branche_lid AS
SELECT b.* FROM branche_lid_alle b SEMI JOIN kaartrecht_zichtbaar z USING (vestigingsnummer)
WHERE list_contains(getvariable('kaartrecht_groepen'), b.groep);

CREATE OR REPLACE TEMP VIEW koppel_kandidaat AS
SELECT k.* FROM {snapshot}.main.koppel_kandidaat k SEMI JOIN kaartrecht_zichtbaar z USING (vestigingsnummer);

CREATE OR REPLACE TEMP VIEW rdw_bedrijf AS
SELECT * FROM {snapshot}.main.rdw_bedrijf WHERE getvariable('kaartrecht_rdw');

-- Build warnings about a hidden vestiging (sleutel = its number) are hidden with it.
CREATE OR REPLACE TEMP VIEW waarschuwing AS
SELECT w.* FROM {snapshot}.main.waarschuwing w
WHERE w.sleutel IS NULL
   OR w.sleutel NOT IN (SELECT vestigingsnummer FROM {snapshot}.main.vestiging
                        EXCEPT SELECT vestigingsnummer FROM kaartrecht_zichtbaar);

-- The SBI codes "in use" (bron 'kvk', when no full list was loaded) only as far as a visible
-- vestiging uses them: a code only a hidden vestiging has would tell it is there.
CREATE OR REPLACE TEMP VIEW sbi_code AS
SELECT c.* FROM {snapshot}.main.sbi_code c
WHERE c.bron <> 'kvk'
   OR EXISTS (SELECT 1 FROM vestiging v WHERE v.sbi_versie = c.versie AND list_contains(v.sbi_codes, c.code));
