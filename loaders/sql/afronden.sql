-- Indexes at the end of the build: R-trees for viewport queries (and the spatial joins of
-- gebied_punt.sql, which run after this), ART indexes for lookups by object.
CREATE INDEX verblijfsobject_geom ON verblijfsobject USING RTREE (geom);
CREATE INDEX pand_geom ON pand USING RTREE (geom);
CREATE INDEX ligplaats_geom ON ligplaats USING RTREE (geom);
CREATE INDEX standplaats_geom ON standplaats USING RTREE (geom);
CREATE INDEX nevenadres_object ON nevenadres (adresseerbaar_id);
CREATE INDEX vestiging_vbo ON vestiging (verblijfsobject_id);
