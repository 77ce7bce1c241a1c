-- Addresses in area $gebied with vestigingen active on $peildatum: one point each, with the
-- names on it. Stands alone (no temp tables).
SELECT b.identificatie AS id,
       concat_ws(', ', concat(b.openbare_ruimte, ' ', b.huisnummer, coalesce(b.huisletter, ''),
                              coalesce('-' || b.toevoeging, '')), b.postcode) AS adres,
       list(v.naam ORDER BY v.naam) AS namen,
       ST_X(to_wgs84(b.geom)) AS lon, ST_Y(to_wgs84(b.geom)) AS lat
FROM gebied_lid l
JOIN verblijfsobject b ON b.identificatie = l.verblijfsobject_id
JOIN vestiging v ON v.verblijfsobject_id = b.identificatie
WHERE l.gebied_id = $gebied AND is_actief(v.datum_aanvang, v.datum_einde, $peildatum)
GROUP BY ALL
ORDER BY adres
