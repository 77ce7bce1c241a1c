-- A DOOK-layout KVK selection (staged as kvk_csv_ruw, all text) into kvk_invoer.
INSERT INTO kvk_invoer BY NAME
SELECT
    lpad(trim("KVK_Vestigingsnummer"), 12, '0') AS vestigingsnummer,
    lpad(trim("KVK_Nummer"), 8, '0') AS kvk_nummer,
    trim("KVK_Handelsnaam") AS naam,
    [trim("KVK_Handelsnaam")] AS handelsnamen,
    nullif(trim("KVK_Rechtsvorm"), '') AS rechtsvorm,
    kvk_ja("KVK_Indicatiehoofdvestiging") AS is_hoofdvestiging,
    kvk_datum("KVK_Datum_inschrijving_vestiging") AS datum_aanvang,
    kvk_datum("KVK_Datum_uitschrijving_vestiging") AS datum_einde,
    list_filter(regexp_split_to_array(coalesce("KVK_SBI_code", ''), '[,; ]+'), c -> c <> '')
        AS sbi_codes,
    coalesce(nullif(trim("KVK_SBI_code_hoofdactiviteit"), ''),
             nullif(split_part(trim("KVK_SBI_code"), ',', 1), '')) AS sbi_hoofd,
    getvariable('sbi_versie') AS sbi_versie,
    nullif(trim("KVK_SBI_omschrijving_hoofdact"), '') AS sbi_omschrijving,
    nullif(trim("KVK_Bedrijfsactiviteit"), '') AS activiteit,
    false AS adres_afgeschermd,
    nullif(trim(straat), '') AS straat,
    nullif(trim(huisnummer), '') AS huisnummer,
    nullif(trim(huisletter), '') AS huisletter,
    nullif(trim(huisnummertoevoeging), '') AS toevoeging,
    nullif(trim(postcode), '') AS postcode,
    nullif(trim(gemeentenaam), '') AS plaats,
    nullif(trim("BAG numid"), '') AS bag_id,
    getvariable('bron') AS bron,
    rij,
    2 AS voorrang
FROM kvk_csv_ruw;

INSERT INTO sbi_invoer
SELECT DISTINCT getvariable('sbi_versie'), trim(code), trim(omschrijving)
FROM (
    SELECT "KVK_SBI_code_hoofdactiviteit" AS code, "KVK_SBI_omschrijving_hoofdact" AS omschrijving
    FROM kvk_csv_ruw
    UNION ALL
    SELECT "KVK_SBI_code_nevenactiviteit1", "KVK_SBI_omschrijving_nevenactiviteit1" FROM kvk_csv_ruw
    UNION ALL
    SELECT "KVK_SBI_code_nevenactiviteit2", "KVK_SBI_omschrijving_nevenactiviteit2" FROM kvk_csv_ruw
)
WHERE nullif(trim(code), '') IS NOT NULL AND nullif(trim(omschrijving), '') IS NOT NULL;
