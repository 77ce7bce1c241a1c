-- Optimistic concurrency: only the version the user saw may be changed; returns the new version.
UPDATE casus SET versie = versie + 1, gewijzigd_op = $nu, gewijzigd_door = $door
WHERE id = $id AND versie = $versie
RETURNING versie;
