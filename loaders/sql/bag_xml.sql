-- LVBAG XML staging tables (bag_xml_pnd/vbo/lig/sta/num/opr/wpl: current voorkomens only,
-- geometry as 2D WKB) into the snapshot. Variable: gemeente (4-digit code or NULL).
-- Per object the current voorkomen with the highest voorkomenidentificatie; statuses named by
-- bag_vervallen() (bag_status.sql) are dropped.

CREATE OR REPLACE TEMP TABLE bag_xml_pand_nu AS
SELECT * FROM bag_xml_pnd
QUALIFY row_number() OVER (PARTITION BY identificatie ORDER BY voorkomen DESC) = 1;

CREATE OR REPLACE TEMP TABLE bag_xml_num_nu AS
SELECT * FROM bag_xml_num
QUALIFY row_number() OVER (PARTITION BY identificatie ORDER BY voorkomen DESC) = 1;

CREATE OR REPLACE TEMP TABLE bag_xml_opr_nu AS
SELECT * FROM bag_xml_opr
QUALIFY row_number() OVER (PARTITION BY identificatie ORDER BY voorkomen DESC) = 1;

CREATE OR REPLACE TEMP TABLE bag_xml_wpl_nu AS
SELECT * FROM bag_xml_wpl
QUALIFY row_number() OVER (PARTITION BY identificatie ORDER BY voorkomen DESC) = 1;

-- Every nummeraanduiding with its full address (street and woonplaats names).
CREATE OR REPLACE TEMP TABLE bag_xml_adres AS
SELECT n.identificatie AS nummeraanduiding_id, n.object_type,
       o.naam AS openbare_ruimte, n.huisnummer,
       nullif(trim(n.huisletter), '') AS huisletter,
       nullif(trim(n.toevoeging), '') AS toevoeging,
       upper(replace(n.postcode, ' ', '')) AS postcode,
       w.naam AS woonplaats
FROM bag_xml_num_nu n
LEFT JOIN bag_xml_opr_nu o ON o.identificatie = n.openbare_ruimte_id
-- a nummeraanduiding names its own woonplaats only when it differs from its street's
LEFT JOIN bag_xml_wpl_nu w ON w.identificatie = coalesce(n.woonplaats_id, o.woonplaats_id);

INSERT INTO pand BY NAME
SELECT identificatie, bouwjaar, status,
       coalesce(getvariable('gemeente')::VARCHAR, substr(identificatie, 1, 4)) AS gemeentecode,
       ST_Area(geom) AS oppervlakte,
       geom
FROM (SELECT *, ST_GeomFromWKB(wkb) AS geom FROM bag_xml_pand_nu)
WHERE NOT bag_vervallen(status);

INSERT INTO verblijfsobject BY NAME
SELECT
    v.identificatie,
    v.pand_identificatie,
    v.gebruiksdoelen,
    v.oppervlakte,
    v.status,
    a.openbare_ruimte,
    a.huisnummer,
    a.huisletter,
    a.toevoeging,
    a.postcode,
    a.woonplaats,
    v.nummeraanduiding_id,
    p.bouwjaar,
    coalesce(getvariable('gemeente')::VARCHAR, substr(v.identificatie, 1, 4)) AS gemeentecode,
    -- a verblijfsobject is a point, or (rarely) a polygon: then a point inside it
    CASE WHEN ST_GeometryType(v.geom) = 'POINT' THEN v.geom ELSE ST_PointOnSurface(v.geom) END AS geom
FROM (SELECT *, ST_GeomFromWKB(wkb) AS geom FROM bag_xml_vbo
      QUALIFY row_number() OVER (PARTITION BY identificatie ORDER BY voorkomen DESC) = 1) v
LEFT JOIN bag_xml_adres a ON a.nummeraanduiding_id = v.nummeraanduiding_id
LEFT JOIN bag_xml_pand_nu p ON p.identificatie = v.pand_identificatie
WHERE NOT bag_vervallen(v.status);

-- Ligplaatsen and standplaatsen: the plot, a point on it, and the hoofdadres.
CREATE OR REPLACE TEMP TABLE bag_xml_plaats AS
SELECT p.*, a.* EXCLUDE (nummeraanduiding_id, object_type), ST_GeomFromWKB(p.wkb) AS geom
FROM (SELECT 'ligplaats' AS object_soort, * EXCLUDE (wkb, nevenadressen), wkb FROM bag_xml_lig
      UNION ALL
      SELECT 'standplaats', * EXCLUDE (wkb, nevenadressen), wkb FROM bag_xml_sta) p
