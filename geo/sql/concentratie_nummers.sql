-- The vestigingsnummers of the selection (for the DOOK download), optionally only those inside
-- a shape ($vorm: GeoJSON in lon/lat, NULL = the whole snapshot).
-- Continues the WITH list of kaart_selectie.sql.
SELECT s.vestigingsnummer
FROM selectie s
WHERE $vorm IS NULL
   OR (s.geom IS NOT NULL AND ST_Contains(to_rd(ST_GeomFromGeoJSON($vorm)), s.geom))
ORDER BY s.vestigingsnummer
