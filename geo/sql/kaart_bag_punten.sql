-- Verblijfsobjecten inside an RD box with their class in one BAG theme ($thema: woonfunctie |
-- oppervlakte | bouwjaar; $grenzen: upper bounds of the classes), at most $limiet. klasse is
-- NULL when the figure is unknown. Withdrawn and never-built objects are left out.
WITH binnen AS (
    SELECT v.identificatie, v.pand_identificatie, v.gebruiksdoelen, v.oppervlakte,
           coalesce(p.bouwjaar, v.bouwjaar) AS bouwjaar, v.status,
           concat(v.openbare_ruimte, ' ', v.huisnummer, coalesce(v.huisletter, ''),
                  coalesce('-' || v.toevoeging, '')) AS adres,
           v.postcode, v.woonplaats, v.geom
    FROM verblijfsobject v LEFT JOIN pand p ON p.identificatie = v.pand_identificatie
    WHERE v.geom IS NOT NULL
      AND ST_Intersects(v.geom, ST_MakeEnvelope($xmin, $ymin, $xmax, $ymax))
      AND v.status NOT IN ('Verblijfsobject ingetrokken', 'Niet gerealiseerd verblijfsobject',
                           'Verblijfsobject ten onrechte opgevoerd')
    ORDER BY v.identificatie
    LIMIT $limiet
)
SELECT identificatie, pand_identificatie, gebruiksdoelen, oppervlakte, bouwjaar, status, adres,
       postcode, woonplaats,
       CASE $thema
           WHEN 'woonfunctie' THEN
               CASE WHEN gebruiksdoelen = ['woonfunctie'] THEN 0
                    WHEN list_contains(gebruiksdoelen, 'woonfunctie') THEN 1
                    WHEN gebruiksdoelen IS NULL OR len(gebruiksdoelen) = 0 THEN NULL
                    ELSE 2 END
           WHEN 'oppervlakte' THEN CASE WHEN oppervlakte IS NOT NULL
               THEN len(list_filter($grenzen::INTEGER[], g -> oppervlakte > g)) END
           ELSE CASE WHEN bouwjaar IS NOT NULL
               THEN len(list_filter($grenzen::INTEGER[], g -> bouwjaar > g)) END
       END AS klasse,
       ST_Y(to_wgs84(geom)) AS lat, ST_X(to_wgs84(geom)) AS lon
FROM binnen
ORDER BY identificatie
