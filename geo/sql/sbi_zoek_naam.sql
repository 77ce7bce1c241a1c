-- Which SBI main activity do vestigingen carry whose trade names contain the search text
-- ($tekst, lower case)? Per version the most frequent codes, with how many of the matching
-- vestigingen carry each (all statuses: a name says what a business does, active or not).
WITH treffer AS (
    SELECT sbi_versie AS versie, sbi_hoofd AS code
    FROM vestiging
    WHERE sbi_hoofd IS NOT NULL AND sbi_versie IS NOT NULL
      AND contains(lower(strip_accents(concat_ws(' ', naam, array_to_string(handelsnamen, ' ')))),
                   $tekst)
), per_code AS (
    SELECT versie, code, count(*) AS aantal,
           sum(count(*)) OVER (PARTITION BY versie) AS totaal
    FROM treffer
    GROUP BY versie, code
)
SELECT p.versie, p.code, s.omschrijving, p.aantal, p.totaal
FROM per_code p
LEFT JOIN sbi_code s ON s.versie = p.versie AND s.code = p.code
QUALIFY row_number() OVER (PARTITION BY p.versie ORDER BY p.aantal DESC, p.code) <= $per_versie
ORDER BY p.versie, p.aantal DESC, p.code
