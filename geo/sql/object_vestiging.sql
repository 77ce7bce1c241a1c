SELECT v.* EXCLUDE (geom), b.pand_identificatie,
       (v.datum_einde IS NULL OR v.datum_einde > CAST($peildatum AS DATE)) AS actief,
       ST_X(to_wgs84(v.geom)) AS lon, ST_Y(to_wgs84(v.geom)) AS lat
FROM vestiging v LEFT JOIN verblijfsobject b ON b.identificatie = v.verblijfsobject_id
WHERE v.vestigingsnummer = $vestiging
