-- Archived cases whose bewaartermijn has passed on $vandaag.
SELECT id, casusnummer, thema, CAST(aangemaakt_op AS DATE) AS aangemaakt_op, einddatum,
       bewaartermijn_jaren
FROM casus
WHERE status = 'archief' AND vernietigen_op <= $vandaag
ORDER BY casusnummer;
