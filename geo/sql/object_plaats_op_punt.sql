-- The ligplaats or standplaats containing a clicked point (lon/lat), else the nearest within
-- $marge metres.
WITH klik AS (SELECT to_rd(ST_Point($lon, $lat)) AS p),
plaats AS (SELECT identificatie, geom FROM ligplaats
           UNION ALL SELECT identificatie, geom FROM standplaats)
SELECT identificatie
FROM plaats, klik
WHERE ST_DWithin(plaats.geom, klik.p, $marge)
ORDER BY ST_Contains(plaats.geom, klik.p) DESC, ST_Distance(plaats.geom, klik.p)
LIMIT 1
