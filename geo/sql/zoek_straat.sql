-- Addresses by street name (any case, accents or small typos) + huisnummer. Continues
-- zoek_adressen.sql.
, kandidaat AS (
    SELECT *, jaro_winkler_similarity(lower(strip_accents(openbare_ruimte)),
                                      lower(strip_accents($straat))) AS gelijkenis
    FROM adres
    WHERE huisnummer = $huisnummer
      AND ($suffix = '' OR upper(coalesce(huisletter, '') || coalesce(toevoeging, '')) = $suffix)
)
SELECT 'adres' AS soort, id,
       concat(openbare_ruimte, ' ', huisnummer, coalesce(huisletter, ''),
              coalesce('-' || toevoeging, '')) AS label,
       concat_ws(' ', postcode, woonplaats) || soort_tekst AS detail,
       id AS vbo, pand, ST_X(to_wgs84(geom)) AS lon, ST_Y(to_wgs84(geom)) AS lat
FROM kandidaat
WHERE gelijkenis >= 0.85
ORDER BY gelijkenis DESC, huisletter NULLS FIRST, toevoeging NULLS FIRST
LIMIT $limiet
