-- The SBI version of every record of one source (getvariable('sbi_bron')), decided per code
-- from the official lists (sbi_lijst, geo/sbi_lijst.py), never from a registration date:
--   1. a code is cleaned ("96022.0" from Excel, "96.02.2", "96022 Schoonheid…" → digits) and
--      looked up as delivered, else with the leading zero restored ("1241" → 01241), else
--      without a leading zero an export added ("096022" → 96022);
--   2. a record whose known codes exist only in SBI 2008 is SBI 2008, only in SBI 2025 is SBI
--      2025; codes of both exclusive kinds: the main activity's version, else the majority;
--   3. a record whose codes all exist in both versions takes the version given at loading
--      (getvariable('sbi_hint')), else the version most records of this source have by their
--      own codes, else SBI 2025 (KVK's register since September 2025);
--   4. codes in neither list (or only in the other version) go to sbi_onbekend, never lost.
-- What was decided and noticed goes into waarschuwing, one row per record and code.

CREATE OR REPLACE TEMP MACRO sbi_schoon(s) AS
    replace(regexp_replace(regexp_extract(trim(s), '^[0-9][0-9. ]*'), '\.0+\s*$', ''), '.', '');

CREATE OR REPLACE TEMP TABLE sbi_ruw_code AS
WITH uitgepakt AS (
    SELECT i.rowid AS id, i.vestigingsnummer, i.rij, unnest(i.sbi_ruw) AS r,
           unnest(range(len(i.sbi_ruw))) AS volgorde
    FROM kvk_invoer i
    WHERE i.bron = getvariable('sbi_bron') AND i.sbi_ruw IS NOT NULL
), gevuld AS (
    SELECT id, vestigingsnummer, rij, volgorde, r.veld, trim(r.waarde) AS waarde,
           r.omschrijving, r.hoofd_rang, replace(sbi_schoon(r.waarde), ' ', '') AS schoon
    FROM uitgepakt
    WHERE nullif(trim(r.waarde), '') IS NOT NULL
)
-- A code read from a description is only a last resort for an empty main-activity field.
SELECT * EXCLUDE (heeft_hoofd) FROM (
    SELECT *, bool_or(hoofd_rang IN (1, 2)) OVER (PARTITION BY id) AS heeft_hoofd FROM gevuld)
WHERE coalesce(hoofd_rang, 0) < 3 OR NOT coalesce(heeft_hoofd, false);

-- Every form a delivered code can take, per list code: as is (1), without the leading zero a
-- spreadsheet strips (2: "1241" is 01241), with a leading zero an export added (3: "096022").
CREATE OR REPLACE TEMP TABLE sbi_vorm AS
SELECT code AS vorm, 1 AS wijze, versie, code, omschrijving, betekenis
FROM sbi_lijst WHERE regexp_full_match(code, '\d+')
UNION ALL
SELECT substr(code, 2), 2, versie, code, omschrijving, betekenis
FROM sbi_lijst WHERE regexp_full_match(code, '0\d+')
UNION ALL
SELECT '0' || code, 3, versie, code, omschrijving, betekenis
FROM sbi_lijst WHERE regexp_full_match(code, '[1-9]\d{4}');

CREATE OR REPLACE TEMP TABLE sbi_gevonden AS
WITH treffer AS (
    SELECT c.id, c.volgorde, v.*
    FROM sbi_ruw_code c JOIN sbi_vorm v ON v.vorm = c.schoon
    QUALIFY v.wijze = min(v.wijze) OVER (PARTITION BY c.id, c.volgorde)
), per_code AS (
    SELECT id, volgorde, any_value(code) AS code, list(versie ORDER BY versie) AS versies,
           any_value(omschrijving) FILTER (WHERE versie = '2008') AS omschrijving_2008,
           any_value(omschrijving) FILTER (WHERE versie = '2025') AS omschrijving_2025,
           any_value(betekenis) AS betekenis
    FROM treffer GROUP BY id, volgorde
)
SELECT c.*, p.code, coalesce(p.versies, []) AS versies, p.omschrijving_2008,
       p.omschrijving_2025, p.betekenis
FROM sbi_ruw_code c LEFT JOIN per_code p USING (id, volgorde);

CREATE OR REPLACE TEMP TABLE sbi_record AS
WITH telling AS (
    SELECT id,
           count(*) FILTER (WHERE versies = ['2008']) AS n08,
           count(*) FILTER (WHERE versies = ['2025']) AS n25,
           arg_min(versies, [coalesce(hoofd_rang, 9), volgorde]) AS hoofd_versies
    FROM sbi_gevonden GROUP BY id
), eigen AS (
    SELECT id, n08, n25,
           CASE WHEN n08 > 0 AND n25 = 0 THEN '2008'
                WHEN n25 > 0 AND n08 = 0 THEN '2025'
                WHEN n08 > 0 AND hoofd_versies = ['2008'] THEN '2008'
                WHEN n25 > 0 AND hoofd_versies = ['2025'] THEN '2025'
                WHEN n08 > n25 THEN '2008'
                WHEN n08 + n25 > 0 THEN '2025' END AS versie
    FROM telling
), bestand AS (
    SELECT count(*) FILTER (WHERE versie = '2008') AS r08,
           count(*) FILTER (WHERE versie = '2025') AS r25
    FROM eigen
)
SELECT i.rowid AS id, i.vestigingsnummer, i.rij,
       coalesce(e.versie, CAST(getvariable('sbi_hint') AS VARCHAR),
                CASE WHEN b.r08 > b.r25 THEN '2008' ELSE '2025' END) AS versie,
       CASE WHEN e.versie IS NULL THEN 'bestand' WHEN e.n08 > 0 AND e.n25 > 0 THEN 'gemengd'
            ELSE 'eigen' END AS grond,
       b.r08, b.r25
FROM kvk_invoer i LEFT JOIN eigen e ON e.id = i.rowid, bestand b
WHERE i.bron = getvariable('sbi_bron') AND i.sbi_ruw IS NOT NULL;

-- Per code: known in the record's version or not; the main activity is the code with the best
-- hoofd_rang (then the first delivered), and only when it is known.
CREATE OR REPLACE TEMP TABLE sbi_beoordeeld AS
SELECT g.*, r.versie AS record_versie, r.grond, r.r08, r.r25,
       list_contains(g.versies, r.versie) AS bekend,
       row_number() OVER (PARTITION BY g.id ORDER BY coalesce(g.hoofd_rang, 9), g.volgorde) = 1
           AS is_hoofd
FROM sbi_gevonden g JOIN sbi_record r USING (id);

CREATE OR REPLACE TEMP TABLE sbi_besluit AS
WITH code AS (
    SELECT id, code, min([coalesce(hoofd_rang, 9), volgorde]) AS plaats
    FROM sbi_beoordeeld WHERE bekend GROUP BY ALL
), codes AS (
    SELECT id, list(code ORDER BY plaats) AS codes FROM code GROUP BY id
), hoofd AS (
    SELECT id, code FROM sbi_beoordeeld WHERE is_hoofd AND bekend
), onbekend AS (
    SELECT id, list(DISTINCT coalesce(nullif(schoon, ''), waarde)) AS codes
    FROM sbi_beoordeeld WHERE NOT bekend GROUP BY id
)
SELECT r.id, r.versie, coalesce(c.codes, []) AS sbi_codes, h.code AS sbi_hoofd,
       coalesce(o.codes, []) AS sbi_onbekend
FROM sbi_record r
LEFT JOIN codes c USING (id) LEFT JOIN hoofd h USING (id) LEFT JOIN onbekend o USING (id);

INSERT INTO waarschuwing
SELECT getvariable('sbi_bron'), soort, vestigingsnummer, rij, veld, waarde, toelichting FROM (
    SELECT 'sbi_onbekend' AS soort, vestigingsnummer, rij, veld, waarde,
           'SBI-code ‘' || waarde || '’ staat niet in de officiële lijst van SBI 2008 en niet in'
           || ' die van SBI 2025; de vestiging blijft zichtbaar als ‘SBI onbekend’' AS toelichting
    FROM sbi_beoordeeld
    WHERE len(versies) = 0
    QUALIFY row_number() OVER (PARTITION BY id, schoon ORDER BY coalesce(hoofd_rang, 9), volgorde) = 1
    UNION ALL
    SELECT 'sbi_andere_versie', vestigingsnummer, rij, veld, waarde,
           'SBI-code ‘' || waarde || '’ bestaat alleen in SBI ' || versies[1]
           || ', de andere codes van deze vestiging zijn SBI ' || record_versie
           || '; getoond als ‘SBI onbekend’'
    FROM sbi_beoordeeld
    WHERE len(versies) = 1 AND NOT bekend
    QUALIFY row_number() OVER (PARTITION BY id, code ORDER BY coalesce(hoofd_rang, 9), volgorde) = 1
    UNION ALL
    SELECT 'sbi_dubbelzinnig', vestigingsnummer, rij, veld, waarde,
           'SBI-code ' || code || ' bestaat in SBI 2008 (‘' || omschrijving_2008
           || '’) en in SBI 2025 (‘' || omschrijving_2025 || '’); gelezen als SBI '
           || record_versie || ' omdat ' || CASE grond
               WHEN 'bestand' THEN CASE WHEN CAST(getvariable('sbi_hint') AS VARCHAR) IS NOT NULL
                   THEN 'bij het laden SBI ' || CAST(getvariable('sbi_hint') AS VARCHAR) || ' is opgegeven'
                   WHEN r08 + r25 = 0 THEN 'geen code van dit bestand de versie aanwijst en KVK'
                        || ' sinds september 2025 SBI 2025 gebruikt'
                   ELSE 'de andere codes van dit bestand dat zeggen (' || r25
                        || ' vestigingen met alleen SBI 2025-codes, ' || r08
                        || ' met alleen SBI 2008-codes)' END
               ELSE 'de andere SBI-codes van deze vestiging alleen in SBI ' || record_versie
                    || ' bestaan' END
    FROM sbi_beoordeeld
    WHERE betekenis = 'anders' AND bekend
    QUALIFY row_number() OVER (PARTITION BY id, code ORDER BY coalesce(hoofd_rang, 9), volgorde) = 1
);

UPDATE kvk_invoer
SET sbi_versie = b.versie, sbi_codes = b.sbi_codes, sbi_hoofd = b.sbi_hoofd,
    sbi_onbekend = b.sbi_onbekend, sbi_ruw = NULL
FROM sbi_besluit b
WHERE kvk_invoer.rowid = b.id;
