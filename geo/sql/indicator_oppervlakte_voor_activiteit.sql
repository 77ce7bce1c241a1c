-- p_minimum_m2 is a list of {sleutel: branch group, waarde: minimum m2}.
WITH minimum AS (
    SELECT m.sleutel AS groep, m.waarde AS minimum
    FROM (SELECT unnest(getvariable('p_minimum_m2')) AS m)
)
SELECT DISTINCT ON (v.vestigingsnummer)
       v.vestigingsnummer AS object_id, a.label, a.geom, v.naam, b.groep, a.oppervlakte,
       m.minimum, a.vbo AS verblijfsobject_id
FROM vestiging_actief v
JOIN adres a ON a.vbo = v.verblijfsobject_id
JOIN branche_lid b USING (vestigingsnummer)
JOIN minimum m USING (groep)
WHERE b.via = 'sbi' AND a.oppervlakte > 0 AND a.oppervlakte < m.minimum
ORDER BY v.vestigingsnummer, a.oppervlakte
