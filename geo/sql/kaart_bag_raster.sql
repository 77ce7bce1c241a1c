-- Verblijfsobjecten per square RD cell of $cel metres inside an RD box, counted per class of one
-- BAG theme (as in kaart_bag_punten.sql): the aggregate when the view holds too many to draw.
-- per_klasse: [{klasse, aantal}] for the classes present; onbekend counts unknown figures.
WITH basis AS (
    SELECT v.gebruiksdoelen, v.oppervlakte, coalesce(p.bouwjaar, v.bouwjaar) AS bouwjaar, v.geom
    FROM verblijfsobject v LEFT JOIN pand p ON p.identificatie = v.pand_identificatie
    WHERE v.geom IS NOT NULL
      AND ST_Intersects(v.geom, ST_MakeEnvelope($xmin, $ymin, $xmax, $ymax))
      AND v.status NOT IN ('Verblijfsobject ingetrokken', 'Niet gerealiseerd verblijfsobject',
                           'Verblijfsobject ten onrechte opgevoerd')
), klassen AS (
    SELECT CAST(floor(ST_X(geom) / $cel) AS BIGINT) AS i,
           CAST(floor(ST_Y(geom) / $cel) AS BIGINT) AS j,
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
           END AS klasse
    FROM basis
), per_klasse AS (
    SELECT i, j, klasse, count(*) AS aantal FROM klassen GROUP BY ALL
), cellen AS (
    SELECT i, j, sum(aantal)::BIGINT AS totaal,
           coalesce(sum(aantal) FILTER (WHERE klasse IS NULL), 0)::BIGINT AS onbekend,
           list({'klasse': klasse, 'aantal': aantal} ORDER BY klasse)
               FILTER (WHERE klasse IS NOT NULL) AS per_klasse
    FROM per_klasse
    GROUP BY i, j
)
SELECT i, j, totaal, onbekend, per_klasse,
       ST_AsGeoJSON(ST_ReducePrecision(to_wgs84(ST_MakeEnvelope(
           i * $cel, j * $cel, (i + 1) * $cel, (j + 1) * $cel)), 0.000001)) AS geometrie
FROM cellen
ORDER BY i, j
