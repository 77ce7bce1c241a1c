-- Concentration of the selection per area of one kind ($gebiedsoort: buurt | wijk |
-- bedrijventerrein; $bron limits to one source, NULL = all): counted by location
-- (vestiging_gebied).
--   aantal             selected vestigingen in the area
--   alle               vestigingen of the basis (same filters, every branch) in the area
--   per_1000_inwoners  aantal per 1.000 inwoners; NULL when CBS does not know the inwoners
--   lq                 (aantal / alle) / (aantal gemeente / alle gemeente); NULL below
--                      $min_basis vestigingen in the area (too few to compare)
-- Continues the WITH list of kaart_selectie.sql.
, punt AS (
    SELECT b.vestigingsnummer, s.vestigingsnummer IS NOT NULL AS gekozen
    FROM basis b LEFT JOIN selectie s USING (vestigingsnummer)
    WHERE b.geom IS NOT NULL
),
vlak AS (
    SELECT gebied_id, code, naam, bron, inwoners, geom
    FROM gebied
    WHERE soort = $gebiedsoort AND ($bron IS NULL OR bron = $bron) AND geom IS NOT NULL
),
-- where each vestiging lies was decided once, at build time (vestiging_gebied)
telling AS (
    SELECT l.gebied_id, count(*) AS alle, count(*) FILTER (WHERE p.gekozen) AS aantal
    FROM vestiging_gebied l
    JOIN punt p USING (vestigingsnummer)
    WHERE l.gebied_id IN (SELECT gebied_id FROM vlak)
    GROUP BY l.gebied_id
),
gemeente AS (
    SELECT count(*) FILTER (WHERE gekozen) AS aantal, count(*) AS alle FROM punt
)
SELECT v.gebied_id, v.code, v.naam, v.bron, v.inwoners,
       coalesce(t.aantal, 0) AS aantal,
       coalesce(t.alle, 0) AS alle,
       CASE WHEN v.inwoners > 0 THEN 1000.0 * coalesce(t.aantal, 0) / v.inwoners END
           AS per_1000_inwoners,
       CASE WHEN coalesce(t.alle, 0) >= $min_basis AND g.aantal > 0
            THEN (t.aantal / t.alle) / (g.aantal / g.alle) END AS lq,
       g.aantal AS gemeente_aantal,
       g.alle AS gemeente_alle,
       ST_AsGeoJSON(ST_ReducePrecision(to_wgs84(ST_SimplifyPreserveTopology(v.geom, $tolerantie)),
                                       0.000001)) AS geometrie
FROM vlak v LEFT JOIN telling t USING (gebied_id), gemeente g
ORDER BY v.naam, v.gebied_id
