-- Archived cases whose bewaartermijn has passed on $vandaag.
SELECT id, casusnummer
FROM casus
WHERE status = 'archief' AND vernietigen_op <= $vandaag
ORDER BY casusnummer;
