-- Vestigingen ended (on or before the peildatum) at most p_max_dagen after they started.
SELECT a.vbo AS object_id, a.label, a.geom, a.vbo AS verblijfsobject_id,
       a.pand_identificatie AS pand_id, count(*) AS aantal,
       getvariable('p_max_dagen') AS max_dagen
FROM vestiging v JOIN adres a ON a.vbo = v.verblijfsobject_id
WHERE v.datum_einde IS NOT NULL AND v.datum_aanvang IS NOT NULL
  AND v.datum_einde <= getvariable('peildatum')::DATE
  AND date_diff('day', v.datum_aanvang, v.datum_einde) <= getvariable('p_max_dagen')
GROUP BY ALL
HAVING count(*) >= getvariable('p_min_per_adres')
ORDER BY aantal DESC, a.label
