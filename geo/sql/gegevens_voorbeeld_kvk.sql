-- The first rows of a checked KVK file as Zicht reads them (scratch database, table kvk_invoer).
SELECT rij, vestigingsnummer, kvk_nummer, naam,
       concat_ws(' ', straat, huisnummer || coalesce(huisletter, ''), toevoeging) AS adres,
       postcode, plaats, sbi_hoofd, datum_aanvang, datum_einde, bag_id
FROM kvk_invoer
ORDER BY rij
LIMIT $limiet;
