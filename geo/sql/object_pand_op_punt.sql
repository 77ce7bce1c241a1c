-- The pand containing a clicked point (lon/lat), else the nearest one within $marge metres.
WITH klik AS (SELECT to_rd(ST_Point($lon, $lat)) AS p)
SELECT identificatie
FROM pand, klik
-- the constant box lets DuckDB use the R-tree on pand.geom; ST_DWithin then decides
WHERE ST_Intersects(pand.geom, ST_Envelope(ST_Buffer(to_rd(ST_Point($lon, $lat)), $marge)))
  AND ST_DWithin(pand.geom, klik.p, $marge)
ORDER BY ST_Contains(pand.geom, klik.p) DESC, ST_Distance(pand.geom, klik.p)
LIMIT 1
