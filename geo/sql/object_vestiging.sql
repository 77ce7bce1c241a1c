-- One vestiging with the pand it is matched to and the buurt and wijk of its location.
SELECT v.* EXCLUDE (geom), vbo.pand_identificatie,
       is_actief(v.datum_aanvang, v.datum_einde, $peildatum) AS actief,
       ST_X(to_wgs84(v.geom)) AS lon, ST_Y(to_wgs84(v.geom)) AS lat,
       b.code AS buurtcode, b.naam AS buurtnaam, w.naam AS wijknaam,
       s.omschrijving AS sbi_hoofd_omschrijving
FROM vestiging v
LEFT JOIN verblijfsobject vbo ON vbo.identificatie = v.verblijfsobject_id
LEFT JOIN gebied b ON b.soort = 'buurt' AND v.geom IS NOT NULL AND ST_Contains(b.geom, v.geom)
LEFT JOIN gebied w ON w.soort = 'wijk' AND v.geom IS NOT NULL AND ST_Contains(w.geom, v.geom)
LEFT JOIN sbi_code s ON s.versie = v.sbi_versie AND s.code = v.sbi_hoofd
WHERE v.vestigingsnummer = $vestiging
