-- Ligplaatsen and standplaatsen inside an RD box with their hoofdadres, at most $limiet (the
-- caller asks one more than it will draw). House boats and pitches have no pand: without this
-- layer their addresses would be invisible on the map.
WITH plaats AS (
    SELECT 'ligplaats' AS soort, * FROM ligplaats
    UNION ALL
    SELECT 'standplaats', * FROM standplaats
), binnen AS (
    SELECT *
    FROM plaats
    WHERE geom IS NOT NULL
      AND ST_Intersects_Extent(geom, ST_MakeEnvelope($xmin, $ymin, $xmax, $ymax))
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
