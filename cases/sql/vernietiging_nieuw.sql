-- The proof of destruction: case number, moment, actor and ground; nothing else of the case.
INSERT INTO vernietiging (casusnummer, vernietigd_op, uitgevoerd_door, grondslag)
SELECT casusnummer, $nu, $door, vernietiging_grondslag(bewaartermijn_jaren, einddatum)
FROM casus
WHERE list_contains($ids::VARCHAR[], id)
ORDER BY casusnummer
RETURNING casusnummer, vernietigd_op, uitgevoerd_door, grondslag;
