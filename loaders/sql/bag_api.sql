-- Saved PDOK BAG OGC API pages (staged by bag_api_load.py as bag_api_vbo_ruw, bag_api_pand_ruw,
-- bag_api_lig_ruw, bag_api_sta_ruw, bag_api_adres_ruw; geometry already in RD) into the snapshot. Status filter: bag_vervallen() from bag_status.sql.
-- Variable gemeente: the 4-digit gemeentecode, or NULL when a bbox alone was downloaded.

CREATE OR REPLACE TEMP TABLE bag_api_pand AS
SELECT * FROM bag_api_pand_ruw
QUALIFY row_number() OVER (PARTITION BY identificatie
                           ORDER BY bag_vervallen(status), status, feature_id) = 1;

-- Verblijfsobjecten of the gemeente (a bbox download also holds its neighbours' objects).
CREATE OR REPLACE TEMP TABLE bag_api_vbo AS
SELECT * FROM bag_api_vbo_ruw
WHERE NOT coalesce(bag_vervallen(status), false)
  AND (getvariable('gemeente') IS NULL OR bronhouder_identificatie IS NULL
       OR bronhouder_identificatie = getvariable('gemeente'))
QUALIFY row_number() OVER (PARTITION BY identificatie ORDER BY status) = 1;

-- A vbo's pand: the last path segment of pand.href when it is a 16-digit BAG id; else, when that
-- segment is the feature id (UUID) of a downloaded pand, that pand's identificatie.
CREATE OR REPLACE TEMP TABLE bag_api_vbo_pand AS
SELECT r.vbo_id,
       min(CASE WHEN regexp_full_match(r.ref, '[0-9]{16}') THEN r.ref ELSE p.identificatie END)
           AS pand_identificatie
FROM (SELECT identificatie AS vbo_id, unnest(pand_refs) AS ref FROM bag_api_vbo) r
LEFT JOIN bag_api_pand p ON p.feature_id = r.ref
GROUP BY r.vbo_id
HAVING pand_identificatie IS NOT NULL;

-- Otherwise: the pand whose footprint holds the vbo's point (a current pand first).
INSERT INTO bag_api_vbo_pand
SELECT v.identificatie, p.identificatie
FROM bag_api_vbo v
JOIN bag_api_pand p ON ST_Intersects(p.geom, v.geom)
WHERE v.identificatie NOT IN (SELECT vbo_id FROM bag_api_vbo_pand)
QUALIFY row_number() OVER (PARTITION BY v.identificatie
                           ORDER BY bag_vervallen(p.status), p.identificatie) = 1;

INSERT INTO verblijfsobject BY NAME
SELECT
    v.identificatie,
    vp.pand_identificatie,
    v.gebruiksdoelen,
    v.oppervlakte,
    v.status,
    v.openbare_ruimte_naam AS openbare_ruimte,
    v.huisnummer,
    nullif(trim(v.huisletter), '') AS huisletter,
    nullif(trim(v.toevoeging), '') AS toevoeging,
    upper(replace(v.postcode, ' ', '')) AS postcode,
    v.woonplaats_naam AS woonplaats,
    v.hoofdadres_identificatie AS nummeraanduiding_id,
    coalesce(v.bouwjaar, p.bouwjaar) AS bouwjaar,
    coalesce(v.bronhouder_identificatie, substr(v.identificatie, 1, 4)) AS gemeentecode,
    v.geom
FROM bag_api_vbo v
LEFT JOIN bag_api_vbo_pand vp ON vp.vbo_id = v.identificatie
LEFT JOIN bag_api_pand p ON p.identificatie = vp.pand_identificatie;

-- Panden: those of a kept vbo, plus those without one (sheds, garages) whose id carries the
-- gemeentecode or the code of a former gemeente now part of it (seen in its vbo's panden).
-- Neighbours' panden caught by the bounding box of the download are left out.
INSERT INTO pand BY NAME
SELECT identificatie, bouwjaar, status,
       substr(identificatie, 1, 4) AS gemeentecode,
       ST_Area(geom) AS oppervlakte,
       geom
FROM bag_api_pand
WHERE NOT coalesce(bag_vervallen(status), false)
  AND (getvariable('gemeente') IS NULL
       OR identificatie IN (SELECT pand_identificatie FROM bag_api_vbo_pand)
       OR substr(identificatie, 1, 4) IN (
              SELECT substr(pand_identificatie, 1, 4) FROM bag_api_vbo_pand
              UNION SELECT getvariable('gemeente')));

-- Ligplaatsen and standplaatsen of the gemeente (asked by bounding box): by bronhouder when the
-- server gives it, else by the gemeentecode in the identificatie, as for panden. Their address
-- comes with them or, failing that, from the adres collection (their hoofdadres).
CREATE OR REPLACE TEMP TABLE bag_api_plaats AS
SELECT p.object_soort, p.identificatie, p.status,
       coalesce(p.openbare_ruimte_naam, a.openbare_ruimte_naam) AS openbare_ruimte,
       coalesce(p.huisnummer, a.huisnummer) AS huisnummer,
       nullif(trim(coalesce(p.huisletter, a.huisletter)), '') AS huisletter,
       nullif(trim(coalesce(p.toevoeging, a.toevoeging)), '') AS toevoeging,
       upper(replace(coalesce(p.postcode, a.postcode), ' ', '')) AS postcode,
       coalesce(p.woonplaats_naam, a.woonplaats_naam) AS woonplaats,
       p.hoofdadres_identificatie AS nummeraanduiding_id,
       coalesce(p.bronhouder_identificatie, substr(p.identificatie, 1, 4)) AS gemeentecode,
       p.geom, ST_PointOnSurface(p.geom) AS punt
FROM (SELECT 'ligplaats' AS object_soort, * FROM bag_api_lig_ruw
      UNION ALL SELECT 'standplaats', * FROM bag_api_sta_ruw) p
LEFT JOIN (SELECT * FROM bag_api_adres_ruw
           QUALIFY row_number() OVER (PARTITION BY identificatie ORDER BY adresseerbaar_object_identificatie) = 1) a
       ON a.identificatie = p.hoofdadres_identificatie
WHERE NOT coalesce(bag_vervallen(p.status), false)
  AND (getvariable('gemeente') IS NULL
       OR p.bronhouder_identificatie = getvariable('gemeente')
       OR (p.bronhouder_identificatie IS NULL AND substr(p.identificatie, 1, 4) IN (
              SELECT substr(identificatie, 1, 4) FROM bag_api_vbo
              UNION SELECT getvariable('gemeente'))))
QUALIFY row_number() OVER (PARTITION BY p.identificatie ORDER BY p.status) = 1;

INSERT INTO ligplaats BY NAME
SELECT * EXCLUDE (object_soort) FROM bag_api_plaats WHERE object_soort = 'ligplaats';
INSERT INTO standplaats BY NAME
SELECT * EXCLUDE (object_soort) FROM bag_api_plaats WHERE object_soort = 'standplaats';

-- Nevenadressen: every address of a loaded object that is not its hoofdadres.
INSERT INTO nevenadres BY NAME
SELECT DISTINCT ON (a.identificatie, o.identificatie)
       a.identificatie AS nummeraanduiding_id, o.identificatie AS adresseerbaar_id,
       o.object_soort, upper(replace(a.postcode, ' ', '')) AS postcode, a.huisnummer,
       nullif(trim(a.huisletter), '') AS huisletter, nullif(trim(a.toevoeging), '') AS toevoeging,
       a.openbare_ruimte_naam AS openbare_ruimte, a.woonplaats_naam AS woonplaats
FROM bag_api_adres_ruw a
JOIN (SELECT 'verblijfsobject' AS object_soort, identificatie, nummeraanduiding_id
      FROM verblijfsobject
      UNION ALL SELECT object_soort, identificatie, nummeraanduiding_id FROM bag_api_plaats) o
  ON o.identificatie = a.adresseerbaar_object_identificatie
WHERE a.identificatie IS DISTINCT FROM o.nummeraanduiding_id;

DROP TABLE bag_api_lig_ruw;
DROP TABLE bag_api_sta_ruw;
DROP TABLE bag_api_adres_ruw;
DROP TABLE bag_api_plaats;
DROP TABLE bag_api_vbo_ruw;
DROP TABLE bag_api_pand_ruw;
DROP TABLE bag_api_vbo;
DROP TABLE bag_api_pand;
DROP TABLE bag_api_vbo_pand;
