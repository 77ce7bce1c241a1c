-- Automotive (the view automotive_vestiging: SBI hoofdactiviteit in group p_groep, minus the
-- codes in p_sbi_uitsluiten) without an RDW recognition at the same address. With p_ook_pand a recognition anywhere in the
-- same pand also counts (RDW and KVK sometimes use another huisnummer of one building); either
-- way the reason says how many recognised businesses the pand has.
WITH auto AS (
    SELECT v.vestigingsnummer, v.naam, v.sbi_hoofd, a.label, a.geom, a.vbo,
           a.pand_identificatie,
           (SELECT count(*) FROM rdw_erkend e WHERE e.vbo = a.vbo) AS op_adres,
           (SELECT count(*) FROM rdw_erkend e WHERE e.pand = a.pand_identificatie) AS in_pand
    FROM vestiging_actief v
    JOIN adres a ON a.vbo = v.verblijfsobject_id
    WHERE v.vestigingsnummer IN (SELECT vestigingsnummer FROM automotive_vestiging)
)
SELECT vestigingsnummer AS object_id, label, geom, vbo AS verblijfsobject_id,
       pand_identificatie AS pand_id, naam, sbi_hoofd, in_pand AS elders_in_pand,
       CASE WHEN in_pand = 0 THEN 'ook niet elders in het pand'
            WHEN in_pand = 1 THEN 'wel 1 erkend bedrijf elders in hetzelfde pand'
            ELSE 'wel ' || in_pand || ' erkende bedrijven elders in hetzelfde pand' END AS pand_tekst
FROM auto
WHERE op_adres = 0 AND (in_pand = 0 OR NOT getvariable('p_ook_pand'))
ORDER BY label, naam
