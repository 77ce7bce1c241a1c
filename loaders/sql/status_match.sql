-- Match quality per method; afgeschermd addresses are counted separately because no rule can
-- match them (KVK does not give their location).
SELECT match_methode AS methode,
       count(*) AS aantal,
       round(avg(match_score), 3) AS gemiddelde_score,
       count(*) FILTER (WHERE adres_afgeschermd) AS afgeschermd
FROM vestiging
GROUP BY match_methode
ORDER BY CASE match_methode WHEN 'bag_id' THEN 1 WHEN 'adres' THEN 2 WHEN 'coordinaten' THEN 3
         ELSE 4 END
