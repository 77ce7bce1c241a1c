-- The map's selection (kaart_selectie.sql, which this continues) with a location inside an RD
-- box, each with the group that colours it on screen; $nummers (a list, or NULL) restricts to
-- an explicit set (a drawn area). The same rows, groups and order as the map itself.
SELECT s.vestigingsnummer, v.naam, s.groep, ST_X(s.geom) AS x, ST_Y(s.geom) AS y
FROM selectie s JOIN vestiging v USING (vestigingsnummer)
WHERE s.geom IS NOT NULL
  AND ST_Intersects_Extent(s.geom, ST_MakeEnvelope($xmin, $ymin, $xmax, $ymax))
  AND ($nummers IS NULL OR list_contains(CAST($nummers AS VARCHAR[]), s.vestigingsnummer))
ORDER BY s.vestigingsnummer
