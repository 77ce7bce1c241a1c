-- The BAG objects the KVK -> BAG match considered for one vestiging, best first, with the rule
-- in words (the card shows them when the match is not certain).
SELECT verblijfsobject_id, nummeraanduiding_id, adres, score, regel,
       koppel_regel_tekst(regel) AS reden, gekozen
FROM koppel_kandidaat
WHERE vestigingsnummer = $vestiging
ORDER BY rang
