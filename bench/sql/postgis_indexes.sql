-- Buurten to RD, GiST indexes on every geometry, btree on the join keys, fresh statistics.
ALTER TABLE buurt ALTER geom TYPE geometry(Geometry, 28992) USING ST_Transform(geom, 28992);
CREATE INDEX ON vbo USING gist (geom);
CREATE INDEX ON pand USING gist (geom);
CREATE INDEX ON buurt USING gist (geom);
CREATE INDEX ON vbo (nummeraanduiding_id);
CREATE INDEX ON vbo (postcode, huisnummer);
ANALYZE vbo;
ANALYZE pand;
ANALYZE buurt;
ANALYZE kvk_ruw;
