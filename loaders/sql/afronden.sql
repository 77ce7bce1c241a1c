-- Last build steps: area membership and spatial indexes for viewport queries.
INSERT INTO gebied_lid
SELECT g.gebied_id, v.identificatie
FROM verblijfsobject v JOIN gebied g ON ST_Contains(g.geom, v.geom);

CREATE INDEX verblijfsobject_geom ON verblijfsobject USING RTREE (geom);
CREATE INDEX pand_geom ON pand USING RTREE (geom);
CREATE INDEX vestiging_vbo ON vestiging (verblijfsobject_id);
CREATE INDEX gebied_lid_vbo ON gebied_lid (verblijfsobject_id);
