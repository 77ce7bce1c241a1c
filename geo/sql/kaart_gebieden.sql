-- Areas drawn on the map (gemeente, buurten, bedrijventerreinen) with the number of active
-- vestigingen inside each. Counted by location (the same points the map draws). Geometry is
-- simplified by $tolerantie metres in RD and rounded to ~0.1 m in lon/lat to keep the page light.
WITH actief AS (
    SELECT geom
    FROM vestiging
    WHERE geom IS NOT NULL
      AND is_actief(datum_aanvang, datum_einde, $peildatum)
),
vlak AS (
    SELECT gebied_id, soort, code, naam, geom
    FROM gebied
    WHERE soort IN ('gemeente', 'buurt', 'bedrijventerrein') AND geom IS NOT NULL
),
telling AS (
    SELECT v.gebied_id, count(*) AS vestigingen
    FROM vlak v
    JOIN actief a ON ST_Contains(v.geom, a.geom)
    WHERE v.soort <> 'gemeente'
    GROUP BY v.gebied_id
),
eenvoudig AS (
    SELECT gebied_id, soort, code, naam,
           ST_SimplifyPreserveTopology(geom, $tolerantie) AS geom_rd
    FROM vlak
)
SELECT e.gebied_id, e.soort, e.code, e.naam,
       coalesce(t.vestigingen, 0) AS vestigingen,
       ST_AsGeoJSON(ST_ReducePrecision(to_wgs84(e.geom_rd), 0.000001)) AS geometrie
FROM eenvoudig e
LEFT JOIN telling t USING (gebied_id)
ORDER BY e.soort, e.naam, e.gebied_id;
