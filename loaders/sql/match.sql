-- KVK -> BAG matching. Every rule proposes candidates (BAG objects with a score and the rule that
-- found them) for the vestigingen no earlier rule found any for, in this order: BAG id; postcode +
-- huisnummer; street + huisnummer; coordinates. Then one decision per vestiging: the best
-- candidate when it beats every other object, else 'meerdere kandidaten' (no object chosen).
-- A score >= 0.9 is 'zeker' (measured on real BAG addresses, tests/loaders/test_match_truth.py);
-- below that the match is 'onzeker' and the candidates stay in koppel_kandidaat for the analyst.
-- Unmatched rows stay (methode 'geen'). Joins are equi-joins or one spatial join: an OR in a join
-- condition becomes a nested loop (minutes at national size).

-- Reads kvk_uniek: one row per vestiging, made by kvk_uniek.sql (the duplicate rule).

-- The KVK address normalised as BAG's is (adres_norm.sql). A BAG id as digits, 16 long: a
-- spreadsheet drops the leading zero, a URI has a prefix.
CREATE OR REPLACE TEMP TABLE kvk_adres AS
WITH k AS (
    SELECT *, concat_ws(' ', huisnummer_rest(huisnummer), huisletter, toevoeging) AS sfx_ruw
    FROM kvk_uniek
), sleutel AS (   -- the regexes once per distinct suffix and street
    SELECT sfx_ruw, norm_suffix(sfx_ruw) AS sfx, sfx_sleutel(sfx_ruw) AS skey
    FROM (SELECT DISTINCT sfx_ruw FROM k)
), straat AS (
    SELECT straat, norm_straat(straat) AS straat_norm FROM (SELECT DISTINCT straat FROM k)
)
SELECT vestigingsnummer, bron, rij, bag_id AS bag_id_geleverd,
       CASE WHEN length(regexp_replace(coalesce(bag_id, ''), '[^0-9]', '', 'g')) BETWEEN 13 AND 16
            THEN lpad(regexp_replace(bag_id, '[^0-9]', '', 'g'), 16, '0') END AS bag_id,
       adres_afgeschermd, rd_x, rd_y,
       norm_postcode(postcode) AS pc, huisnummer_getal(huisnummer) AS nr,
       s.sfx, s.skey, t.straat_norm AS straat, lower(trim(plaats)) AS plaats,
       concat_ws(' ', k.straat, huisnummer, huisletter, toevoeging, postcode, plaats) AS geleverd
FROM k JOIN sleutel s USING (sfx_ruw) LEFT JOIN straat t ON t.straat = k.straat;

CREATE OR REPLACE TEMP TABLE bag_sfx AS FROM bag_sfx_sleutels();
CREATE OR REPLACE TEMP MACRO bag_met_sleutel() AS TABLE FROM bag_adres JOIN bag_sfx USING (sfx);

CREATE OR REPLACE TEMP TABLE kandidaat (
    vestigingsnummer VARCHAR, vbo VARCHAR, nummeraanduiding_id VARCHAR, score DOUBLE,
    regel VARCHAR);

CREATE OR REPLACE TEMP MACRO zonder_kandidaat() AS TABLE
    SELECT k.* FROM kvk_adres k ANTI JOIN kandidaat c USING (vestigingsnummer);

