-- The selection per colour group (NULL = in none of the groups), for the legend.
-- Continues the WITH list of kaart_selectie.sql.
SELECT groep, count(*) AS aantal, count(*) FILTER (WHERE geom IS NULL) AS zonder_locatie
FROM selectie
GROUP BY groep
ORDER BY aantal DESC
