WITH vorm AS (SELECT to_rd(ST_GeomFromGeoJSON($vorm)) AS g)
SELECT
    (SELECT count(*) FROM verblijfsobject v, vorm WHERE ST_Contains(vorm.g, v.geom))
        AS verblijfsobjecten,
    (SELECT count(DISTINCT v.pand_identificatie) FROM verblijfsobject v, vorm
     WHERE ST_Contains(vorm.g, v.geom)) AS panden,
    (SELECT count(*) FROM vestiging v, vorm WHERE v.geom IS NOT NULL
        AND ST_Contains(vorm.g, v.geom)
        AND is_actief(v.datum_aanvang, v.datum_einde, $peildatum)) AS vestigingen,
    (SELECT count(*) FROM rdw_bedrijf r, vorm WHERE r.geom IS NOT NULL
        AND ST_Contains(vorm.g, r.geom)) AS rdw_erkend,
    (SELECT round(ST_Area(g) / 10000, 2) FROM vorm) AS oppervlakte_ha
