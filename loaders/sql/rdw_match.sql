-- RDW erkende bedrijven to BAG on postcode + huisnummer + toevoeging, scored on the suffix by the
-- same rule as KVK (suffix_score in adres_norm.sql); a tie at the top chooses nothing.
CREATE OR REPLACE TEMP TABLE bag_sfx AS FROM bag_sfx_sleutels();
CREATE OR REPLACE TEMP MACRO bag_met_sleutel() AS TABLE FROM bag_adres JOIN bag_sfx USING (sfx);

CREATE OR REPLACE TEMP TABLE rdw_adres AS
SELECT b.*, norm_postcode(coalesce(postcode_numeriek, '') || coalesce(postcode_alfanumeriek, ''))
           AS pc,
       huisnummer_getal(huisnummer) AS nr, norm_suffix(huisnummer_toevoeging) AS sfx,
       sfx_sleutel(huisnummer_toevoeging) AS skey
FROM rdw_bedrijven_ruw b;

CREATE OR REPLACE TEMP TABLE rdw_match AS
SELECT volgnummer, CASE WHEN gelijk = 1 THEN vbo END AS vbo,
       CASE WHEN gelijk = 1 THEN score ELSE 0.0 END AS score
FROM (SELECT volgnummer, vbo, score,
             row_number() OVER (PARTITION BY volgnummer ORDER BY score DESC, vbo) AS rang,
             count(*) OVER (PARTITION BY volgnummer, score) AS gelijk
      FROM (SELECT volgnummer, vbo, max(suffix_score(k_sfx, k_skey, sfx, skey, n)) AS score
            FROM (SELECT r.volgnummer, r.sfx AS k_sfx, r.skey AS k_skey, b.vbo, b.sfx, b.skey,
                         count(*) OVER (PARTITION BY r.volgnummer) AS n
                  FROM rdw_adres r JOIN bag_met_sleutel() b USING (pc, nr))
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
