-- What a checked KVK file holds (run on the scratch database of an upload check, table kvk_invoer).
SELECT count(*) AS rijen,
       mode(sbi_versie) AS sbi_versie,
       count(*) FILTER (WHERE sbi_versie = '2008') AS sbi_2008,
       count(*) FILTER (WHERE sbi_versie = '2025') AS sbi_2025,
       count(*) FILTER (WHERE len(coalesce(sbi_onbekend, [])) > 0) AS sbi_onbekend,
       list_sort(list_distinct(flatten(list(sbi_onbekend)))) AS sbi_onbekend_codes,
       count(*) FILTER (WHERE bag_id IS NOT NULL) AS met_bag_id,
       count(*) FILTER (WHERE len(sbi_codes) > 0 OR len(sbi_onbekend) > 0) AS met_sbi,
       count(*) FILTER (WHERE postcode IS NULL) AS zonder_postcode,
       count(*) FILTER (WHERE coalesce(adres_afgeschermd, false)) AS afgeschermd,
       count(*) FILTER (WHERE datum_einde IS NOT NULL) AS uitgeschreven,
       count(*) - count(DISTINCT vestigingsnummer) AS dubbel,
       min(datum_aanvang) AS eerste_aanvang,
       max(datum_aanvang) AS laatste_aanvang
FROM kvk_invoer;
