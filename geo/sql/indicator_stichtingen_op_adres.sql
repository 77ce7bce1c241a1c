SELECT a.vbo AS object_id, a.label, a.geom, a.vbo AS verblijfsobject_id,
       a.pand_identificatie AS pand_id, count(*) AS aantal
FROM vestiging_actief v JOIN adres a ON a.vbo = v.verblijfsobject_id
WHERE v.rechtsvorm ILIKE '%stichting%'
GROUP BY ALL
HAVING count(*) >= getvariable('p_drempel')
ORDER BY aantal DESC, a.label
