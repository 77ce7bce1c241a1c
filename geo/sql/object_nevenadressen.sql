-- The nevenadressen of the given objects (verblijfsobjecten, ligplaatsen, standplaatsen).
SELECT adresseerbaar_id, nummeraanduiding_id,
       concat(openbare_ruimte, ' ', huisnummer, coalesce(huisletter, ''),
              coalesce('-' || toevoeging, '')) AS adres, postcode, woonplaats
FROM nevenadres
WHERE list_contains($objecten, adresseerbaar_id)
ORDER BY adresseerbaar_id, openbare_ruimte, huisnummer, huisletter NULLS FIRST,
         toevoeging NULLS FIRST
