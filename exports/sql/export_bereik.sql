-- The extent (RD) of the whole gemeente: its boundary, else its buurten, else its addresses.
WITH gemeente AS (
    SELECT ST_Extent_Agg(geom) AS e FROM gebied WHERE soort = 'gemeente' AND geom IS NOT NULL
), buurten AS (
    SELECT ST_Extent_Agg(geom) AS e FROM gebied WHERE soort = 'buurt' AND geom IS NOT NULL
), adressen AS (
    SELECT ST_Extent_Agg(geom) AS e FROM verblijfsobject WHERE geom IS NOT NULL
), gekozen AS (
    SELECT coalesce((SELECT e FROM gemeente), (SELECT e FROM buurten), (SELECT e FROM adressen)) AS e
)
SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM gekozen
