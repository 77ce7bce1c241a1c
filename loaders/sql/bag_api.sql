-- Saved PDOK BAG OGC API pages (staged by bag_api.py as bag_api_vbo_ruw, bag_api_pand_ruw, geometry
-- already in RD) into the snapshot. Status filter: bag_vervallen() from bag_status.sql.
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

DROP TABLE bag_api_vbo_ruw;
DROP TABLE bag_api_pand_ruw;
DROP TABLE bag_api_vbo;
DROP TABLE bag_api_pand;
DROP TABLE bag_api_vbo_pand;
