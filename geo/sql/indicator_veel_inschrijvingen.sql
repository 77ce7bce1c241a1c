WITH per_adres AS (
    SELECT verblijfsobject_id AS vbo, count(*) AS aantal
    FROM vestiging_actief WHERE verblijfsobject_id IS NOT NULL GROUP BY ALL
)
SELECT a.vbo AS object_id, a.label, a.geom, p.aantal,
       round((SELECT avg(aantal) FROM per_adres), 1) AS gemiddelde
FROM per_adres p JOIN adres a USING (vbo)
WHERE p.aantal >= getvariable('p_drempel')
ORDER BY p.aantal DESC, a.label
