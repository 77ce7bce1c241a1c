-- Ligplaatsen and standplaatsen for the GeoPackage export (column soort); inside the RD box, or
-- all when NULL. The plot as a MultiPolygon, as the layer declares.
WITH box AS (
    SELECT ST_MakeEnvelope(CAST($xmin AS DOUBLE), CAST($ymin AS DOUBLE),
                           CAST($xmax AS DOUBLE), CAST($ymax AS DOUBLE)) AS b
), plaats AS (
    SELECT 'ligplaats' AS soort, * FROM ligplaats
    UNION ALL
    SELECT 'standplaats', * FROM standplaats
)
SELECT p.soort, p.identificatie, p.status, p.openbare_ruimte, p.huisnummer, p.huisletter,
       p.toevoeging, p.postcode, p.woonplaats, p.nummeraanduiding_id,
       (SELECT string_agg(concat(n.openbare_ruimte, ' ', n.huisnummer, coalesce(n.huisletter, ''),
                                 coalesce('-' || n.toevoeging, ''), ' ', n.postcode), '; '
                          ORDER BY n.nummeraanduiding_id)
        FROM nevenadres n WHERE n.adresseerbaar_id = p.identificatie) AS nevenadressen,
       ST_AsWKB(ST_Multi(p.geom)) AS geom
FROM plaats p, box
WHERE box.b IS NULL OR ST_Intersects(p.geom, box.b)
ORDER BY p.identificatie
