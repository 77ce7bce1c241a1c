-- Last build steps: area membership and spatial indexes for viewport queries.
-- Ligplaatsen and standplaatsen are members by their point, as a verblijfsobject is.
INSERT INTO gebied_lid
SELECT g.gebied_id, v.identificatie
FROM verblijfsobject v JOIN gebied g ON ST_Contains(g.geom, v.geom);
INSERT INTO gebied_lid
SELECT g.gebied_id, p.identificatie
FROM (SELECT identificatie, punt FROM ligplaats UNION ALL SELECT identificatie, punt FROM standplaats) p
JOIN gebied g ON ST_Contains(g.geom, p.punt);

CREATE INDEX verblijfsobject_geom ON verblijfsobject USING RTREE (geom);
CREATE INDEX pand_geom ON pand USING RTREE (geom);
CREATE INDEX ligplaats_geom ON ligplaats USING RTREE (geom);
CREATE INDEX standplaats_geom ON standplaats USING RTREE (geom);
CREATE INDEX nevenadres_object ON nevenadres (adresseerbaar_id);
CREATE INDEX vestiging_vbo ON vestiging (verblijfsobject_id);
CREATE INDEX gebied_lid_vbo ON gebied_lid (verblijfsobject_id);
