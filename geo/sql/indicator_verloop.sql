WITH venster AS (
    SELECT getvariable('peildatum')::DATE AS eind,
           getvariable('peildatum')::DATE - to_months(getvariable('p_venster_maanden')) AS begin
), mutaties AS (
    SELECT v.verblijfsobject_id AS vbo,
           count(*) FILTER (WHERE v.datum_aanvang > w.begin AND v.datum_aanvang <= w.eind)
               AS inschrijvingen,
           count(*) FILTER (WHERE v.datum_einde > w.begin AND v.datum_einde <= w.eind)
               AS uitschrijvingen
    FROM vestiging v, venster w
    WHERE v.verblijfsobject_id IS NOT NULL
    GROUP BY ALL
)
SELECT a.vbo AS object_id, a.label, a.geom, a.vbo AS verblijfsobject_id,
       a.pand_identificatie AS pand_id, m.inschrijvingen, m.uitschrijvingen,
       getvariable('p_venster_maanden') AS maanden
FROM mutaties m JOIN adres a USING (vbo)
WHERE m.inschrijvingen + m.uitschrijvingen >= getvariable('p_min_mutaties')
  AND m.uitschrijvingen > 0
ORDER BY m.inschrijvingen + m.uitschrijvingen DESC, a.label
