WITH per_adres AS (
    SELECT verblijfsobject_id AS vbo, count(*) AS aantal
    FROM vestiging_actief WHERE verblijfsobject_id IS NOT NULL GROUP BY ALL
), gemiddeld AS (SELECT round(avg(aantal), 1) AS gemiddelde FROM per_adres)
SELECT a.vbo AS object_id, a.label, a.geom, a.vbo AS verblijfsobject_id,
       a.pand_identificatie AS pand_id, p.aantal, g.gemiddelde
FROM per_adres p JOIN adres a USING (vbo), gemiddeld g
WHERE p.aantal >= getvariable('p_drempel')
ORDER BY p.aantal DESC, a.label
