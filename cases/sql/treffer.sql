-- Hit/no-hit: is any of these objects linked to any case, in any theme? Only yes or no.
SELECT count(*) > 0 AS treffer
FROM koppeling
WHERE list_contains($identificaties::VARCHAR[], object_id);
