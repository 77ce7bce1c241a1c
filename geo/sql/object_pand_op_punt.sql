-- The pand containing a clicked point (lon/lat), else the nearest one within $marge metres.
WITH klik AS (SELECT to_rd(ST_Point($lon, $lat)) AS p)
SELECT identificatie
FROM pand, klik
WHERE ST_DWithin(pand.geom, klik.p, $marge)
ORDER BY ST_Contains(pand.geom, klik.p) DESC, ST_Distance(pand.geom, klik.p)
LIMIT 1
