-- The objects linked to a case (ZGW ZaakObject types) with their geometry (RD) and a label a
-- reader recognises: a pand by its address(es), an adres (verblijfsobject, or its
-- nummeraanduiding) by street, number and place, a vestiging or onderneming by name and address,
-- buurten and wijken by name. Identifiers arrive as lists.
WITH adres_tekst AS (
    SELECT identificatie, pand_identificatie, nummeraanduiding_id, geom,
           concat_ws(', ', concat(openbare_ruimte, ' ', huisnummer, coalesce(huisletter, ''),
                                  coalesce('-' || toevoeging, '')),
                     nullif(concat_ws(' ', postcode, woonplaats), '')) AS tekst
    FROM verblijfsobject
), pand_adres AS (
    SELECT pand_identificatie, min(tekst) AS eerste, count(*) AS n
    FROM adres_tekst
    WHERE list_contains(CAST($panden AS VARCHAR[]), pand_identificatie)
    GROUP BY pand_identificatie
)
SELECT 'pand' AS object_type, p.identificatie AS object_id,
       CASE WHEN a.n IS NULL THEN 'pand zonder adres'
            WHEN a.n = 1 THEN a.eerste
            ELSE a.eerste || ' en ' || (a.n - 1) || CASE WHEN a.n = 2 THEN ' ander adres'
                                                          ELSE ' andere adressen' END END AS label,
       ST_AsWKB(p.geom) AS wkb
FROM pand p LEFT JOIN pand_adres a ON a.pand_identificatie = p.identificatie
WHERE list_contains(CAST($panden AS VARCHAR[]), p.identificatie)
UNION ALL
SELECT 'adres', CASE WHEN list_contains(CAST($adressen AS VARCHAR[]), identificatie) THEN identificatie
                     ELSE nummeraanduiding_id END,
       tekst, ST_AsWKB(geom)
FROM adres_tekst
WHERE list_contains(CAST($adressen AS VARCHAR[]), identificatie)
   OR list_contains(CAST($adressen AS VARCHAR[]), nummeraanduiding_id)
UNION ALL
SELECT 'vestiging', vestigingsnummer,
       concat_ws(', ', naam, CASE WHEN adres_afgeschermd THEN 'adres afgeschermd'
                                  ELSE nullif(concat_ws(' ', straat, huisnummer), '') END),
       ST_AsWKB(geom)
FROM vestiging
WHERE list_contains(CAST($vestigingen AS VARCHAR[]), vestigingsnummer)
UNION ALL
SELECT 'maatschappelijke_activiteit', kvk_nummer,
       concat_ws(', ', naam, CASE WHEN adres_afgeschermd THEN 'adres afgeschermd'
                                  ELSE nullif(concat_ws(' ', straat, huisnummer), '') END),
       ST_AsWKB(geom)
FROM vestiging
WHERE list_contains(CAST($kvk AS VARCHAR[]), kvk_nummer)
UNION ALL
SELECT soort, code, naam, ST_AsWKB(geom)
FROM gebied
WHERE (soort = 'buurt' AND list_contains(CAST($buurten AS VARCHAR[]), code))
   OR (soort = 'wijk' AND list_contains(CAST($wijken AS VARCHAR[]), code))
ORDER BY 1, 2
