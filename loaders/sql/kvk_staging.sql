-- Staging for every KVK source in a build; match.sql turns it into the vestiging table.
CREATE OR REPLACE TEMP TABLE kvk_invoer (
    vestigingsnummer VARCHAR, kvk_nummer VARCHAR, naam VARCHAR, handelsnamen VARCHAR[],
    rechtsvorm VARCHAR, is_hoofdvestiging BOOLEAN, datum_aanvang DATE, datum_einde DATE,
    werkzame_personen INTEGER, sbi_codes VARCHAR[], sbi_hoofd VARCHAR, sbi_versie VARCHAR,
    sbi_omschrijving VARCHAR,
    -- the SBI codes exactly as delivered, each with its field; loaders/sbi_versie.py decides the
    -- version per code from the official lists, fills sbi_codes/sbi_hoofd/sbi_versie/
    -- sbi_onbekend from it and empties this. hoofd_rang: 1 the main-activity field, 2 the first
    -- of a combined list, 3 a code read from a description; NULL a nevenactiviteit.
    sbi_ruw STRUCT(veld VARCHAR, waarde VARCHAR, omschrijving VARCHAR, hoofd_rang INTEGER)[],
    sbi_onbekend VARCHAR[],
    activiteit VARCHAR, adres_afgeschermd BOOLEAN, straat VARCHAR, huisnummer VARCHAR,
    huisletter VARCHAR, toevoeging VARCHAR, postcode VARCHAR, plaats VARCHAR, bag_id VARCHAR,
    rd_x DOUBLE, rd_y DOUBLE,
    bron VARCHAR, rij INTEGER, voorrang INTEGER  -- lower voorrang wins for a duplicate vestiging
);

-- KVK dates: DD-MM-YYYY (exports), YYYY-MM-DD, or YYYYMMDD (API) where day or month may be 00
-- (unknown, read as the first). A known day with an unknown month is not a date.
CREATE OR REPLACE TEMP MACRO kvk_datum(s) AS CASE
    WHEN nullif(trim(s), '') IS NULL THEN NULL
    WHEN regexp_full_match(trim(s), '\d{4}0000|\d{4}(0[1-9]|1[0-2])\d{2}') THEN try_strptime(
        substr(trim(s), 1, 4) || '-' || replace(substr(trim(s), 5, 2), '00', '01') || '-'
        || CASE WHEN substr(trim(s), 7, 2) = '00' THEN '01' ELSE substr(trim(s), 7, 2) END,
        '%Y-%m-%d')::DATE
    ELSE coalesce(try_strptime(trim(s), '%d-%m-%Y'), try_strptime(trim(s), '%Y-%m-%d'),
                  try_strptime(trim(s), '%d/%m/%Y'))::DATE
END;

CREATE OR REPLACE TEMP MACRO kvk_ja(s) AS lower(trim(s)) IN ('ja', 'j', 'y', 'yes', '1', 'true');
