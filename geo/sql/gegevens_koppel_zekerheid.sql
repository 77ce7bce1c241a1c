-- How certain the KVK -> BAG matches are, per source: zeker (score >= 0.9), onzeker (placed with
-- a lower score), meerdere kandidaten (several objects fit equally; none chosen), and how many
-- delivered a BAG id this BAG does not know (the build's waarschuwing rows).
SELECT v.bron,
       count(*) FILTER (WHERE match_status = 'zeker') AS zeker,
       count(*) FILTER (WHERE match_status = 'onzeker') AS onzeker,
       count(*) FILTER (WHERE match_status = 'meerdere kandidaten') AS meerdere,
       count(w.sleutel) AS bag_id_onbekend
FROM vestiging v
LEFT JOIN (SELECT DISTINCT sleutel FROM waarschuwing WHERE soort = 'bag_id_onbekend') w
       ON w.sleutel = v.vestigingsnummer
GROUP BY v.bron ORDER BY v.bron;
