SELECT identificatie, nummeraanduiding_id,
       concat(openbare_ruimte, ' ', huisnummer, coalesce(huisletter, ''),
              coalesce('-' || toevoeging, '')) AS adres,
       postcode, woonplaats, gebruiksdoelen, oppervlakte, status
FROM verblijfsobject WHERE pand_identificatie = $pand
ORDER BY openbare_ruimte, huisnummer, huisletter NULLS FIRST, toevoeging NULLS FIRST
