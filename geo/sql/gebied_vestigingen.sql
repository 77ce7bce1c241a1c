WITH vorm AS (SELECT to_rd(ST_GeomFromGeoJSON($vorm)) AS g)
SELECT v.vestigingsnummer, v.kvk_nummer, v.naam, v.sbi_hoofd, v.sbi_omschrijving,
       concat_ws(' ', v.straat, v.huisnummer, v.huisletter, v.toevoeging) AS adres,
       v.datum_aanvang, v.verblijfsobject_id
FROM vestiging v, vorm
WHERE v.geom IS NOT NULL AND ST_Contains(vorm.g, v.geom)
  AND is_actief(v.datum_aanvang, v.datum_einde, $peildatum)
ORDER BY v.naam
