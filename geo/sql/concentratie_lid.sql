-- Branch-group membership as a table, with the same meaning as branche_lid.sql but computed once:
-- SBI prefixes through an equi-join, keywords per group with ONE constant pattern (lid_woord is
-- filled by geo/concentration.py). Needs lid_prefix (Branches.prefix_table()) and lid_woord
-- (vestigingsnummer, groep, trefwoord) registered on the connection.
WITH codes AS (
    SELECT vestigingsnummer, sbi_versie, unnest(sbi_codes) AS code FROM vestiging
), sbi AS (
    SELECT DISTINCT c.vestigingsnummer, p.groep, p.alleen_met_trefwoord
    FROM codes c JOIN lid_prefix p
      ON p.sbi_versie = c.sbi_versie AND left(c.code, p.lengte) = p.prefix
)
SELECT s.vestigingsnummer, s.groep, 'sbi' AS via, w.trefwoord
FROM sbi s LEFT JOIN lid_woord w USING (vestigingsnummer, groep)
WHERE NOT s.alleen_met_trefwoord OR w.trefwoord IS NOT NULL
UNION ALL
SELECT w.vestigingsnummer, w.groep, 'trefwoord' AS via, w.trefwoord
FROM lid_woord w ANTI JOIN sbi s USING (vestigingsnummer, groep)
ORDER BY vestigingsnummer, groep
