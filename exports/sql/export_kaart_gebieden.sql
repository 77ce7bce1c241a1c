-- Areas of the kinds in $soorten (buurt, bedrijventerrein, gemeente, ...) that touch an RD box,
-- simplified by $tolerantie metres, as WKB in RD. Area names are not personal data.
SELECT soort, code, naam,
       ST_AsWKB(ST_SimplifyPreserveTopology(geom, $tolerantie)) AS wkb
FROM gebied
WHERE geom IS NOT NULL
  AND list_contains(CAST($soorten AS VARCHAR[]), soort)
  AND ST_Intersects_Extent(geom, ST_MakeEnvelope($xmin, $ymin, $xmax, $ymax))
ORDER BY soort, naam, gebied_id
