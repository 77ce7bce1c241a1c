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
    -- Every SBI column: the main activity, the combined list (main first), both
    -- nevenactiviteiten, and a code at the start of a description as the last resort for the
    -- main activity. loaders/sbi_versie.sql decides what they are.
    [{veld: 'KVK_SBI_code_hoofdactiviteit', waarde: "KVK_SBI_code_hoofdactiviteit",
      omschrijving: nullif(trim("KVK_SBI_omschrijving_hoofdact"), ''), hoofd_rang: 1}]
    || list_transform(regexp_split_to_array(coalesce(trim("KVK_SBI_code"), ''), '\s*[,;|]\s*'),
                      (c, i) -> {veld: 'KVK_SBI_code', waarde: c, omschrijving: NULL,
                                 hoofd_rang: CASE WHEN i = 1 THEN 2 END})
    || [{veld: 'KVK_SBI_code_nevenactiviteit1', waarde: "KVK_SBI_code_nevenactiviteit1",
         omschrijving: nullif(trim("KVK_SBI_omschrijving_nevenactiviteit1"), ''),
         hoofd_rang: NULL},
        {veld: 'KVK_SBI_code_nevenactiviteit2', waarde: "KVK_SBI_code_nevenactiviteit2",
         omschrijving: nullif(trim("KVK_SBI_omschrijving_nevenactiviteit2"), ''),
         hoofd_rang: NULL},
        {veld: 'KVK_SBI_omschrijving_hoofdact',
         waarde: nullif(regexp_extract(trim("KVK_SBI_omschrijving_hoofdact"), '^(\d{4,5})\s*[-:]?\s+\pL', 1), ''),
         omschrijving: NULL, hoofd_rang: 3},
        {veld: 'KVK_Bedrijfsactiviteit',
         waarde: nullif(regexp_extract(trim("KVK_Bedrijfsactiviteit"), '^(\d{4,5})\s*[-:]?\s+\pL', 1), ''),
         omschrijving: NULL, hoofd_rang: 3}] AS sbi_ruw,
    CAST(getvariable('sbi_versie') AS VARCHAR) AS sbi_versie,
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
