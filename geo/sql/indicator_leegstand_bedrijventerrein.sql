-- Panden whose centroid lies on a bedrijventerrein (any source), with business space (units
-- with one of p_gebruiksdoelen; a unit still being built, 'gevormd', does not count) and no
-- active vestiging on any of their addresses.
WITH terrein_pand AS (
    SELECT p.identificatie, any_value(p.geom) AS geom,
           string_agg(DISTINCT g.naam, ' / ' ORDER BY g.naam) AS terrein
    FROM pand p JOIN gebied g ON g.soort = 'bedrijventerrein'
      AND ST_Intersects(g.geom, ST_Centroid(p.geom))
    GROUP BY ALL
), bedrijfsruimte AS (
    SELECT a.pand_identificatie AS identificatie, count(*) AS verblijfsobjecten,
           sum(a.oppervlakte) AS oppervlakte, min(a.label) AS eerste_adres
    FROM adres a
    WHERE list_has_any(a.gebruiksdoelen, getvariable('p_gebruiksdoelen'))
      AND a.status <> 'Verblijfsobject gevormd'
    GROUP BY ALL
)
SELECT t.identificatie AS object_id,
       b.eerste_adres || CASE WHEN b.verblijfsobjecten > 1 THEN ' e.a.' ELSE '' END AS label,
       t.geom, NULL AS verblijfsobject_id, t.identificatie AS pand_id,
       b.verblijfsobjecten, b.oppervlakte, t.terrein
FROM terrein_pand t JOIN bedrijfsruimte b USING (identificatie)
WHERE NOT EXISTS (SELECT 1 FROM vestiging_actief v JOIN adres a ON a.vbo = v.verblijfsobject_id
                  WHERE a.pand_identificatie = t.identificatie)
ORDER BY b.oppervlakte DESC
