-- Number of cases per buurt (optionally for one theme); counts only, no case content.
SELECT k.buurtcode, count(DISTINCT k.casus_id) AS aantal
FROM koppeling k JOIN casus c ON c.id = k.casus_id
WHERE k.buurtcode IS NOT NULL
  AND ($thema::VARCHAR IS NULL OR c.thema = $thema)
GROUP BY k.buurtcode
ORDER BY k.buurtcode;
