-- One ligplaats or standplaats: status, hoofdadres, its plot and centre in lon/lat, and the buurt
-- and wijk its point lies in.
WITH p AS (
    SELECT 'ligplaats' AS soort, * FROM ligplaats WHERE identificatie = $plaats
    UNION ALL
    SELECT 'standplaats', * FROM standplaats WHERE identificatie = $plaats
)
SELECT p.soort, p.identificatie, p.status, p.nummeraanduiding_id,
       concat(p.openbare_ruimte, ' ', p.huisnummer, coalesce(p.huisletter, ''),
              coalesce('-' || p.toevoeging, '')) AS adres, p.postcode, p.woonplaats,
       round(ST_Area(p.geom)) AS oppervlakte_m2,
       ST_X(to_wgs84(p.punt)) AS lon, ST_Y(to_wgs84(p.punt)) AS lat,
       ST_AsGeoJSON(to_wgs84(p.geom)) AS geojson,
       b.code AS buurtcode, b.naam AS buurtnaam, w.naam AS wijknaam
FROM p
LEFT JOIN gebied b ON b.soort = 'buurt' AND ST_Contains(b.geom, p.punt)
LEFT JOIN gebied w ON w.soort = 'wijk' AND ST_Contains(w.geom, p.punt)
