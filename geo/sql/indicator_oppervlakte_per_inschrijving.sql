-- BAG oppervlakte 1 m² is a known placeholder for "unknown" and is left out.
WITH per_adres AS (
    SELECT verblijfsobject_id AS vbo, count(*) AS aantal
    FROM vestiging_actief WHERE verblijfsobject_id IS NOT NULL GROUP BY ALL
)
SELECT a.vbo AS object_id, a.label, a.geom, a.vbo AS verblijfsobject_id,
       a.pand_identificatie AS pand_id, p.aantal, a.oppervlakte,
       round(a.oppervlakte / p.aantal, 1) AS per_inschrijving
FROM per_adres p JOIN adres a USING (vbo)
WHERE a.oppervlakte > 1
  AND p.aantal >= getvariable('p_min_aantal')
  AND a.oppervlakte / p.aantal < getvariable('p_min_m2_per_inschrijving')
ORDER BY per_inschrijving, a.label
