-- The initial view: the extent of the gemeente and its buurten, or of the addresses when the
-- snapshot has no areas. Returned in lon/lat.
WITH vlakken AS (
    SELECT geom FROM gebied WHERE soort IN ('gemeente', 'buurt') AND geom IS NOT NULL
),
bron AS (
    SELECT geom FROM vlakken
    UNION ALL
    SELECT geom FROM verblijfsobject
    WHERE geom IS NOT NULL AND NOT EXISTS (SELECT 1 FROM vlakken)
),
omvang AS (
    SELECT ST_Extent_Agg(geom) AS rd FROM bron
),
wgs AS (
    SELECT to_wgs84(rd) AS g FROM omvang WHERE rd IS NOT NULL
)
SELECT ST_XMin(g) AS west, ST_YMin(g) AS zuid, ST_XMax(g) AS oost, ST_YMax(g) AS noord
FROM wgs;
