-- Building footprints inside an RD box, at most $limiet (the caller asks one more than it will
-- draw). Context for the points when zoomed in, since a fictional town has no base map.
WITH binnen AS (
    SELECT identificatie, geom
    FROM pand
    WHERE geom IS NOT NULL
      AND ST_Intersects_Extent(geom, ST_MakeEnvelope($xmin, $ymin, $xmax, $ymax))
    ORDER BY identificatie
    LIMIT $limiet
)
SELECT identificatie,
       ST_AsGeoJSON(ST_ReducePrecision(to_wgs84(geom), 0.000001)) AS geometrie
FROM binnen
ORDER BY identificatie;
