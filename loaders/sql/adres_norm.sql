-- Address normalisation: the one place that decides when two ways of writing an address agree.
-- Postcode: four digits and two letters, upper case, spaces/hyphens dropped; anything else is no
-- postcode. Suffix: huisletter + toevoeging (+ anything after the huisnummer) as letters and
-- digits only, so '12 A', '12a', 'A' + '' and '' + '-A' all agree.
CREATE OR REPLACE TEMP MACRO norm_postcode(p) AS
    CASE WHEN regexp_full_match(upper(regexp_replace(coalesce(p, ''), '[^0-9A-Za-z]', '', 'g')),
                                '[1-9][0-9]{3}[A-Z]{2}')
         THEN upper(regexp_replace(p, '[^0-9A-Za-z]', '', 'g')) END;
CREATE OR REPLACE TEMP MACRO norm_suffix(s) AS
    upper(regexp_replace(coalesce(s, ''), '[^0-9A-Za-z]', '', 'g'));

-- The suffix as words a person would agree on, for a second, lower-scored comparison: floor words
-- and ordinals dropped ('2e etage', '1 hoog' -> 2, 1), Roman floors read (I..IV), ground-floor
-- words as H (hs, huis, bg, beg, parterre), links/rechts as L/R, zeros in front of a number
-- dropped ('04' -> 4), and the parts sorted so letter and toevoeging may come in any order.
-- Both sides go through it, so a BAG 'BG' and a KVK 'hs' agree as well.
CREATE OR REPLACE TEMP MACRO sfx_delen(s) AS list_filter(list_transform(
    regexp_extract_all(replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
        ' ' || upper(strip_accents(coalesce(s, ''))) || ' ',
        '[^0-9A-Z]+', ' ', 'g'), '([0-9])([A-Z])', '\1 \2', 'g'), '([A-Z])([0-9])', '\1 \2', 'g'),
        '([0-9]) (STE|DE|E) ', '\1 ', 'g'), ' B G ', ' BG '),
        '[0-9]+|[A-Z]+'),
    d -> CASE
        WHEN regexp_full_match(d, '[0-9]+') THEN coalesce(nullif(ltrim(d, '0'), ''), '0')
        WHEN d IN ('H', 'HS', 'HUIS', 'BG', 'BEG', 'BGG', 'BEGANE', 'PARTERRE', 'PART') THEN 'H'
        WHEN d IN ('GROND', 'HOOG', 'HG', 'ETAGE', 'ET', 'VERDIEPING', 'VERD', 'VERDIEP', 'VERDP')
            THEN ''
        WHEN d = 'I' THEN '1' WHEN d = 'II' THEN '2' WHEN d = 'III' THEN '3' WHEN d = 'IV' THEN '4'
        WHEN d = 'LINKS' THEN 'L' WHEN d = 'RECHTS' THEN 'R'
        ELSE d END),
    d -> d <> '');
CREATE OR REPLACE TEMP MACRO sfx_sleutel(s) AS array_to_string(list_sort(sfx_delen(s)), '-');

-- Street: written-out diacritics agree with the real ones (Röntgen/Roentgen), the usual title
-- abbreviations are read in full (Burg., Dr., Prof., Mr., St.), and '-str.' is '-straat'.
CREATE OR REPLACE TEMP MACRO norm_straat(s) AS nullif(replace(
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
    regexp_replace(regexp_replace(regexp_replace(
        strip_accents(replace(replace(replace(lower(coalesce(s, '')), 'ö', 'oe'), 'ü', 'ue'),
                              'ä', 'ae')),
        '[^a-z0-9]+', ' ', 'g'),
        '\bburg\b', 'burgemeester', 'g'), '\bdr\b', 'doctor', 'g'),
        '\bprof\b', 'professor', 'g'), '\bmr\b', 'meester', 'g'), '\bst\b', 'sint', 'g'),
        '\bjhr\b', 'jonkheer', 'g'), '\bgen\b', 'generaal', 'g'),
        '([a-z])str\b', '\1straat', 'g'),
    ' ', ''), '');
CREATE OR REPLACE TEMP MACRO huisnummer_getal(h) AS
    try_cast(regexp_extract(coalesce(h, ''), '^\s*(\d+)', 1) AS INTEGER);
CREATE OR REPLACE TEMP MACRO huisnummer_rest(h) AS
    regexp_extract(coalesce(h, ''), '^\s*\d+(.*)$', 1);

