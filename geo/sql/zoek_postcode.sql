-- Addresses by postcode (+ huisnummer, + huisletter/toevoeging written any way).
SELECT 'adres' AS soort, v.identificatie AS id,
       concat(v.openbare_ruimte, ' ', v.huisnummer, coalesce(v.huisletter, ''),
              coalesce('-' || v.toevoeging, '')) AS label,
       concat_ws(' ', v.postcode, v.woonplaats) AS detail,
       v.identificatie AS vbo, v.pand_identificatie AS pand, ST_X(p) AS lon, ST_Y(p) AS lat
FROM (SELECT *, to_wgs84(geom) AS p FROM verblijfsobject) v
WHERE v.postcode = $postcode
  AND ($huisnummer IS NULL OR v.huisnummer = $huisnummer)
  AND ($suffix = '' OR upper(coalesce(v.huisletter, '') || coalesce(v.toevoeging, '')) = $suffix)
ORDER BY v.huisnummer, v.huisletter NULLS FIRST, v.toevoeging NULLS FIRST
LIMIT $limiet
