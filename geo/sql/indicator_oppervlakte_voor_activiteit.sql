-- p_minimum_m2 is a list of {sleutel: branch group, waarde: minimum m2}. The activity is the
-- SBI hoofdactiviteit; BAG oppervlakte 1 m² (a placeholder for "unknown") is left out.
WITH minimum AS (
    SELECT m.sleutel AS groep, m.waarde AS minimum
    FROM (SELECT unnest(getvariable('p_minimum_m2')) AS m)
)
SELECT DISTINCT ON (v.vestigingsnummer)
       v.vestigingsnummer AS object_id, a.label, a.geom, a.vbo AS verblijfsobject_id,
       a.pand_identificatie AS pand_id, v.naam, v.sbi_hoofd, b.groep, a.oppervlakte, m.minimum
FROM vestiging_actief v
JOIN adres a ON a.vbo = v.verblijfsobject_id
JOIN branche_vestiging b USING (vestigingsnummer)
JOIN minimum m USING (groep)
WHERE b.op_hoofd AND a.oppervlakte > 1 AND a.oppervlakte < m.minimum
ORDER BY v.vestigingsnummer, m.minimum DESC
