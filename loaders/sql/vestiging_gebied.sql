-- Which area each located vestiging lies in, by its own location as the map shows it (the
-- matched object's point or KVK's coordinates): the base of the concentration per area.
CREATE OR REPLACE TEMP VIEW punt AS
SELECT vestigingsnummer AS id, geom FROM vestiging WHERE geom IS NOT NULL;
