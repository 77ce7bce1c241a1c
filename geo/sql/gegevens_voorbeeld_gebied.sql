-- The areas of a checked area file (scratch database, table gebied).
SELECT soort, code, naam, round(oppervlakte_ha, 1) AS oppervlakte_ha, inwoners
FROM gebied
ORDER BY code
LIMIT $limiet;
