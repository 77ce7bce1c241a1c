-- The selection every map layer, concentration and download starts from. Not a query by itself:
-- geo.concentration.selection_sql() puts it in front of a query that continues the WITH list.
-- basis:    vestigingen that meet the filters other than branch (status on $peildatum, hoofd-/
--           nevenvestiging, date of registration): the population an LQ compares against.
-- selectie: basis restricted to the chosen branch groups and SBI codes (everything when none is
--           chosen), with the branch group that gives each one its colour. $alleen_hoofd limits
--           both the groups and the SBI codes to the hoofdactiviteit.
-- Needs branche_lid (geo.concentration.register_membership) on the connection.
WITH basis AS (
    SELECT v.vestigingsnummer, v.sbi_versie, v.sbi_codes, v.sbi_hoofd, v.sbi_onbekend, v.geom
    FROM vestiging v
    WHERE CASE $status
            WHEN 'actief' THEN is_actief(v.datum_aanvang, v.datum_einde, $peildatum)
            WHEN 'beeindigd' THEN v.datum_einde IS NOT NULL
                                  AND v.datum_einde <= CAST($peildatum AS DATE)
            ELSE true END
      AND ($soort = 'alle' OR coalesce(v.is_hoofdvestiging, false) = ($soort = 'hoofd'))
      AND ($van IS NULL OR v.datum_aanvang >= CAST($van AS DATE))
      AND ($tot IS NULL OR v.datum_aanvang <= CAST($tot AS DATE))
),
kleur AS (
    SELECT vestigingsnummer,
           arg_min(groep, list_position($kleurgroepen::VARCHAR[], groep)) AS groep
    FROM branche_lid
    WHERE list_contains($kleurgroepen::VARCHAR[], groep) AND (via = 'sbi' OR $trefwoord)
      -- "SBI-codes alleen als hoofdactiviteit": an SBI hit counts only on the hoofdactiviteit
      -- (a keyword, when asked for, still counts)
      AND (NOT $alleen_hoofd OR op_hoofd OR ($trefwoord AND trefwoord IS NOT NULL))
    GROUP BY vestigingsnummer
),
sbi_keuze AS (
    SELECT DISTINCT c.vestigingsnummer
    FROM (SELECT vestigingsnummer,
                 sbi_versie || ':' || unnest(CASE WHEN $alleen_hoofd THEN [sbi_hoofd]
                                                  ELSE sbi_codes END) AS code
          FROM basis) c
    JOIN (SELECT unnest($sbi::VARCHAR[]) AS prefix) p ON starts_with(c.code, p.prefix)
    UNION
    -- 'onbekend': a delivered code in neither official list (as hoofdactiviteit: the main one)
    SELECT vestigingsnummer FROM basis
    WHERE list_contains($sbi::VARCHAR[], 'onbekend') AND len(coalesce(sbi_onbekend, [])) > 0
      AND (NOT $alleen_hoofd OR sbi_hoofd IS NULL)
),
selectie AS (
    SELECT b.vestigingsnummer, b.geom, k.groep
    FROM basis b LEFT JOIN kleur k USING (vestigingsnummer)
    WHERE (len($groepen::VARCHAR[]) = 0 AND len($sbi::VARCHAR[]) = 0)
       OR (len($groepen::VARCHAR[]) > 0 AND k.groep IS NOT NULL)
       OR b.vestigingsnummer IN (SELECT vestigingsnummer FROM sbi_keuze)
)
