-- Which area each verblijfsobject, ligplaats and standplaats lies in. Ligplaatsen and
-- standplaatsen are members by their point, as a verblijfsobject is.
CREATE OR REPLACE TEMP VIEW punt AS
SELECT identificatie AS id, geom FROM verblijfsobject WHERE geom IS NOT NULL
UNION ALL SELECT identificatie, punt FROM ligplaats WHERE punt IS NOT NULL
UNION ALL SELECT identificatie, punt FROM standplaats WHERE punt IS NOT NULL;
