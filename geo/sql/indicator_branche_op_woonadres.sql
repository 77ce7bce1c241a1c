-- One row per vestiging, with every chosen group it belongs to and on what ground: its SBI
-- hoofdactiviteit (or, when p_alleen_hoofdactiviteit is false, a nevenactiviteit) and/or a
-- keyword in its name or activity description.
WITH lid AS (
    SELECT b.vestigingsnummer, b.groep, b.op_hoofd, b.via = 'sbi' AND NOT b.op_hoofd AS op_neven,
           b.trefwoord_reden
    FROM branche_vestiging b
    WHERE b.groep IN (SELECT unnest(getvariable('p_groepen')))
      AND (b.op_hoofd OR b.trefwoord IS NOT NULL OR NOT getvariable('p_alleen_hoofdactiviteit'))
), per_vestiging AS (
    SELECT vestigingsnummer, list(DISTINCT groep ORDER BY groep) AS groepen,
           bool_or(op_hoofd) AS op_hoofd, bool_or(op_neven) AS op_neven,
           min(trefwoord_reden) AS trefwoord
    FROM lid GROUP BY ALL
)
SELECT v.vestigingsnummer AS object_id, a.label, a.geom, a.vbo AS verblijfsobject_id,
       a.pand_identificatie AS pand_id, v.naam, p.groepen, v.sbi_hoofd, p.trefwoord,
       concat_ws(' en ',
           CASE WHEN p.op_hoofd THEN 'SBI-hoofdactiviteit ' || v.sbi_hoofd
                WHEN p.op_neven THEN 'SBI-nevenactiviteit' END,
           CASE WHEN p.trefwoord IS NOT NULL THEN 'trefwoord ''' || p.trefwoord || '''' END)
           AS grondslag
FROM per_vestiging p
JOIN vestiging_actief v USING (vestigingsnummer)
JOIN adres a ON a.vbo = v.verblijfsobject_id
WHERE a.gebruiksdoelen = ['woonfunctie']
ORDER BY a.label, v.naam
