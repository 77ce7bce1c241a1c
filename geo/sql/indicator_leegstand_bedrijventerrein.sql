WITH terrein_pand AS (
    SELECT DISTINCT ON (p.identificatie) p.identificatie, p.geom, g.naam AS terrein
    FROM pand p JOIN gebied g ON g.soort = 'bedrijventerrein'
      AND ST_Intersects(g.geom, ST_Centroid(p.geom))
    ORDER BY p.identificatie, g.naam
), bedrijfsruimte AS (
    SELECT a.pand_identificatie AS identificatie, count(*) AS verblijfsobjecten,
           sum(a.oppervlakte) AS oppervlakte
    FROM adres a
    WHERE list_has_any(a.gebruiksdoelen, getvariable('p_gebruiksdoelen'))
    GROUP BY ALL
)
SELECT t.identificatie AS object_id, 'Pand ' || t.identificatie AS label, t.geom,
       b.verblijfsobjecten, b.oppervlakte, t.terrein
FROM terrein_pand t JOIN bedrijfsruimte b USING (identificatie)
WHERE NOT EXISTS (SELECT 1 FROM vestiging_actief v JOIN adres a ON a.vbo = v.verblijfsobject_id
                  WHERE a.pand_identificatie = t.identificatie)
ORDER BY b.oppervlakte DESC
