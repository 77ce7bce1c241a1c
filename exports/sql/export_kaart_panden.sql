-- Building footprints inside an RD box for a static export (PNG/PDF/HTML), simplified by
-- $tolerantie metres (about half a printed pixel), as WKB in RD. At most $limiet rows; the
-- caller asks one more than it will draw, to know when the view holds too many.
SELECT identificatie,
       ST_AsWKB(ST_SimplifyPreserveTopology(geom, $tolerantie)) AS wkb
FROM pand
WHERE geom IS NOT NULL
  AND ST_Intersects_Extent(geom, ST_MakeEnvelope($xmin, $ymin, $xmax, $ymax))
ORDER BY identificatie
LIMIT $limiet
