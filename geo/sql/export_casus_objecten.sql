-- The objects linked to a case (ZGW ZaakObject types) with their geometry (RD) and a label:
-- panden, adressen (verblijfsobjecten), vestigingen, maatschappelijke activiteiten (every
-- vestiging of the KVK-nummer), buurten and wijken. Identifiers arrive as lists.
SELECT 'pand' AS object_type, identificatie AS object_id, 'Pand ' || identificatie AS label,
       ST_AsWKB(geom) AS wkb
FROM pand
WHERE list_contains(CAST($panden AS VARCHAR[]), identificatie)
UNION ALL
SELECT 'adres', identificatie,
       concat_ws(', ', concat(openbare_ruimte, ' ', huisnummer, coalesce(huisletter, ''),
                              coalesce('-' || toevoeging, '')),
                 nullif(concat_ws(' ', postcode, woonplaats), '')),
       ST_AsWKB(geom)
FROM verblijfsobject
WHERE list_contains(CAST($adressen AS VARCHAR[]), identificatie)
UNION ALL
SELECT 'vestiging', vestigingsnummer, naam, ST_AsWKB(geom)
FROM vestiging
WHERE list_contains(CAST($vestigingen AS VARCHAR[]), vestigingsnummer)
UNION ALL
SELECT 'maatschappelijke_activiteit', kvk_nummer, naam, ST_AsWKB(geom)
FROM vestiging
WHERE list_contains(CAST($kvk AS VARCHAR[]), kvk_nummer)
UNION ALL
SELECT soort, code, naam, ST_AsWKB(geom)
FROM gebied
WHERE (soort = 'buurt' AND list_contains(CAST($buurten AS VARCHAR[]), code))
   OR (soort = 'wijk' AND list_contains(CAST($wijken AS VARCHAR[]), code))
ORDER BY 1, 2
