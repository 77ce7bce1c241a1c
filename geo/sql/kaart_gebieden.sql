-- Area outlines for the map (gemeente, wijken, buurten, bedrijventerreinen per source), with
-- inwoners where CBS knows them. Counts come with the selection (concentratie_gebied.sql).
-- Geometry is simplified by $tolerantie metres in RD and rounded to ~0.1 m in lon/lat.
SELECT gebied_id, soort, code, naam, bron, inwoners,
       ST_AsGeoJSON(ST_ReducePrecision(
           to_wgs84(ST_SimplifyPreserveTopology(geom, $tolerantie)), 0.000001)) AS geometrie
FROM gebied
WHERE soort IN ('gemeente', 'wijk', 'buurt', 'bedrijventerrein') AND geom IS NOT NULL
ORDER BY soort, bron, naam, gebied_id;
