-- Zicht's active located vestigingen per buurt (as the concentration counts them), split by
-- whether the peers' rules give them too: from the two KVK files the peers read ($bronnen),
-- linked on BAG id or on exact postcode + huisnummer + suffix. What remains is why the counts
-- differ: andere_bron (a source the peers do not read) or extra_regel (a match rule they lack:
-- suffix written differently, street + huisnummer, fuzzy street, KVK coordinates).
SELECT g.code AS buurt,
       count(*) AS alle,
       count(*) FILTER (WHERE list_contains($bronnen, v.bron) AND k.regel IN ('bag_id', 'adres'))
           AS zelfde_regels,
       count(*) FILTER (WHERE NOT list_contains($bronnen, v.bron)) AS andere_bron,
       count(*) FILTER (WHERE list_contains($bronnen, v.bron)
                        AND k.regel IS DISTINCT FROM 'bag_id' AND k.regel IS DISTINCT FROM 'adres')
           AS extra_regel
FROM vestiging v
JOIN vestiging_gebied l USING (vestigingsnummer)
JOIN gebied g ON g.gebied_id = l.gebied_id AND g.soort = 'buurt'
LEFT JOIN koppel_kandidaat k ON k.vestigingsnummer = v.vestigingsnummer AND k.gekozen
WHERE is_actief(v.datum_aanvang, v.datum_einde, $peildatum)
GROUP BY ALL
