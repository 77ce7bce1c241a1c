-- Vestigingen by (part of) a trade name; whole-word starts rank first, active before ended.
WITH kandidaat AS (
    SELECT *, lower(concat_ws(' ', naam, array_to_string(handelsnamen, ' '))) AS namen
    FROM vestiging
    WHERE contains(lower(concat_ws(' ', naam, array_to_string(handelsnamen, ' '))),
                   lower($tekst))
)
SELECT 'vestiging' AS soort, vestigingsnummer AS id, naam AS label,
       concat_ws(' · ', CASE WHEN adres_afgeschermd THEN 'adres afgeschermd'
                             ELSE concat(straat, ' ', huisnummer, coalesce(huisletter, ''),
                                         coalesce('-' || toevoeging, '')) END,
                 CASE WHEN datum_einde IS NOT NULL THEN 'beëindigd' END) AS detail,
       verblijfsobject_id AS vbo, ST_X(to_wgs84(geom)) AS lon, ST_Y(to_wgs84(geom)) AS lat
FROM kandidaat
ORDER BY NOT starts_with(namen, lower($tekst)), datum_einde IS NOT NULL, naam
LIMIT $limiet
