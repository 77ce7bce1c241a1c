-- One pand: bouwjaar, status, footprint, its centre and outline in lon/lat, and the buurt and
-- wijk it lies in (by a point on its surface).
WITH p AS (SELECT * FROM pand WHERE identificatie = $pand)
SELECT p.identificatie, p.bouwjaar, p.status, round(p.oppervlakte) AS footprint_m2,
       ST_X(to_wgs84(ST_Centroid(p.geom))) AS lon, ST_Y(to_wgs84(ST_Centroid(p.geom))) AS lat,
       ST_AsGeoJSON(to_wgs84(p.geom)) AS geojson,
       b.code AS buurtcode, b.naam AS buurtnaam, w.naam AS wijknaam
FROM p
LEFT JOIN gebied b ON b.soort = 'buurt' AND ST_Contains(b.geom, ST_PointOnSurface(p.geom))
LEFT JOIN gebied w ON w.soort = 'wijk' AND ST_Contains(w.geom, ST_PointOnSurface(p.geom))
