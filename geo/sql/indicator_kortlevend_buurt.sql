-- Per buurt: of the vestigingen that started in the window, how many ended (by the peildatum)
-- within p_max_dagen, against the same share for the whole municipality.
WITH gestart AS (
    SELECT ab.buurt, ab.buurtnaam,
           v.datum_einde IS NOT NULL AND v.datum_einde <= getvariable('peildatum')::DATE
               AND date_diff('day', v.datum_aanvang, v.datum_einde) <= getvariable('p_max_dagen')
               AS kort
    FROM vestiging v JOIN adres_buurt ab ON ab.vbo = v.verblijfsobject_id
    WHERE v.datum_aanvang > getvariable('peildatum')::DATE
                            - to_months(getvariable('p_venster_maanden'))
      AND v.datum_aanvang <= getvariable('peildatum')::DATE
), per_buurt AS (
    SELECT buurt, buurtnaam, count(*) AS gestart, count(*) FILTER (WHERE kort) AS kort
    FROM gestart GROUP BY ALL
), gemeente AS (SELECT sum(kort) / sum(gestart) AS aandeel FROM per_buurt)
SELECT p.buurt AS object_id, p.buurtnaam AS label, g.geom, NULL AS verblijfsobject_id,
       NULL AS pand_id, p.kort, p.gestart, round(100 * p.kort / p.gestart, 1) AS aandeel_buurt,
       round(100 * m.aandeel, 1) AS aandeel_gemeente, getvariable('p_venster_maanden') AS maanden
FROM per_buurt p JOIN gebied g ON g.soort = 'buurt' AND g.code = p.buurt, gemeente m
WHERE p.kort >= getvariable('p_min_aantal')
  AND p.kort / p.gestart >= getvariable('p_factor') * m.aandeel
ORDER BY p.kort / p.gestart DESC, p.buurtnaam
