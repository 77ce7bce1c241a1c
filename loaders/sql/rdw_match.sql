-- RDW erkende bedrijven to BAG on postcode + huisnummer + toevoeging, like KVK (adres_norm.sql).
CREATE OR REPLACE TEMP TABLE rdw_adres AS
SELECT b.*, norm_postcode(coalesce(postcode_numeriek, '') || coalesce(postcode_alfanumeriek, ''))
           AS pc,
       huisnummer_getal(huisnummer) AS nr, norm_suffix(huisnummer_toevoeging) AS sfx
FROM rdw_bedrijven_ruw b;

INSERT INTO rdw_bedrijf BY NAME
SELECT r.volgnummer, r.naam_bedrijf, r.gevelnaam, r.straat, r.huisnummer,
       r.huisnummer_toevoeging AS toevoeging, r.pc AS postcode, r.plaats,
       (SELECT list(DISTINCT e.erkenning ORDER BY e.erkenning) FROM rdw_erkenningen_ruw e
        WHERE e.volgnummer = r.volgnummer) AS erkenningen,
       coalesce(exact.vbo, los.vbo) AS verblijfsobject_id,
       CASE WHEN coalesce(exact.vbo, los.vbo) IS NULL THEN 'geen' ELSE 'adres' END
           AS match_methode,
       CASE WHEN exact.vbo IS NOT NULL THEN 1.0 WHEN los.vbo IS NOT NULL THEN 0.8 ELSE 0.0 END
           AS match_score,
       coalesce(exact.geom, los.geom) AS geom
FROM rdw_adres r
LEFT JOIN (SELECT pc, nr, sfx, min(vbo) AS vbo, any_value(geom) AS geom FROM bag_adres
           GROUP BY ALL) exact USING (pc, nr, sfx)
LEFT JOIN (SELECT pc, nr, min(vbo) AS vbo, any_value(geom) AS geom FROM bag_adres
           GROUP BY ALL HAVING count(*) = 1) los ON los.pc = r.pc AND los.nr = r.nr
QUALIFY row_number() OVER (PARTITION BY r.volgnummer ORDER BY r.naam_bedrijf) = 1;
