-- All vestigingen of one company (KVK-nummer), to highlight them together on the map.
SELECT vestigingsnummer, naam, is_hoofdvestiging, datum_aanvang, datum_einde,
       concat(straat, ' ', huisnummer, coalesce(huisletter, ''), coalesce('-' || toevoeging, ''))
           AS adres, plaats,
       is_actief(datum_aanvang, datum_einde, $peildatum) AS actief,
       ST_X(to_wgs84(geom)) AS lon, ST_Y(to_wgs84(geom)) AS lat
FROM vestiging WHERE kvk_nummer = $kvk
ORDER BY actief DESC, is_hoofdvestiging DESC, naam