-- How well a BAG address at the right number fits the suffix KVK wrote; `n` is the number of
-- objects at that number. Only the same suffix (1.0), or the same suffix written otherwise
-- (0.95), or a ground-floor word on a number with one plain address (0.9) is certain. Any suffix
-- BAG does not know there scores below 0.9: it may be a unit BAG lacks or a typo.
-- A key of only 'H' is a ground-floor word ('hs', 'huis', 'bg'): on a number with one plain
-- address that is the house itself, not an unknown unit.
CREATE OR REPLACE TEMP MACRO suffix_score(k_sfx, k_skey, b_sfx, b_skey, n) AS CASE
    WHEN k_sfx = b_sfx THEN 1.0
    WHEN k_skey <> '' AND k_skey = b_skey THEN 0.95
    WHEN n = 1 AND b_sfx = '' AND k_skey = 'H' THEN 0.9
    WHEN n = 1 THEN 0.8
    WHEN b_sfx = '' AND k_sfx <> '' THEN 0.6
    ELSE 0.4 END;
CREATE OR REPLACE TEMP MACRO suffix_regel(k_sfx, k_skey, b_sfx, b_skey, n) AS CASE
    WHEN k_sfx = b_sfx THEN 'adres'
    WHEN k_skey <> '' AND k_skey = b_skey THEN 'toevoeging_anders_geschreven'
    WHEN n = 1 AND b_sfx = '' AND k_skey = 'H' THEN 'huis_op_enig_adres'
    WHEN n = 1 THEN 'toevoeging_wijkt_af'
    WHEN b_sfx = '' AND k_sfx <> '' THEN 'toevoeging_onbekend'
    ELSE 'nummer_zonder_toevoeging' END;

-- Every current address in BAG, normalised once: the hoofdadres of each verblijfsobject,
-- ligplaats and standplaats, and every nevenadres (pointing to its object). `vbo` is the id of
-- the addressed object, whatever its kind (object_soort); adres_soort says hoofd or neven;
-- `adres` is how a person reads it. Street names are normalised once per distinct name (the
-- regexes are the costly part at national size).
CREATE OR REPLACE TEMP TABLE bag_adres AS
WITH object AS (
    SELECT 'verblijfsobject' AS object_soort, identificatie, nummeraanduiding_id, postcode,
           huisnummer, huisletter, toevoeging, openbare_ruimte, woonplaats, geom
    FROM verblijfsobject
    UNION ALL
    SELECT 'ligplaats', identificatie, nummeraanduiding_id, postcode, huisnummer, huisletter,
           toevoeging, openbare_ruimte, woonplaats, punt FROM ligplaats
    UNION ALL
    SELECT 'standplaats', identificatie, nummeraanduiding_id, postcode, huisnummer, huisletter,
           toevoeging, openbare_ruimte, woonplaats, punt FROM standplaats
), adres AS (
    SELECT object_soort, 'hoofd' AS adres_soort, * EXCLUDE (object_soort) FROM object
    UNION ALL
    SELECT n.object_soort, 'neven', n.adresseerbaar_id, n.nummeraanduiding_id, n.postcode,
           n.huisnummer, n.huisletter, n.toevoeging, n.openbare_ruimte, n.woonplaats, o.geom
    FROM nevenadres n JOIN object o ON o.identificatie = n.adresseerbaar_id
), straat AS (
    SELECT openbare_ruimte, norm_straat(openbare_ruimte) AS straat
    FROM (SELECT DISTINCT openbare_ruimte FROM adres)
)
SELECT a.identificatie AS vbo, a.object_soort, a.adres_soort, a.nummeraanduiding_id,
       a.postcode AS pc, a.huisnummer AS nr,
       norm_suffix(coalesce(a.huisletter, '') || coalesce(a.toevoeging, '')) AS sfx,
       s.straat, lower(a.woonplaats) AS plaats,
       concat_ws(' ', a.openbare_ruimte, a.huisnummer::VARCHAR || coalesce(a.huisletter, '')
                 || coalesce('-' || a.toevoeging, ''), a.postcode, a.woonplaats) AS adres, a.geom
FROM adres a LEFT JOIN straat s USING (openbare_ruimte);

-- The suffix key of every suffix in BAG (a few thousand distinct ones), for the matchers (KVK and
-- RDW) to materialise once and join to bag_adres on sfx.
CREATE OR REPLACE TEMP MACRO bag_sfx_sleutels() AS TABLE
    SELECT sfx, sfx_sleutel(sfx) AS skey FROM (SELECT DISTINCT sfx FROM bag_adres);
