-- KVK -> BAG match quality per source and method. vestiging holds one row per vestigingsnummer
-- (a duplicate in two sources is counted under the source that won), so these add up to it.
SELECT bron,
       match_methode AS methode,
       count(*) AS aantal,
       avg(match_score) AS gemiddelde_score,
       count(*) FILTER (WHERE is_actief(datum_aanvang, datum_einde, $peildatum)) AS actief
FROM vestiging
GROUP BY bron, match_methode
ORDER BY bron,
         CASE match_methode WHEN 'bag_id' THEN 1 WHEN 'adres' THEN 2 WHEN 'coordinaten' THEN 3
         ELSE 4 END;
