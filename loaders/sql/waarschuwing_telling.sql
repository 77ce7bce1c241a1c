-- Warnings per source and kind (zicht status, the Gegevens page).
SELECT coalesce(bron, '') AS bron, soort, count(*) AS aantal
FROM waarschuwing
GROUP BY ALL
ORDER BY bron, soort
