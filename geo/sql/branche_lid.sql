-- Which vestiging belongs to which branch group, and why (via 'sbi' or 'trefwoord').
-- Needs branche_prefix and branche_trefwoord (from geo/branches.py) registered on the connection.
-- A group marked alleen_met_trefwoord counts an SBI hit only when a keyword hits as well;
-- keyword-only hits are kept apart (via 'trefwoord') so they are never mixed with SBI counts.
CREATE OR REPLACE TEMP VIEW branche_lid AS
WITH codes AS (
    SELECT vestigingsnummer, sbi_versie, sbi_hoofd, unnest(sbi_codes) AS code FROM vestiging
), sbi AS (
    -- op_hoofd: the hit is on the hoofdactiviteit (the filter "SBI-codes alleen als
    -- hoofdactiviteit" and the concentration signal count only those)
    SELECT c.vestigingsnummer, p.groep, bool_and(p.alleen_met_trefwoord) AS alleen_met_trefwoord,
           bool_or(c.code = c.sbi_hoofd) AS op_hoofd
    FROM codes c JOIN branche_prefix p
      ON p.sbi_versie = c.sbi_versie AND left(c.code, p.lengte) = p.prefix
    GROUP BY ALL
), woord AS (
    SELECT v.vestigingsnummer, k.groep, min(k.trefwoord) AS trefwoord
    FROM (SELECT vestigingsnummer,
                 lower(concat_ws(' ', naam, array_to_string(handelsnamen, ' '), activiteit)) AS t
          FROM vestiging) v
    JOIN branche_trefwoord k
      -- contains() first: a cheap filter, so the regex (word boundaries) runs only on candidates;
      -- a regex from a column alone makes this join take seconds instead of milliseconds.
      ON contains(v.t, lower(rtrim(k.trefwoord, '*'))) AND regexp_matches(v.t, k.patroon)
    GROUP BY ALL
)
SELECT s.vestigingsnummer, s.groep, 'sbi' AS via, w.trefwoord, s.op_hoofd
FROM sbi s LEFT JOIN woord w USING (vestigingsnummer, groep)
WHERE NOT s.alleen_met_trefwoord OR w.trefwoord IS NOT NULL
UNION ALL
SELECT w.vestigingsnummer, w.groep, 'trefwoord' AS via, w.trefwoord, false AS op_hoofd
FROM woord w ANTI JOIN sbi s USING (vestigingsnummer, groep);
