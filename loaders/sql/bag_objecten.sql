-- BAG objects in the snapshot: what bron.rijen counts for a BAG source.
SELECT (SELECT count(*) FROM pand) + (SELECT count(*) FROM verblijfsobject)
     + (SELECT count(*) FROM ligplaats) + (SELECT count(*) FROM standplaats)
