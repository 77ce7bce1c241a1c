-- Streets by name alone (any case, accents or small typos): one row per street and woonplaats,
-- placed at the middle of its addresses, saying how many addresses it has.
WITH kandidaat AS (
    SELECT openbare_ruimte, woonplaats, huisnummer, geom,
           jaro_winkler_similarity(lower(strip_accents(openbare_ruimte)),
                                   lower(strip_accents($tekst))) AS gelijkenis
    FROM verblijfsobject
    WHERE openbare_ruimte IS NOT NULL
), straat AS (
    SELECT openbare_ruimte, woonplaats, max(gelijkenis) AS gelijkenis, count(*) AS adressen,
           min(huisnummer) AS van, max(huisnummer) AS tot, ST_Centroid(ST_Collect(list(geom))) AS midden
    FROM kandidaat
    WHERE gelijkenis >= 0.9
    GROUP BY openbare_ruimte, woonplaats
)
SELECT 'straat' AS soort, openbare_ruimte AS id, openbare_ruimte AS label,
       concat_ws(' · ', woonplaats, adressen || CASE WHEN adressen = 1 THEN ' adres' ELSE ' adressen' END,
                 'huisnummers ' || van || '–' || tot) AS detail,
       NULL AS vbo, ST_X(to_wgs84(midden)) AS lon, ST_Y(to_wgs84(midden)) AS lat
FROM straat
ORDER BY gelijkenis DESC, openbare_ruimte
LIMIT $limiet
