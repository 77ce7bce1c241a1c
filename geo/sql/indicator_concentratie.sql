-- Location quotient per buurt and branch group, on active vestigingen matched to an address.
-- Keyword-only hits are left out so the figure rests on SBI codes alone.
WITH lid AS (
    SELECT g.code AS buurt, g.naam AS buurtnaam, v.vestigingsnummer
    FROM vestiging_actief v
    JOIN gebied_lid l ON l.verblijfsobject_id = v.verblijfsobject_id
    JOIN gebied g ON g.gebied_id = l.gebied_id AND g.soort = 'buurt'
), totaal AS (SELECT count(*) AS n FROM lid),
per_buurt AS (SELECT buurt, count(*) AS n FROM lid GROUP BY ALL),
groep_lid AS (
    SELECT l.buurt, l.buurtnaam, b.groep
    FROM lid l JOIN branche_lid b USING (vestigingsnummer) WHERE b.via = 'sbi'
),
per_groep AS (SELECT groep, count(*) AS n FROM groep_lid GROUP BY ALL),
cel AS (SELECT buurt, buurtnaam, groep, count(*) AS aantal FROM groep_lid GROUP BY ALL)
SELECT c.buurt AS object_id, c.buurtnaam AS label, g.geom, c.groep, c.aantal,
       round((c.aantal / pb.n) / (pg.n / t.n), 1) AS lq,
       round(100 * c.aantal / pb.n, 1) AS aandeel_buurt,
       round(100 * pg.n / t.n, 1) AS aandeel_gemeente
FROM cel c
JOIN per_buurt pb USING (buurt)
JOIN per_groep pg USING (groep)
JOIN gebied g ON g.code = c.buurt AND g.soort = 'buurt', totaal t
WHERE c.aantal >= getvariable('p_min_aantal')
  AND (c.aantal / pb.n) / (pg.n / t.n) >= getvariable('p_lq_drempel')
ORDER BY lq DESC
