-- An RDW recognition counts when it is at the same address or anywhere in the same pand
-- (RDW and KVK often use a different huisnummer of the same building).
WITH erkend AS (
    SELECT r.verblijfsobject_id AS vbo, a.pand_identificatie
    FROM rdw_bedrijf r JOIN adres a ON a.vbo = r.verblijfsobject_id
)
SELECT DISTINCT ON (v.vestigingsnummer)
       v.vestigingsnummer AS object_id, a.label, a.geom, v.naam, a.vbo AS verblijfsobject_id
FROM vestiging_actief v
JOIN adres a ON a.vbo = v.verblijfsobject_id
JOIN branche_lid b USING (vestigingsnummer)
WHERE b.groep = getvariable('p_groep') AND b.via = 'sbi'
  AND NOT list_has_any([left(v.sbi_hoofd, 4)], getvariable('p_sbi_uitsluiten'))
  AND NOT EXISTS (SELECT 1 FROM erkend e
                  WHERE e.vbo = a.vbo OR e.pand_identificatie = a.pand_identificatie)
ORDER BY v.vestigingsnummer
