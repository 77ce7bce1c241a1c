-- LVBAG XML staging tables (bag_xml_pnd/vbo/num/opr/wpl: current voorkomens only, geometry as 2D
-- WKB) into the snapshot. Variable: gemeente (4-digit code or NULL).
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
    o.naam AS openbare_ruimte,
    n.huisnummer,
    nullif(trim(n.huisletter), '') AS huisletter,
    nullif(trim(n.toevoeging), '') AS toevoeging,
    upper(replace(n.postcode, ' ', '')) AS postcode,
    w.naam AS woonplaats,
    v.nummeraanduiding_id,
    p.bouwjaar,
    coalesce(getvariable('gemeente')::VARCHAR, substr(v.identificatie, 1, 4)) AS gemeentecode,
    -- a verblijfsobject is a point, or (rarely) a polygon: then a point inside it
    CASE WHEN ST_GeometryType(v.geom) = 'POINT' THEN v.geom ELSE ST_PointOnSurface(v.geom) END AS geom
FROM (SELECT *, ST_GeomFromWKB(wkb) AS geom FROM bag_xml_vbo
      QUALIFY row_number() OVER (PARTITION BY identificatie ORDER BY voorkomen DESC) = 1) v
LEFT JOIN bag_xml_num_nu n ON n.identificatie = v.nummeraanduiding_id
LEFT JOIN bag_xml_opr_nu o ON o.identificatie = n.openbare_ruimte_id
-- a nummeraanduiding names its own woonplaats only when it differs from its street's
LEFT JOIN bag_xml_wpl_nu w ON w.identificatie = coalesce(n.woonplaats_id, o.woonplaats_id)
LEFT JOIN bag_xml_pand_nu p ON p.identificatie = v.pand_identificatie
WHERE NOT bag_vervallen(v.status);

DROP TABLE bag_xml_pand_nu;
DROP TABLE bag_xml_num_nu;
DROP TABLE bag_xml_opr_nu;
DROP TABLE bag_xml_wpl_nu;
DROP TABLE bag_xml_pnd;
DROP TABLE bag_xml_vbo;
DROP TABLE bag_xml_num;
DROP TABLE bag_xml_opr;
DROP TABLE bag_xml_wpl;
