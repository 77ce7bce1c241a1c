-- Panden for the GeoPackage export (RD, EPSG:28992); inside the RD box $xmin..$ymax, or all
-- when the box is NULL.
WITH box AS (
    SELECT ST_MakeEnvelope(CAST($xmin AS DOUBLE), CAST($ymin AS DOUBLE),
                           CAST($xmax AS DOUBLE), CAST($ymax AS DOUBLE)) AS b
)
SELECT p.identificatie, p.bouwjaar, p.status, p.oppervlakte, p.gemeentecode,
       ST_AsWKB(ST_Multi(p.geom)) AS geom
FROM pand p, box
WHERE box.b IS NULL OR ST_Intersects(p.geom, box.b)
ORDER BY p.identificatie
