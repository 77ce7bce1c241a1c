-- The vestigingen of an onderneming (KVK-nummer) or the one vestiging asked about.
SELECT vestigingsnummer
FROM vestiging
WHERE kvk_nummer = $kvk OR vestigingsnummer = $vestiging
ORDER BY vestigingsnummer
