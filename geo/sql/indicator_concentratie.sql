-- Location quotient per buurt and branch group, on active vestigingen matched to an address,
-- by SBI hoofdactiviteit (keyword-only hits are left out, so the figure rests on SBI codes).
WITH lid AS (
    SELECT ab.buurt, ab.buurtnaam, v.vestigingsnummer
    FROM vestiging_actief v JOIN adres_buurt ab ON ab.vbo = v.verblijfsobject_id
), totaal AS (SELECT count(*) AS n FROM lid),
per_buurt AS (SELECT buurt, count(*) AS n FROM lid GROUP BY ALL),
groep_lid AS (
    SELECT l.buurt, l.buurtnaam, b.groep
    FROM lid l JOIN branche_vestiging b USING (vestigingsnummer) WHERE b.op_hoofd
),
per_groep AS (SELECT groep, count(*) AS n FROM groep_lid GROUP BY ALL),
cel AS (SELECT buurt, buurtnaam, groep, count(*) AS aantal FROM groep_lid GROUP BY ALL)
SELECT c.buurt || ':' || c.groep AS object_id, c.buurtnaam AS label, g.geom,
       NULL AS verblijfsobject_id, NULL AS pand_id, c.buurt, c.groep, c.aantal,
       round((c.aantal / pb.n) / (pg.n / t.n), 1) AS lq,
       round(100 * c.aantal / pb.n, 1) AS aandeel_buurt,
       round(100 * pg.n / t.n, 1) AS aandeel_gemeente
FROM cel c
JOIN per_buurt pb USING (buurt)
JOIN per_groep pg USING (groep)
JOIN gebied g ON g.code = c.buurt AND g.soort = 'buurt', totaal t
WHERE c.aantal >= getvariable('p_min_aantal')
  AND (c.aantal / pb.n) / (pg.n / t.n) >= getvariable('p_lq_drempel')
ORDER BY lq DESC, c.buurtnaam
