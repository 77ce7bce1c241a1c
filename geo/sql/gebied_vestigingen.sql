-- The vestigingen of the selection inside the drawn shape ($vorm: GeoJSON in lon/lat), for the
-- list and the download. Continues the WITH list of kaart_selectie.sql.
, vorm AS (SELECT to_rd(ST_GeomFromGeoJSON($vorm)) AS g)
SELECT v.vestigingsnummer, v.kvk_nummer, v.naam, v.sbi_hoofd, v.sbi_omschrijving,
       concat(v.straat, ' ', v.huisnummer, coalesce(v.huisletter, ''),
              coalesce('-' || v.toevoeging, '')) AS adres,
       v.datum_aanvang, v.datum_einde, v.verblijfsobject_id, s.groep
FROM selectie s JOIN vestiging v USING (vestigingsnummer), vorm
WHERE s.geom IS NOT NULL AND ST_Contains(vorm.g, s.geom)
ORDER BY v.naam, v.vestigingsnummer
