SELECT v.* EXCLUDE (geom), b.pand_identificatie,
       is_actief(v.datum_aanvang, v.datum_einde, $peildatum) AS actief,
       ST_X(to_wgs84(v.geom)) AS lon, ST_Y(to_wgs84(v.geom)) AS lat
FROM vestiging v LEFT JOIN verblijfsobject b ON b.identificatie = v.verblijfsobject_id
WHERE v.vestigingsnummer = $vestiging
