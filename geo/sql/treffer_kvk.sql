-- The vestigingen of ondernemingen (KVK-nummers) or the vestigingen asked about.
SELECT vestigingsnummer
FROM vestiging
WHERE list_contains($kvk::VARCHAR[], kvk_nummer) OR list_contains($vestigingen::VARCHAR[], vestigingsnummer)
ORDER BY vestigingsnummer
