-- Active vestigingen counted per square RD cell of $cel metres inside an RD box: the aggregate
-- for views that hold too many points to draw one by one.
WITH cellen AS (
    SELECT CAST(floor(ST_X(geom) / $cel) AS BIGINT) AS i,
           CAST(floor(ST_Y(geom) / $cel) AS BIGINT) AS j,
           count(*) AS vestigingen
    FROM vestiging
    WHERE geom IS NOT NULL
      AND ST_Intersects_Extent(geom, ST_MakeEnvelope($xmin, $ymin, $xmax, $ymax))
      AND is_actief(datum_aanvang, datum_einde, $peildatum)
    GROUP BY ALL
),
vak AS (
    SELECT i, j, vestigingen,
           ST_MakeEnvelope(i * $cel, j * $cel, (i + 1) * $cel, (j + 1) * $cel) AS vak_rd
    FROM cellen
)
SELECT i, j, vestigingen,
       ST_AsGeoJSON(ST_ReducePrecision(to_wgs84(vak_rd), 0.000001)) AS geometrie
FROM vak
ORDER BY i, j;
