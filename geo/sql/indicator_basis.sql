-- Shared views for the indicators. getvariable('peildatum') is the snapshot's peildatum:
-- everything is judged as of that date, never as of today.
CREATE OR REPLACE TEMP MACRO adres_tekst(straat, nr, letter, toevoeging, pc, plaats) AS
    concat_ws(', ',
        concat(straat, ' ', nr, coalesce(letter, ''), coalesce('-' || toevoeging, '')),
        nullif(concat_ws(' ', pc, plaats), ''));

CREATE OR REPLACE TEMP VIEW vestiging_actief AS
SELECT * FROM vestiging
WHERE is_actief(datum_aanvang, datum_einde, getvariable('peildatum'));

-- Every addressed object: verblijfsobjecten, and ligplaatsen and standplaatsen (no pand, no
-- gebruiksdoel or oppervlakte; located by their point), as vestiging.verblijfsobject_id names.
CREATE OR REPLACE TEMP VIEW adres AS
SELECT identificatie AS vbo, pand_identificatie, gebruiksdoelen, oppervlakte, status, geom,
       adres_tekst(openbare_ruimte, huisnummer, huisletter, toevoeging, postcode, woonplaats)
           AS label
FROM verblijfsobject
UNION ALL
SELECT identificatie, NULL, NULL, NULL, status, punt,
       adres_tekst(openbare_ruimte, huisnummer, huisletter, toevoeging, postcode, woonplaats)
FROM (SELECT * FROM ligplaats UNION ALL SELECT * FROM standplaats);

-- Branch membership (the view branche_lid) evaluated once per connection, plus whether the
-- SBI hit is on the hoofdactiviteit: an activity is what a vestiging mainly does, so indicators
-- that judge the activity (floor area, RDW, concentration) count the hoofdactiviteit only.
-- trefwoord_reden: the keyword, when a keyword helps decide membership (keyword-only hits,
-- groups that need a keyword, or an SBI hit on a nevenactiviteit only).
CREATE OR REPLACE TEMP TABLE branche_vestiging AS
WITH lengte AS (SELECT DISTINCT lengte FROM branche_prefix),
hoofd AS (
    SELECT DISTINCT v.vestigingsnummer, p.groep
    FROM vestiging v CROSS JOIN lengte l
    JOIN branche_prefix p ON p.lengte = l.lengte AND p.sbi_versie = v.sbi_versie
     AND p.prefix = left(v.sbi_hoofd, l.lengte)
), streng AS (
    SELECT groep, bool_or(alleen_met_trefwoord) AS alleen FROM branche_prefix GROUP BY ALL
)
SELECT b.vestigingsnummer, b.groep, b.via, b.trefwoord,
       b.via = 'sbi' AND h.groep IS NOT NULL AS op_hoofd,
       CASE WHEN b.via = 'sbi' AND h.groep IS NOT NULL AND NOT coalesce(s.alleen, false)
            THEN NULL ELSE rtrim(b.trefwoord, '*') END AS trefwoord_reden
FROM branche_lid b
LEFT JOIN hoofd h USING (vestigingsnummer, groep)
LEFT JOIN streng s USING (groep);

-- The buurt (and its wijk) of every verblijfsobject; CBS buurten do not overlap.
CREATE OR REPLACE TEMP TABLE adres_buurt AS
SELECT l.verblijfsobject_id AS vbo, any_value(g.code) AS buurt, any_value(g.naam) AS buurtnaam,
       any_value(w.naam) AS wijknaam
FROM gebied_lid l JOIN gebied g ON g.gebied_id = l.gebied_id AND g.soort = 'buurt'
LEFT JOIN gebied w ON w.soort = 'wijk' AND w.code = g.ouder_code
GROUP BY ALL;

-- RDW recognitions by address and by pand (RDW and KVK often use another huisnummer of the
-- same building).
CREATE OR REPLACE TEMP VIEW rdw_erkend AS
SELECT DISTINCT r.verblijfsobject_id AS vbo, a.pand_identificatie AS pand
FROM rdw_bedrijf r JOIN adres a ON a.vbo = r.verblijfsobject_id;

-- Automotive as the indicator automotive_zonder_rdw defines it (SBI hoofdactiviteit in group
-- p_groep, minus codes starting with one of p_sbi_uitsluiten); reads that indicator's
-- parameters when queried, so set them first (indicators.set_parameters).
CREATE OR REPLACE TEMP VIEW automotive_vestiging AS
SELECT b.vestigingsnummer
FROM branche_vestiging b JOIN vestiging v USING (vestigingsnummer)
WHERE b.groep = getvariable('p_groep') AND b.op_hoofd
  AND len(list_filter(getvariable('p_sbi_uitsluiten'), p -> starts_with(v.sbi_hoofd, p))) = 0;
