-- RDW erkende bedrijven to BAG on postcode + huisnummer + toevoeging, scored on the suffix by the
-- same rule as KVK (suffix_score in adres_norm.sql); a tie at the top chooses nothing.
CREATE TEMP TABLE IF NOT EXISTS bag_sleutel AS FROM bag_met_sleutel();

CREATE OR REPLACE TEMP TABLE rdw_adres AS
SELECT b.*, norm_postcode(coalesce(postcode_numeriek, '') || coalesce(postcode_alfanumeriek, ''))
           AS pc,
       huisnummer_getal(huisnummer) AS nr, norm_suffix(huisnummer_toevoeging) AS sfx,
       sfx_sleutel(huisnummer_toevoeging) AS skey,
       sfx_begane_grond(huisnummer_toevoeging) AS begane_grond
FROM rdw_bedrijven_ruw b;

CREATE OR REPLACE TEMP TABLE rdw_match AS
SELECT volgnummer, CASE WHEN gelijk = 1 THEN vbo END AS vbo,
       CASE WHEN gelijk = 1 THEN score ELSE 0.0 END AS score
FROM (SELECT volgnummer, vbo, score,
             row_number() OVER (PARTITION BY volgnummer ORDER BY score DESC, vbo) AS rang,
             count(*) OVER (PARTITION BY volgnummer, score) AS gelijk
      FROM (SELECT r.volgnummer, b.vbo,
                   max(suffix_score(r.sfx, r.skey, r.begane_grond, b.sfx, b.skey, n)) AS score
            FROM (SELECT DISTINCT volgnummer, pc, nr, sfx, skey, begane_grond FROM rdw_adres) r
            JOIN (SELECT *, count(DISTINCT vbo) OVER (PARTITION BY pc, nr) AS n
                  FROM bag_sleutel) b USING (pc, nr)
            GROUP BY ALL))
WHERE rang = 1;

INSERT INTO rdw_bedrijf BY NAME
SELECT r.volgnummer, r.naam_bedrijf, r.gevelnaam, r.straat, r.huisnummer,
       r.huisnummer_toevoeging AS toevoeging, r.pc AS postcode, r.plaats,
       (SELECT list(DISTINCT e.erkenning ORDER BY e.erkenning) FROM rdw_erkenningen_ruw e
        WHERE e.volgnummer = r.volgnummer) AS erkenningen,
       m.vbo AS verblijfsobject_id,
       CASE WHEN m.vbo IS NULL THEN 'geen' ELSE 'adres' END AS match_methode,
       coalesce(m.score, 0.0) AS match_score,
       b.geom
FROM rdw_adres r
LEFT JOIN rdw_match m USING (volgnummer)
LEFT JOIN (SELECT vbo, any_value(geom) AS geom FROM bag_adres GROUP BY vbo) b ON b.vbo = m.vbo
QUALIFY row_number() OVER (PARTITION BY r.volgnummer ORDER BY r.naam_bedrijf) = 1;
