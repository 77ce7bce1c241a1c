-- bag-light staging tables (bag_vbo_ruw, bag_pand_ruw, bag_wpl_ruw, bag_ligplaats_ruw,
-- bag_standplaats_ruw) into the snapshot.
-- Status filter: bag_vervallen() from bag_status.sql.

-- An object that occurs more than once keeps one row (by status). Only the ids that do repeat
-- go through the window: sorting every row with its geometry costs the most memory of the load.
CREATE OR REPLACE TEMP TABLE bag_dubbel AS
SELECT identificatie FROM bag_vbo_ruw GROUP BY ALL HAVING count(*) > 1
UNION ALL
SELECT identificatie FROM bag_pand_ruw GROUP BY ALL HAVING count(*) > 1;

CREATE OR REPLACE TEMP MACRO bag_enkel(ruw) AS TABLE
SELECT r.* FROM query_table(ruw) r ANTI JOIN bag_dubbel d USING (identificatie)
WHERE NOT bag_vervallen(r.status)
UNION ALL
SELECT r.* FROM query_table(ruw) r SEMI JOIN bag_dubbel d USING (identificatie)
WHERE NOT bag_vervallen(r.status)
QUALIFY row_number() OVER (PARTITION BY r.identificatie ORDER BY r.status) = 1;

INSERT INTO verblijfsobject BY NAME
SELECT
    identificatie,
    trim(split_part(pand_identificatie, ',', 1)) AS pand_identificatie,
    string_split(gebruiksdoel, ',') AS gebruiksdoelen,
    oppervlakte,
    status,
    openbare_ruimte_naam AS openbare_ruimte,
    huisnummer,
    nullif(trim(huisletter), '') AS huisletter,
    nullif(trim(toevoeging), '') AS toevoeging,
    upper(replace(postcode, ' ', '')) AS postcode,
    woonplaats_naam AS woonplaats,
    nummeraanduiding_hoofdadres_identificatie AS nummeraanduiding_id,
    bouwjaar,
    bronhouder_identificatie AS gemeentecode,
    geom
FROM bag_enkel('bag_vbo_ruw')
WHERE NOT bag_vervallen(status);

-- Panden: those referenced by a kept verblijfsobject, plus (when one gemeente is read) those whose
-- centre lies in the gemeente's woonplaatsen: sheds and garages have no verblijfsobject.
CREATE OR REPLACE TEMP TABLE bag_territorium AS
SELECT ST_Union_Agg(geom) AS geom FROM bag_wpl_ruw;

INSERT INTO pand BY NAME
SELECT p.identificatie, p.bouwjaar, p.status,
       substr(p.identificatie, 1, 4) AS gemeentecode,
       ST_Area(p.geom) AS oppervlakte,
       p.geom AS geom
FROM bag_enkel('bag_pand_ruw') p, bag_territorium t
WHERE NOT bag_vervallen(p.status)
  AND (getvariable('heel_bestand')
       OR p.identificatie IN (SELECT pand_identificatie FROM verblijfsobject)
       OR (t.geom IS NOT NULL AND ST_Intersects(t.geom, ST_Centroid(p.geom))));

-- Ligplaatsen and standplaatsen: the plot, a point on it, and the hoofdadres.
CREATE OR REPLACE TEMP MACRO bag_gpkg_plaatsen(ruw) AS TABLE
SELECT identificatie, status,
       openbare_ruimte_naam AS openbare_ruimte,
       try_cast(huisnummer AS INTEGER) AS huisnummer,
       nullif(trim(huisletter::VARCHAR), '') AS huisletter,
       nullif(trim(toevoeging::VARCHAR), '') AS toevoeging,
       upper(replace(postcode, ' ', '')) AS postcode,
       woonplaats_naam AS woonplaats,
       nummeraanduiding_hoofdadres_identificatie AS nummeraanduiding_id,
       coalesce(bronhouder_identificatie, substr(identificatie, 1, 4)) AS gemeentecode,
       geom, ST_PointOnSurface(geom) AS punt
FROM query_table(ruw)
WHERE NOT coalesce(bag_vervallen(status), false) AND geom IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY identificatie ORDER BY status) = 1;

INSERT INTO ligplaats BY NAME SELECT * FROM bag_gpkg_plaatsen('bag_ligplaats_ruw');
INSERT INTO standplaats BY NAME SELECT * FROM bag_gpkg_plaatsen('bag_standplaats_ruw');

-- Nevenadressen (optional table) of the objects loaded.
INSERT INTO nevenadres BY NAME
SELECT DISTINCT ON (n.nummeraanduiding_identificatie, o.identificatie)
       n.nummeraanduiding_identificatie AS nummeraanduiding_id,
       o.identificatie AS adresseerbaar_id, o.object_soort,
       upper(replace(n.postcode, ' ', '')) AS postcode,
       try_cast(n.huisnummer AS INTEGER) AS huisnummer,
       nullif(trim(n.huisletter::VARCHAR), '') AS huisletter,
       nullif(trim(n.toevoeging::VARCHAR), '') AS toevoeging,
       n.openbare_ruimte_naam AS openbare_ruimte, n.woonplaats_naam AS woonplaats
FROM bag_neven_ruw n
JOIN (SELECT 'verblijfsobject' AS object_soort, identificatie FROM verblijfsobject
      UNION ALL SELECT 'ligplaats', identificatie FROM ligplaats
      UNION ALL SELECT 'standplaats', identificatie FROM standplaats) o
  ON o.identificatie = n.adresseerbaar_object_identificatie;

DROP TABLE bag_neven_ruw;
DROP TABLE bag_ligplaats_ruw;
DROP TABLE bag_standplaats_ruw;
DROP TABLE bag_vbo_ruw;
DROP TABLE bag_pand_ruw;
DROP TABLE bag_wpl_ruw;
DROP TABLE bag_territorium;
DROP TABLE bag_dubbel;
