WITH vorm AS (SELECT to_rd(ST_GeomFromGeoJSON($vorm)) AS g)
SELECT doel AS gebruiksdoel, count(*) AS aantal
FROM (SELECT unnest(v.gebruiksdoelen) AS doel FROM verblijfsobject v, vorm
      WHERE ST_Contains(vorm.g, v.geom))
GROUP BY ALL ORDER BY aantal DESC
