SELECT a.vbo AS object_id, a.label, a.geom, count(*) AS aantal, a.oppervlakte,
       round(a.oppervlakte / count(*), 1) AS per_inschrijving
FROM vestiging_actief v JOIN adres a ON a.vbo = v.verblijfsobject_id
WHERE a.oppervlakte > 0
GROUP BY ALL
HAVING count(*) >= getvariable('p_min_aantal')
   AND a.oppervlakte / count(*) < getvariable('p_min_m2_per_inschrijving')
ORDER BY per_inschrijving, a.label
