-- Areas (gemeente, wijk, buurt, bedrijventerrein, eigen) for the GeoPackage export, one layer
-- with a column soort; those touching the RD box, or all when the box is NULL.
WITH box AS (
    SELECT ST_MakeEnvelope(CAST($xmin AS DOUBLE), CAST($ymin AS DOUBLE),
                           CAST($xmax AS DOUBLE), CAST($ymax AS DOUBLE)) AS b
)
SELECT g.gebied_id, g.soort, g.code, g.naam, g.bron, g.ouder_code, g.inwoners, g.oppervlakte_ha,
       ST_AsWKB(ST_Multi(g.geom)) AS geom
FROM gebied g, box
WHERE g.geom IS NOT NULL AND (box.b IS NULL OR ST_Intersects(g.geom, box.b))
ORDER BY g.soort, g.naam, g.gebied_id
