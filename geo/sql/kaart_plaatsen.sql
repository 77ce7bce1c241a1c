-- Ligplaatsen and standplaatsen inside an RD box with their hoofdadres, at most $limiet (the
-- caller asks one more than it will draw). House boats and pitches have no pand: without this
-- layer their addresses would be invisible on the map.
-- ST_Intersects with a constant box on each table uses its R-tree (see kaart_panden.sql).
WITH plaats AS (
    SELECT 'ligplaats' AS soort, * FROM ligplaats
    WHERE ST_Intersects(geom, ST_MakeEnvelope($xmin, $ymin, $xmax, $ymax))
    UNION ALL
    SELECT 'standplaats', * FROM standplaats
    WHERE ST_Intersects(geom, ST_MakeEnvelope($xmin, $ymin, $xmax, $ymax))
), binnen AS (
    SELECT *
    FROM plaats
    ORDER BY identificatie
    LIMIT $limiet
)
SELECT soort, identificatie, status,
       concat(openbare_ruimte, ' ', huisnummer, coalesce(huisletter, ''),
              coalesce('-' || toevoeging, '')) AS adres, postcode, woonplaats,
       (SELECT count(*) FROM vestiging v WHERE v.verblijfsobject_id = b.identificatie
          AND is_actief(v.datum_aanvang, v.datum_einde, $peildatum)) AS vestigingen,
       ST_AsGeoJSON(ST_ReducePrecision(to_wgs84(geom), 0.000001)) AS geometrie
FROM binnen b
ORDER BY identificatie;