LEFT JOIN bag_xml_adres a USING (nummeraanduiding_id)
WHERE NOT bag_vervallen(p.status)
QUALIFY row_number() OVER (PARTITION BY p.identificatie ORDER BY p.voorkomen DESC) = 1;

INSERT INTO ligplaats BY NAME
SELECT * EXCLUDE (object_soort, voorkomen, wkb),
       coalesce(getvariable('gemeente')::VARCHAR, substr(identificatie, 1, 4)) AS gemeentecode,
       ST_PointOnSurface(geom) AS punt
FROM bag_xml_plaats WHERE object_soort = 'ligplaats';

INSERT INTO standplaats BY NAME
SELECT * EXCLUDE (object_soort, voorkomen, wkb),
       coalesce(getvariable('gemeente')::VARCHAR, substr(identificatie, 1, 4)) AS gemeentecode,
       ST_PointOnSurface(geom) AS punt
FROM bag_xml_plaats WHERE object_soort = 'standplaats';

-- Nevenadressen of the kept objects (their current voorkomen). A nummeraanduiding whose own
-- typeAdresseerbaarObject names another kind of object than the one that claims it contradicts
-- itself: it is reported, not used.
CREATE OR REPLACE TEMP TABLE bag_xml_neven AS
SELECT r.object_soort, r.identificatie AS adresseerbaar_id,
       unnest(r.nevenadressen) AS nummeraanduiding_id
FROM (SELECT * FROM (
          SELECT 'verblijfsobject' AS object_soort, identificatie, voorkomen, nevenadressen
          FROM bag_xml_vbo
          UNION ALL SELECT 'ligplaats', identificatie, voorkomen, nevenadressen FROM bag_xml_lig
          UNION ALL SELECT 'standplaats', identificatie, voorkomen, nevenadressen FROM bag_xml_sta)
      -- only objects that name a nevenadres at all: no window over every verblijfsobject
      WHERE identificatie IN (SELECT identificatie FROM bag_xml_vbo WHERE len(nevenadressen) > 0
                              UNION ALL SELECT identificatie FROM bag_xml_lig
                              UNION ALL SELECT identificatie FROM bag_xml_sta)
      QUALIFY row_number() OVER (PARTITION BY identificatie ORDER BY voorkomen DESC) = 1) r
WHERE r.identificatie IN (SELECT identificatie FROM verblijfsobject UNION ALL
                          SELECT identificatie FROM ligplaats UNION ALL
                          SELECT identificatie FROM standplaats);

INSERT INTO nevenadres BY NAME
SELECT DISTINCT ON (n.nummeraanduiding_id, n.adresseerbaar_id)
       n.nummeraanduiding_id, n.adresseerbaar_id, n.object_soort,
       a.postcode, a.huisnummer, a.huisletter, a.toevoeging, a.openbare_ruimte, a.woonplaats
FROM bag_xml_neven n LEFT JOIN bag_xml_adres a USING (nummeraanduiding_id)
WHERE a.object_type IS NULL OR lower(a.object_type) = n.object_soort;

INSERT INTO waarschuwing (soort, sleutel, veld, waarde, toelichting)
SELECT 'nevenadres_tegenstrijdig', n.nummeraanduiding_id, 'heeftAlsNevenadres',
       n.adresseerbaar_id,
       'Nevenadres ' || n.nummeraanduiding_id || ' hoort volgens de nummeraanduiding bij een '
       || lower(a.object_type) || ', maar ' || n.object_soort || ' ' || n.adresseerbaar_id
       || ' noemt het als nevenadres; niet gebruikt om vestigingen te koppelen.'
FROM bag_xml_neven n JOIN bag_xml_adres a USING (nummeraanduiding_id)
WHERE lower(a.object_type) <> n.object_soort;

DROP TABLE bag_xml_adres;
DROP TABLE bag_xml_plaats;
DROP TABLE bag_xml_neven;
DROP TABLE bag_xml_pand_nu;
DROP TABLE bag_xml_num_nu;
DROP TABLE bag_xml_opr_nu;
DROP TABLE bag_xml_wpl_nu;
DROP TABLE bag_xml_pnd;
DROP TABLE bag_xml_vbo;
DROP TABLE bag_xml_lig;
DROP TABLE bag_xml_sta;
DROP TABLE bag_xml_num;
DROP TABLE bag_xml_opr;
DROP TABLE bag_xml_wpl;
