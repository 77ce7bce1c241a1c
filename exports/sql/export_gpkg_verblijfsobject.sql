-- Verblijfsobjecten (addresses) for the GeoPackage export; inside the RD box, or all when NULL.
WITH box AS (
    SELECT ST_MakeEnvelope(CAST($xmin AS DOUBLE), CAST($ymin AS DOUBLE),
                           CAST($xmax AS DOUBLE), CAST($ymax AS DOUBLE)) AS b
)
SELECT v.identificatie, v.pand_identificatie, array_to_string(v.gebruiksdoelen, ', ') AS gebruiksdoelen,
       v.oppervlakte, v.status, v.openbare_ruimte, v.huisnummer, v.huisletter, v.toevoeging,
       v.postcode, v.woonplaats, v.nummeraanduiding_id, v.bouwjaar,
       ST_AsWKB(v.geom) AS geom
FROM verblijfsobject v, box
WHERE box.b IS NULL OR ST_Intersects(v.geom, box.b)
ORDER BY v.identificatie
