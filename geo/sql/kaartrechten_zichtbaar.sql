-- The vestigingen a user with map rights may see (geo/kaartrechten.py): in at least one allowed
-- branch group, or in none while 'overig' is allowed. Needs branche_lid_alle (all memberships)
-- and the variable kaartrecht_groepen; {snapshot} is the snapshot's catalog, quoted by the caller.
SELECT v.vestigingsnummer
FROM {snapshot}.main.vestiging v
WHERE EXISTS (SELECT 1 FROM branche_lid_alle b
              WHERE b.vestigingsnummer = v.vestigingsnummer
                AND list_contains(getvariable('kaartrecht_groepen'), b.groep))
   OR (list_contains(getvariable('kaartrecht_groepen'), 'overig')
       AND NOT EXISTS (SELECT 1 FROM branche_lid_alle b WHERE b.vestigingsnummer = v.vestigingsnummer));
