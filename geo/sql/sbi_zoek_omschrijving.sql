-- SBI codes whose description contains every word of the search text ($woorden, lower case,
-- without accents), with the number of active vestigingen that carry them.
SELECT s.versie, s.code, s.omschrijving
FROM sbi_code s
WHERE list_bool_and(list_transform($woorden::VARCHAR[],
          w -> contains(lower(strip_accents(s.omschrijving)), w)))
ORDER BY s.versie, s.code
LIMIT $limiet
