SELECT identificatie, bouwjaar, status, round(oppervlakte) AS footprint_m2,
       ST_X(to_wgs84(ST_Centroid(geom))) AS lon, ST_Y(to_wgs84(ST_Centroid(geom))) AS lat,
       ST_AsGeoJSON(to_wgs84(geom)) AS geojson
FROM pand WHERE identificatie = $pand
