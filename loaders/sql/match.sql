-- KVK -> BAG matching, in this order: BAG id; postcode + huisnummer + suffix; street; coordinates.
-- Each rule only looks at vestigingen no earlier rule matched. Unmatched rows stay (methode 'geen').

-- One row per vestiging: the API (voorrang 1) beats a bulk file; then the most recent start.
CREATE OR REPLACE TEMP TABLE kvk_uniek AS
SELECT * FROM kvk_invoer
QUALIFY row_number() OVER (PARTITION BY vestigingsnummer
                           ORDER BY voorrang, datum_aanvang DESC NULLS LAST, bron) = 1;

CREATE OR REPLACE TEMP TABLE kvk_adres AS
SELECT vestigingsnummer, bag_id, adres_afgeschermd, rd_x, rd_y,
       norm_postcode(postcode) AS pc, huisnummer_getal(huisnummer) AS nr,
       norm_suffix(huisnummer_rest(huisnummer) || coalesce(huisletter, '')
                   || coalesce(toevoeging, '')) AS sfx,
       norm_straat(straat) AS straat, lower(trim(plaats)) AS plaats
FROM kvk_uniek;

CREATE OR REPLACE TEMP TABLE kvk_match (
    vestigingsnummer VARCHAR PRIMARY KEY, vbo VARCHAR, methode VARCHAR, score DOUBLE);

CREATE OR REPLACE TEMP MACRO open_adressen() AS TABLE
    SELECT k.* FROM kvk_adres k ANTI JOIN kvk_match m USING (vestigingsnummer);

-- 1. The BAG id KVK gave (a verblijfsobject id, or a nummeraanduiding id as in DOOK's numid).
--    Two equi-joins, not one join with OR: that would be a nested loop (minutes at national size).
INSERT INTO kvk_match
SELECT vestigingsnummer, min(vbo), 'bag_id', 1.0 FROM (
    SELECT k.vestigingsnummer, b.vbo FROM kvk_adres k JOIN bag_adres b ON k.bag_id = b.vbo
    UNION ALL
    SELECT k.vestigingsnummer, b.vbo FROM kvk_adres k
    JOIN bag_adres b ON k.bag_id = b.nummeraanduiding_id)
GROUP BY vestigingsnummer;

-- 2. Postcode + huisnummer + huisletter/toevoeging, normalised.
INSERT INTO kvk_match
SELECT k.vestigingsnummer, min(b.vbo), 'adres', 1.0
FROM open_adressen() k JOIN bag_adres b USING (pc, nr, sfx)
GROUP BY k.vestigingsnummer;

-- 3. Postcode + huisnummer where the suffix does not agree: the only address there (0.8),
--    or the address without suffix when there are several (0.6).
INSERT INTO kvk_match
SELECT vestigingsnummer, vbo, 'adres', score FROM (
    SELECT k.vestigingsnummer, b.vbo,
           CASE WHEN count(*) OVER w = 1 THEN 0.8 ELSE 0.6 END AS score,
           row_number() OVER (w ORDER BY b.sfx <> '', b.sfx) AS rang,
           count(*) FILTER (WHERE b.sfx = '') OVER w AS zonder_suffix, count(*) OVER w AS n
    FROM open_adressen() k JOIN bag_adres b USING (pc, nr)
    WINDOW w AS (PARTITION BY k.vestigingsnummer))
WHERE rang = 1 AND (n = 1 OR zonder_suffix = 1);

-- 4. Street + huisnummer + suffix in the same place, for a missing or mistyped postcode; a
--    slightly mistyped street within the same postcode area (PC4) scores lower.
INSERT INTO kvk_match
SELECT k.vestigingsnummer, min(b.vbo), 'adres', 0.85
FROM open_adressen() k JOIN bag_adres b USING (straat, nr, sfx)
WHERE k.plaats IS NULL OR k.plaats = b.plaats
GROUP BY k.vestigingsnummer HAVING count(*) = 1;

INSERT INTO kvk_match
SELECT vestigingsnummer, vbo, 'adres', 0.75 FROM (
    SELECT k.vestigingsnummer, b.vbo,
           row_number() OVER (PARTITION BY k.vestigingsnummer
                              ORDER BY jaro_winkler_similarity(k.straat, b.straat) DESC) AS rang
    FROM open_adressen() k JOIN bag_adres b
      ON b.nr = k.nr AND b.sfx = k.sfx AND left(b.pc, 4) = left(k.pc, 4)
    WHERE jaro_winkler_similarity(k.straat, b.straat) >= 0.88)
WHERE rang = 1;

-- 5. The nearest address within 50 m of KVK's RD coordinates; the score falls with distance.
INSERT INTO kvk_match
SELECT vestigingsnummer, vbo, 'coordinaten', greatest(0.5, 1 - afstand / 100) FROM (
    SELECT k.vestigingsnummer, b.vbo, ST_Distance(b.geom, ST_Point(k.rd_x, k.rd_y)) AS afstand,
           row_number() OVER (PARTITION BY k.vestigingsnummer ORDER BY afstand) AS rang
    FROM open_adressen() k JOIN bag_adres b
      ON ST_DWithin(b.geom, ST_Point(k.rd_x, k.rd_y), 50)
    WHERE k.rd_x IS NOT NULL AND NOT coalesce(k.adres_afgeschermd, false))
WHERE rang = 1;

INSERT INTO vestiging BY NAME
SELECT u.* EXCLUDE (rd_x, rd_y, rij, voorrang),
       m.vbo AS verblijfsobject_id,
       coalesce(m.methode, 'geen') AS match_methode,
       coalesce(m.score, 0.0) AS match_score,
       coalesce(b.geom, CASE WHEN u.rd_x IS NOT NULL AND NOT coalesce(u.adres_afgeschermd, false)
                             THEN ST_Point(u.rd_x, u.rd_y) END) AS geom
FROM kvk_uniek u
LEFT JOIN kvk_match m USING (vestigingsnummer)
LEFT JOIN bag_adres b ON b.vbo = m.vbo;

-- The SBI codes in use with a description, for the selection tree (a loaded list wins later).
INSERT INTO sbi_code
SELECT versie, code, mode(omschrijving), 'kvk' FROM sbi_invoer GROUP BY ALL;
