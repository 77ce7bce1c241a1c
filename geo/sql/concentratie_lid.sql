-- Branch-group membership as a table, with the same meaning as branche_lid.sql but computed once:
-- SBI prefixes through an equi-join, keywords per group with ONE constant pattern (lid_woord is
-- filled by geo/concentration.py). Needs lid_prefix (Branches.prefix_table()) and lid_woord
-- (vestigingsnummer, groep, trefwoord) registered on the connection.
WITH codes AS (
    SELECT vestigingsnummer, sbi_versie, sbi_hoofd, unnest(sbi_codes) AS code FROM vestiging
), sbi AS (
    -- op_hoofd: the hit is on the hoofdactiviteit (the filter "SBI-codes alleen als
    -- hoofdactiviteit" and the concentration signal count only those)
    SELECT c.vestigingsnummer, p.groep, bool_and(p.alleen_met_trefwoord) AS alleen_met_trefwoord,
           bool_or(c.code = c.sbi_hoofd) AS op_hoofd
    FROM codes c JOIN lid_prefix p
      ON p.sbi_versie = c.sbi_versie AND left(c.code, p.lengte) = p.prefix
    GROUP BY ALL
)
SELECT s.vestigingsnummer, s.groep, 'sbi' AS via, w.trefwoord, s.op_hoofd
FROM sbi s LEFT JOIN lid_woord w USING (vestigingsnummer, groep)
WHERE NOT s.alleen_met_trefwoord OR w.trefwoord IS NOT NULL
UNION ALL
SELECT w.vestigingsnummer, w.groep, 'trefwoord' AS via, w.trefwoord, false AS op_hoofd
FROM lid_woord w ANTI JOIN sbi s USING (vestigingsnummer, groep)
ORDER BY vestigingsnummer, groep
