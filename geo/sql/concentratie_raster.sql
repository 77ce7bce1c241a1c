-- Concentration of the selection per square RD cell of $cel metres (cell i, j covers
-- x in [i * cel, (i + 1) * cel), y likewise), for cells inside the RD box $xmin..$ymax that hold
-- at least one vestiging of the basis. Same measures as concentratie_gebied.sql; a cell has no
-- inwoners, and the LQ compares with all located vestigingen of the basis, not only the box.
-- Continues the WITH list of kaart_selectie.sql.
, punt AS (
    SELECT b.geom, s.vestigingsnummer IS NOT NULL AS gekozen
    FROM basis b LEFT JOIN selectie s USING (vestigingsnummer)
    WHERE b.geom IS NOT NULL
),
gemeente AS (
    SELECT count(*) FILTER (WHERE gekozen) AS aantal, count(*) AS alle FROM punt
),
cel AS (
    SELECT CAST(floor(ST_X(geom) / $cel) AS BIGINT) AS i,
           CAST(floor(ST_Y(geom) / $cel) AS BIGINT) AS j,
           count(*) AS alle, count(*) FILTER (WHERE gekozen) AS aantal
    FROM punt
    WHERE ST_Intersects_Extent(geom, ST_MakeEnvelope($xmin, $ymin, $xmax, $ymax))
    GROUP BY ALL
)
SELECT c.i, c.j, c.aantal, c.alle,
       CASE WHEN c.alle >= $min_basis AND g.aantal > 0
            THEN (c.aantal / c.alle) / (g.aantal / g.alle) END AS lq,
       g.aantal AS gemeente_aantal,
       g.alle AS gemeente_alle,
       ST_AsGeoJSON(ST_ReducePrecision(to_wgs84(ST_MakeEnvelope(
           c.i * $cel, c.j * $cel, (c.i + 1) * $cel, (c.j + 1) * $cel)), 0.000001)) AS geometrie
FROM cel c, gemeente g
ORDER BY c.i, c.j
