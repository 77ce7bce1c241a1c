-- The previous snapshot's vestigingen, all of them (no map rights): see geo.changes.open_pair.
CREATE OR REPLACE TEMP VIEW vorige_vestiging AS SELECT * FROM vorige.vestiging;
