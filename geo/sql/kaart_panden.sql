-- Building footprints inside an RD box, at most $limiet (the caller asks one more than it will
-- draw). Context for the points when zoomed in, since a fictional town has no base map.
WITH binnen AS (
    SELECT identificatie, geom
    FROM pand
    -- ST_Intersects with a constant box uses the R-tree (ST_Intersects_Extent or an extra
    -- condition on geom does not); it is false for an empty geom anyway
    WHERE ST_Intersects(geom, ST_MakeEnvelope($xmin, $ymin, $xmax, $ymax))
    ORDER BY identificatie
    LIMIT $limiet
)
SELECT identificatie,
       ST_AsGeoJSON(ST_ReducePrecision(to_wgs84(geom), 0.000001)) AS geometrie
FROM binnen
ORDER BY identificatie;