-- 1. The BAG id KVK gave (an object id, or a nummeraanduiding id as in DOOK's numid).
INSERT INTO kandidaat
SELECT k.vestigingsnummer, b.vbo, arg_min(b.nummeraanduiding_id, b.pc = k.pc AND b.nr = k.nr),
       1.0, 'bag_id'
FROM kvk_adres k JOIN bag_adres b ON k.bag_id = b.vbo
GROUP BY k.vestigingsnummer, b.vbo;
INSERT INTO kandidaat
SELECT k.vestigingsnummer, b.vbo, b.nummeraanduiding_id, 1.0, 'bag_id'
FROM kvk_adres k JOIN bag_adres b ON k.bag_id = b.nummeraanduiding_id;

-- 2. Postcode + huisnummer, scored on the suffix.
INSERT INTO kandidaat
SELECT vestigingsnummer, vbo, nummeraanduiding_id,
       suffix_score(k_sfx, k_skey, sfx, skey, n),
       suffix_regel(k_sfx, k_skey, sfx, skey, n)
FROM (SELECT k.vestigingsnummer, k.sfx AS k_sfx, k.skey AS k_skey, b.*,
             count(*) OVER (PARTITION BY k.vestigingsnummer) AS n
      FROM zonder_kandidaat() k JOIN bag_met_sleutel() b USING (pc, nr));

-- 3. Street + huisnummer (in the place KVK names) for a missing or mistyped postcode. Certain
--    only when the postcode is missing and the place agrees; a postcode that disagrees costs more.
INSERT INTO kandidaat
SELECT vestigingsnummer, vbo, nummeraanduiding_id,
       suffix_score(k_sfx, k_skey, sfx, skey, n) - aftrek,
       'straat_' || suffix_regel(k_sfx, k_skey, sfx, skey, n)
FROM (SELECT k.vestigingsnummer, k.sfx AS k_sfx, k.skey AS k_skey, b.*,
             count(*) OVER (PARTITION BY k.vestigingsnummer) AS n,
             CASE WHEN k.pc IS NULL AND k.plaats IS NOT NULL THEN 0.1 ELSE 0.15 END AS aftrek
      FROM zonder_kandidaat() k JOIN bag_met_sleutel() b USING (straat, nr)
      WHERE k.plaats IS NULL OR k.plaats = b.plaats);

--    A slightly mistyped street with the same suffix, within the postcode area (PC4) or, without
--    a postcode, within the place: never certain.
INSERT INTO kandidaat
SELECT vestigingsnummer, vbo, nummeraanduiding_id,
       CASE WHEN k_sfx = sfx THEN 0.75 ELSE 0.7 END, 'straat_gelijkend'
FROM (SELECT k.vestigingsnummer, k.sfx AS k_sfx, b.*,
             rank() OVER (PARTITION BY k.vestigingsnummer
                          ORDER BY jaro_winkler_similarity(k.straat, b.straat) DESC) AS rang
      FROM zonder_kandidaat() k JOIN bag_met_sleutel() b
        ON b.nr = k.nr AND b.skey = k.skey AND left(b.pc, 4) = left(k.pc, 4)
      WHERE jaro_winkler_similarity(k.straat, b.straat) >= 0.88
      UNION ALL BY NAME
      SELECT k.vestigingsnummer, k.sfx AS k_sfx, b.*,
             rank() OVER (PARTITION BY k.vestigingsnummer
                          ORDER BY jaro_winkler_similarity(k.straat, b.straat) DESC) AS rang
      FROM zonder_kandidaat() k JOIN bag_met_sleutel() b
        ON b.nr = k.nr AND b.skey = k.skey AND b.plaats = k.plaats
      WHERE k.pc IS NULL AND jaro_winkler_similarity(k.straat, b.straat) >= 0.88)
WHERE rang = 1;

-- 4. KVK's RD coordinates: the objects on the nearest BAG point within 50 m. Coordinates alone
--    are never certain (at most 0.85, less with distance); several objects on that point (flats)
--    are 'meerdere kandidaten'.
INSERT INTO kandidaat
SELECT vestigingsnummer, vbo, nummeraanduiding_id, greatest(0.5, 0.85 - dichtst / 100),
       'coordinaten'
FROM (SELECT k.vestigingsnummer, b.vbo, b.nummeraanduiding_id,
             ST_Distance(b.geom, ST_Point(k.rd_x, k.rd_y)) AS afstand,
             min(afstand) OVER (PARTITION BY k.vestigingsnummer) AS dichtst
      FROM zonder_kandidaat() k JOIN bag_adres b
        ON ST_DWithin(b.geom, ST_Point(k.rd_x, k.rd_y), 50)
      WHERE k.rd_x IS NOT NULL AND NOT coalesce(k.adres_afgeschermd, false))
WHERE afstand <= dichtst + 1;

-- One row per vestiging and object (an object with a nevenadres may be found twice), ranked;
-- `meerdere` marks a tie at the top (the next object scores the same).
CREATE OR REPLACE TEMP TABLE kandidaat_object AS
SELECT *, row_number() OVER w AS rang, coalesce(lead(score) OVER w = score, false) AS meerdere
FROM (SELECT vestigingsnummer, vbo, round(max(score), 2) AS score,
             arg_max(regel, score) AS regel,
             arg_max(nummeraanduiding_id, score) AS nummeraanduiding_id
      FROM kandidaat GROUP BY vestigingsnummer, vbo)
WINDOW w AS (PARTITION BY vestigingsnummer ORDER BY score DESC, vbo);

-- The decision, in one place: the best object when it beats all others; a tie is 'meerdere
-- kandidaten' and chooses nothing (the analyst sees the candidates).
CREATE OR REPLACE TEMP VIEW kvk_match AS
SELECT vestigingsnummer, regel, meerdere,
       CASE WHEN NOT meerdere THEN vbo END AS vbo,
       CASE WHEN meerdere THEN 'geen' WHEN regel IN ('bag_id', 'coordinaten') THEN regel
            ELSE 'adres' END AS methode,
       CASE WHEN meerdere THEN 0.0 ELSE score END AS score,
       CASE WHEN meerdere THEN 'meerdere kandidaten' WHEN koppeling_zeker(score) THEN 'zeker'
            ELSE 'onzeker' END AS status,
       -- several objects at one postcode + huisnummer are one building: its place is known
       CASE WHEN NOT meerdere OR (NOT regel LIKE 'straat%' AND regel <> 'coordinaten')
            THEN nummeraanduiding_id END AS plek
FROM kandidaat_object WHERE rang = 1;

INSERT INTO koppel_kandidaat BY NAME
SELECT c.vestigingsnummer, c.vbo AS verblijfsobject_id, c.nummeraanduiding_id, a.adres,
       c.score, c.regel, c.rang, c.rang = 1 AND NOT c.meerdere AS gekozen
FROM kandidaat_object c
LEFT JOIN bag_adres a USING (nummeraanduiding_id)
WHERE c.rang <= 10;

INSERT INTO vestiging BY NAME
SELECT u.* EXCLUDE (rd_x, rd_y, rij, voorrang, sbi_ruw),
       m.vbo AS verblijfsobject_id,
       -- what kind of object that is: its BAG id says so (positions 5-6: 01, 02, 03)
       CASE substr(m.vbo, 5, 2) WHEN '01' THEN 'verblijfsobject' WHEN '02' THEN 'ligplaats'
                                WHEN '03' THEN 'standplaats' END AS object_soort,
       coalesce(m.methode, 'geen') AS match_methode,
       coalesce(m.score, 0.0) AS match_score,
       coalesce(m.status, 'geen') AS match_status,
       coalesce(b.geom,
                CASE WHEN u.rd_x IS NOT NULL AND NOT coalesce(u.adres_afgeschermd, false)
                     THEN ST_Point(u.rd_x, u.rd_y) END) AS geom
FROM kvk_uniek u
LEFT JOIN kvk_match m USING (vestigingsnummer)
LEFT JOIN bag_adres b ON b.nummeraanduiding_id = m.plek;

-- What the build noticed: a BAG id this BAG does not know (the address was tried instead), and
-- every match that is not certain.
INSERT INTO waarschuwing BY NAME
SELECT k.bron, 'bag_id_onbekend' AS soort, k.vestigingsnummer AS sleutel, k.rij, 'bag_id' AS veld,
       k.bag_id_geleverd AS waarde,
       'Dit BAG-id komt niet voor in de geladen BAG; ' || CASE
           WHEN m.vbo IS NULL THEN 'de vestiging is niet op een BAG-object gekoppeld.'
           ELSE 'gekoppeld ' || koppel_regel_tekst(m.regel) || ' (score '
                || replace(printf('%.2f', m.score), '.', ',') || ').' END AS toelichting
FROM kvk_adres k LEFT JOIN kvk_match m USING (vestigingsnummer)
WHERE nullif(trim(k.bag_id_geleverd), '') IS NOT NULL AND coalesce(m.regel, '') <> 'bag_id';

INSERT INTO waarschuwing BY NAME
SELECT k.bron, CASE WHEN m.meerdere THEN 'meerdere_kandidaten' ELSE 'koppeling_onzeker' END
           AS soort,
       k.vestigingsnummer AS sleutel, k.rij,
       CASE WHEN m.regel = 'coordinaten' THEN 'coordinaten' ELSE 'adres' END AS veld,
       k.geleverd AS waarde,
       CASE WHEN m.meerdere
            THEN 'Meerdere BAG-objecten passen even goed (' || koppel_regel_tekst(m.regel)
                 || '); er is niet gekozen. Bekijk de kandidaten.'
            ELSE 'Onzeker gekoppeld ' || koppel_regel_tekst(m.regel) || ' (score '
                 || replace(printf('%.2f', m.score), '.', ',') || '). Bekijk de kandidaten.'
       END AS toelichting
FROM kvk_match m JOIN kvk_adres k USING (vestigingsnummer)
WHERE m.status <> 'zeker';

