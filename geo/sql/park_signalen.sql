-- Indicator results (the registered table signaal: indicator, object_id, verblijfsobject_id,
-- pand_id) that lie in an area: on one of its addresses, or on one of its panden.
SELECT k.gebied_id, s.indicator, count(DISTINCT s.object_id) AS aantal
FROM signaal s
JOIN profiel_gebied k ON k.soort = 'bedrijventerrein'
WHERE s.verblijfsobject_id IN (SELECT verblijfsobject_id FROM gebied_lid l
                               WHERE l.gebied_id = k.gebied_id)
   OR (s.verblijfsobject_id IS NULL
       AND s.pand_id IN (SELECT pand FROM profiel_pand p WHERE p.gebied_id = k.gebied_id))
GROUP BY ALL
ORDER BY k.gebied_id, s.indicator
