-- The proof of destruction: case number, theme and dates only.
INSERT INTO vernietiging (casus_id, casusnummer, thema, aangemaakt_op, einddatum, bewaartermijn_jaren,
                          vernietigd_op, uitgevoerd_door)
SELECT id, casusnummer, thema, CAST(aangemaakt_op AS DATE), einddatum, bewaartermijn_jaren, $nu, $door
FROM casus
WHERE list_contains($ids::VARCHAR[], id);
