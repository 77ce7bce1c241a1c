-- Addresses by postcode (+ huisnummer, + huisletter/toevoeging written any way). Continues
-- zoek_adressen.sql.
SELECT 'adres' AS soort, v.id,
       concat(v.openbare_ruimte, ' ', v.huisnummer, coalesce(v.huisletter, ''),
              coalesce('-' || v.toevoeging, '')) AS label,
       concat_ws(' ', v.postcode, v.woonplaats) || v.soort_tekst AS detail,
       v.id AS vbo, v.pand, ST_X(p) AS lon, ST_Y(p) AS lat
FROM (SELECT *, to_wgs84(geom) AS p FROM adres) v
WHERE v.postcode = $postcode
  AND ($huisnummer IS NULL OR v.huisnummer = $huisnummer)
  AND ($suffix = '' OR upper(coalesce(v.huisletter, '') || coalesce(v.toevoeging, '')) = $suffix)
ORDER BY v.huisnummer, v.huisletter NULLS FIRST, v.toevoeging NULLS FIRST
LIMIT $limiet
