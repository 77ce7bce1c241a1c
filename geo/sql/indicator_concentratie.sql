-- Location quotient per buurt and branch group, counted exactly as the Kaart counts it (geo/sql/
-- concentratie_gebied.sql) with status 'actief', every vestiging, the group chosen and "SBI-codes
-- alleen als hoofdactiviteit" as p_alleen_hoofdactiviteit says: active vestigingen with a
-- location, in a buurt by their point (vestiging_gebied), the gemeente being every located active vestiging. By
-- SBI code only (keyword-only hits are left out, so the figure rests on SBI codes).
WITH punt AS (
    SELECT vestigingsnummer, geom FROM vestiging_actief WHERE geom IS NOT NULL
), lid AS (
    SELECT g.code AS buurt, g.naam AS buurtnaam, p.vestigingsnummer
    FROM punt p JOIN vestiging_gebied l USING (vestigingsnummer)
    JOIN gebied g ON g.gebied_id = l.gebied_id AND g.soort = 'buurt'
), totaal AS (SELECT count(*) AS n FROM punt),
per_buurt AS (SELECT buurt, count(*) AS n FROM lid GROUP BY ALL),
groep_punt AS (
    SELECT DISTINCT p.vestigingsnummer, b.groep
    FROM punt p JOIN branche_vestiging b USING (vestigingsnummer)
    WHERE b.via = 'sbi' AND (b.op_hoofd OR NOT getvariable('p_alleen_hoofdactiviteit'))
),
per_groep AS (SELECT groep, count(*) AS n FROM groep_punt GROUP BY ALL),
groep_lid AS (
    SELECT l.buurt, l.buurtnaam, gp.groep FROM lid l JOIN groep_punt gp USING (vestigingsnummer)
),
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
