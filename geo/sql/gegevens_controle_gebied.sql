-- What a checked area file holds (scratch database, table gebied); the box is in RD metres.
SELECT count(*) AS rijen,
       round(sum(oppervlakte_ha), 1) AS oppervlakte_ha,
       count(*) FILTER (WHERE ST_IsEmpty(geom)) AS leeg,
       count(*) FILTER (WHERE ST_GeometryType(geom)::VARCHAR NOT IN ('POLYGON', 'MULTIPOLYGON')) AS geen_vlak,
       round(min(ST_XMin(geom))) AS xmin, round(min(ST_YMin(geom))) AS ymin,
       round(max(ST_XMax(geom))) AS xmax, round(max(ST_YMax(geom))) AS ymax
FROM gebied;
