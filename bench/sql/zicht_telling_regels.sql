-- Zicht's active located vestigingen per buurt (as the concentration counts them), split by
-- whether the peers' rules give them too: from the two KVK files the peers read ($bronnen),
-- linked on BAG id, or on exact postcode + huisnummer + suffix with a huisnummer of digits only
-- (the peers read '40k' or '251 N' in the huisnummer field as no number). What remains is why
-- the counts differ: andere_bron (a source the peers do not read), andere_laag (on a ligplaats,
-- standplaats or nevenadres: the peers read verblijfsobjecten and hoofdadressen only) or extra_regel (a rule they lack:
-- letter in the huisnummer field, suffix written differently, street + huisnummer, fuzzy
-- street, KVK coordinates). Rule = the rule that found the best candidate (rang 1).
WITH v AS (
    SELECT v.vestigingsnummer, g.code AS buurt, list_contains($bronnen, v.bron) AS peer_bron,
           coalesce(v.object_soort, 'verblijfsobject') = 'verblijfsobject'
           AND (k.regel = 'bag_id' OR k.nummeraanduiding_id IS NOT DISTINCT FROM b.nummeraanduiding_id)
               AS peer_laag,
           k.regel = 'bag_id'
           OR (k.regel = 'adres' AND regexp_full_match(trim(v.huisnummer), '[0-9]+')) AS peer_regel
    FROM vestiging v
    JOIN vestiging_gebied l USING (vestigingsnummer)
    JOIN gebied g ON g.gebied_id = l.gebied_id AND g.soort = 'buurt'
    LEFT JOIN koppel_kandidaat k ON k.vestigingsnummer = v.vestigingsnummer AND k.rang = 1
    LEFT JOIN verblijfsobject b ON b.identificatie = v.verblijfsobject_id
    WHERE is_actief(v.datum_aanvang, v.datum_einde, $peildatum)
)
SELECT buurt, count(*) AS alle,
       count(*) FILTER (WHERE peer_bron AND peer_laag AND coalesce(peer_regel, false))
           AS zelfde_regels,
       count(*) FILTER (WHERE NOT peer_bron) AS andere_bron,
       count(*) FILTER (WHERE peer_bron AND NOT peer_laag) AS andere_laag,
       count(*) FILTER (WHERE peer_bron AND peer_laag AND NOT coalesce(peer_regel, false))
           AS extra_regel
FROM v
GROUP BY ALL
