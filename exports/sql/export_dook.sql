-- Vestigingen in the DOOK export layout (FORMATS.md), for the vestigingsnummers in $nummers.
-- BAG fields come from the snapshot's BAG (the matched address), KVK fields as delivered.
-- The outer SELECT only sorts: inside, straat/huisnummer/… are also columns of the joined
-- tables and the names would be ambiguous.
SELECT * FROM (
SELECT
    coalesce(n.nummeraanduiding_id, b.nummeraanduiding_id) AS "BAG numid",
    coalesce(n.openbare_ruimte, b.openbare_ruimte, v.straat) AS straat,
    coalesce(n.huisnummer::VARCHAR, b.huisnummer::VARCHAR, v.huisnummer) AS huisnummer,
    CASE WHEN n.nummeraanduiding_id IS NOT NULL THEN n.huisletter
         ELSE coalesce(b.huisletter, v.huisletter) END AS huisletter,
    CASE WHEN n.nummeraanduiding_id IS NOT NULL THEN n.toevoeging
         ELSE coalesce(b.toevoeging, v.toevoeging) END AS huisnummertoevoeging,
    coalesce(n.postcode, b.postcode, v.postcode) AS postcode,
    getvariable('gemeentenaam') AS gemeentenaam,
    array_to_string(b.gebruiksdoelen, ',') AS gebruiksdoelen,
    b.oppervlakte,
    p.bouwjaar AS pand_bouwjaar,
    v.naam AS "KVK_Handelsnaam",
    v.kvk_nummer AS "KVK_Nummer",
    v.activiteit AS "KVK_Bedrijfsactiviteit",
    -- codes in neither official list (sbi_onbekend) are exported too: nothing is lost
    array_to_string(v.sbi_codes || coalesce(v.sbi_onbekend, []), ',') AS "KVK_SBI_code",
    v.sbi_hoofd AS "KVK_SBI_code_hoofdactiviteit",
    v.sbi_omschrijving AS "KVK_SBI_omschrijving_hoofdact",
    list_filter(v.sbi_codes, c -> c <> v.sbi_hoofd)[1] AS "KVK_SBI_code_nevenactiviteit1",
    s1.omschrijving AS "KVK_SBI_omschrijving_nevenactiviteit1",
    list_filter(v.sbi_codes, c -> c <> v.sbi_hoofd)[2] AS "KVK_SBI_code_nevenactiviteit2",
    s2.omschrijving AS "KVK_SBI_omschrijving_nevenactiviteit2",
    v.rechtsvorm AS "KVK_Rechtsvorm",
    NULL::DATE AS "KVK_Datum_inschrijving_onderneming",
    NULL::DATE AS "KVK_Datum_uitschrijving_onderneming",
    v.vestigingsnummer AS "KVK_Vestigingsnummer",
    v.datum_aanvang AS "KVK_Datum_inschrijving_vestiging",
    v.datum_einde AS "KVK_Datum_uitschrijving_vestiging",
    CASE WHEN v.is_hoofdvestiging THEN 'Ja' ELSE 'Nee' END AS "KVK_Indicatiehoofdvestiging",
    -- after DOOK's own columns (sheets that read those by position keep working): how certain
    -- the BAG fields above are, and what else the match considered when it is not certain
    v.match_status AS "Zicht_koppeling",
    round(v.match_score, 2) AS "Zicht_koppelscore",
    CASE WHEN v.match_status <> 'zeker' THEN kk.kandidaten END AS "Zicht_kandidaten"
FROM vestiging v
LEFT JOIN (SELECT vestigingsnummer,
                  string_agg(kandidaat_tekst(adres, score), '; ' ORDER BY rang) AS kandidaten
           FROM koppel_kandidaat GROUP BY vestigingsnummer) kk
       ON kk.vestigingsnummer = v.vestigingsnummer
-- the matched object: a verblijfsobject, or a ligplaats/standplaats (no pand, no gebruiksdoel)
LEFT JOIN (SELECT identificatie, nummeraanduiding_id, openbare_ruimte, huisnummer, huisletter,
                  toevoeging, postcode, gebruiksdoelen, oppervlakte, pand_identificatie
           FROM verblijfsobject
           UNION ALL
           SELECT identificatie, nummeraanduiding_id, openbare_ruimte, huisnummer, huisletter,
                  toevoeging, postcode, NULL, NULL, NULL
           FROM (SELECT * FROM ligplaats UNION ALL SELECT * FROM standplaats)) b
       ON b.identificatie = v.verblijfsobject_id
-- the nevenadres of that object the vestiging is registered on (by BAG id or postcode and
-- huisnummer): its own address, not the object's hoofdadres
LEFT JOIN nevenadres n ON n.adresseerbaar_id = v.verblijfsobject_id
     AND (n.nummeraanduiding_id = v.bag_id
          OR (n.postcode = upper(replace(v.postcode, ' ', ''))
              AND n.huisnummer = try_cast(regexp_extract(v.huisnummer, '^\s*(\d+)', 1) AS INTEGER)))
LEFT JOIN pand p ON p.identificatie = b.pand_identificatie
LEFT JOIN sbi_code s1 ON s1.versie = v.sbi_versie
     AND s1.code = list_filter(v.sbi_codes, c -> c <> v.sbi_hoofd)[1]
LEFT JOIN sbi_code s2 ON s2.versie = v.sbi_versie
     AND s2.code = list_filter(v.sbi_codes, c -> c <> v.sbi_hoofd)[2]
WHERE v.vestigingsnummer IN (SELECT unnest($nummers))
QUALIFY row_number() OVER (PARTITION BY v.vestigingsnummer
                           ORDER BY n.nummeraanduiding_id = v.bag_id DESC NULLS LAST,
                                    n.nummeraanduiding_id) = 1
)
ORDER BY straat, try_cast(huisnummer AS INTEGER), huisletter, huisnummertoevoeging,
         "KVK_Handelsnaam"
