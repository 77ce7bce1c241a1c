-- Every identifier a case link may carry that lies at, or contains, the asked places and companies.
-- $verblijfsobjecten: the addresses asked about (a pand question gives all addresses in it);
-- $vestigingen: the companies asked about. An address brings its pand, nummeraanduiding, the
-- vestigingen registered there and their ondernemingen; a company brings its onderneming and the
-- address and pand where it is located. Vestigingen that were not matched to BAG count by address.
WITH adres AS (
    SELECT identificatie, pand_identificatie, nummeraanduiding_id,
           postcode, huisnummer, upper(coalesce(huisletter, '') || coalesce(toevoeging, '')) AS suffix
    FROM verblijfsobject
    WHERE list_contains($verblijfsobjecten::VARCHAR[], identificatie)
), op_adres AS (
    SELECT v.vestigingsnummer, v.kvk_nummer
    FROM vestiging v
    WHERE list_contains($verblijfsobjecten::VARCHAR[], v.verblijfsobject_id)
       OR v.bag_id IN (SELECT identificatie FROM adres UNION ALL SELECT nummeraanduiding_id FROM adres)
       OR (v.verblijfsobject_id IS NULL AND EXISTS (
              SELECT 1 FROM adres a
              WHERE upper(replace(v.postcode, ' ', '')) = a.postcode
                AND try_cast(v.huisnummer AS INTEGER) = a.huisnummer
                AND upper(coalesce(v.huisletter, '') || coalesce(v.toevoeging, '')) = a.suffix))
), bedrijf AS (
    SELECT vestigingsnummer, kvk_nummer, verblijfsobject_id
    FROM vestiging
    WHERE list_contains($vestigingen::VARCHAR[], vestigingsnummer)
), adres_van_bedrijf AS (
    SELECT identificatie, pand_identificatie, nummeraanduiding_id
    FROM verblijfsobject
    WHERE identificatie IN (SELECT verblijfsobject_id FROM bedrijf)
), alles AS (
    SELECT unnest([identificatie, pand_identificatie, nummeraanduiding_id]) AS id FROM adres
    UNION ALL SELECT unnest([vestigingsnummer, kvk_nummer]) FROM op_adres
    UNION ALL SELECT unnest([vestigingsnummer, kvk_nummer]) FROM bedrijf
    UNION ALL SELECT unnest([identificatie, pand_identificatie, nummeraanduiding_id]) FROM adres_van_bedrijf
)
SELECT DISTINCT id FROM alles WHERE id IS NOT NULL ORDER BY id
