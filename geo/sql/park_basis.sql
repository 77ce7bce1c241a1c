-- The areas a bedrijventerrein profile compares: every bedrijventerrein (each source apart)
-- and the whole municipality. Needs indicator_basis, and the automotive indicator's parameters
-- set (for the view automotive_vestiging), so "automotive" means the same here as in that indicator.
CREATE OR REPLACE TEMP TABLE profiel_gebied AS
SELECT g.gebied_id, g.soort, g.naam, g.bron, coalesce(b.omschrijving, g.bron) AS bron_naam,
       g.oppervlakte_ha, g.geom
FROM gebied g LEFT JOIN bron b ON b.bron = g.bron
WHERE g.soort IN ('bedrijventerrein', 'gemeente');

-- A pand belongs to an area when its centroid lies inside (as for the leegstand indicator).
CREATE OR REPLACE TEMP TABLE profiel_pand AS
SELECT k.gebied_id, p.identificatie AS pand
FROM profiel_gebied k JOIN pand p ON ST_Intersects(k.geom, ST_Centroid(p.geom));

-- Every vestiging (active or not) on an address in the area, with what the profile needs.
CREATE OR REPLACE TEMP TABLE profiel_vestiging AS
SELECT l.gebied_id, v.vestigingsnummer, v.datum_aanvang, v.datum_einde, a.vbo,
       a.pand_identificatie AS pand,
       is_actief(v.datum_aanvang, v.datum_einde, getvariable('peildatum')) AS actief,
       v.vestigingsnummer IN (SELECT vestigingsnummer FROM automotive_vestiging) AS automotive,
       a.vbo IN (SELECT vbo FROM rdw_erkend) AS rdw_op_adres,
       a.pand_identificatie IN (SELECT pand FROM rdw_erkend WHERE pand IS NOT NULL) AS rdw_in_pand
FROM gebied_lid l
JOIN profiel_gebied k USING (gebied_id)
JOIN vestiging v ON v.verblijfsobject_id = l.verblijfsobject_id
JOIN adres a ON a.vbo = v.verblijfsobject_id;
