-- The outline of area $gebied and its panden (centroid inside), as GeoJSON in lon/lat.
-- Stands alone (no temp tables), so a map costs one query.
WITH k AS (SELECT gebied_id, naam, geom FROM gebied WHERE gebied_id = $gebied)
SELECT 'gebied' AS laag, k.gebied_id AS id, k.naam AS label,
       ST_AsGeoJSON(to_wgs84(ST_SimplifyPreserveTopology(k.geom, 1.0))) AS geometrie
FROM k
UNION ALL
SELECT 'pand', p.identificatie, NULL, ST_AsGeoJSON(to_wgs84(p.geom))
FROM k JOIN pand p ON ST_Intersects(k.geom, ST_Centroid(p.geom))
