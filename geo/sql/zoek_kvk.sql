-- Vestigingen by KVK-nummer (all of them) or by vestigingsnummer; active first.
SELECT 'vestiging' AS soort, vestigingsnummer AS id, naam AS label,
       concat_ws(' · ', 'KVK ' || kvk_nummer,
                 CASE WHEN datum_einde IS NOT NULL THEN 'beëindigd' END,
                 CASE WHEN adres_afgeschermd THEN 'adres afgeschermd' END) AS detail,
       verblijfsobject_id AS vbo, ST_X(to_wgs84(geom)) AS lon, ST_Y(to_wgs84(geom)) AS lat
FROM vestiging
WHERE kvk_nummer = $kvk OR vestigingsnummer = $vestiging
ORDER BY datum_einde IS NOT NULL, is_hoofdvestiging DESC, naam
LIMIT $limiet
