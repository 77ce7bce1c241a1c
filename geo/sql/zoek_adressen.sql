-- Every address to search in: hoofdadressen of verblijfsobjecten, ligplaatsen and standplaatsen,
-- and nevenadressen (found as their object). id: the object to open; pand NULL for a plaats.
-- zoek_postcode.sql and zoek_straat.sql continue this WITH list.
WITH object AS (
    SELECT identificatie, pand_identificatie, geom FROM verblijfsobject
    UNION ALL SELECT identificatie, NULL, punt FROM ligplaats
    UNION ALL SELECT identificatie, NULL, punt FROM standplaats
), adres AS (
    SELECT v.identificatie AS id, v.pand_identificatie AS pand, v.openbare_ruimte, v.huisnummer,
           v.huisletter, v.toevoeging, v.postcode, v.woonplaats, v.geom, '' AS soort_tekst
    FROM verblijfsobject v
    UNION ALL
    SELECT identificatie, NULL, openbare_ruimte, huisnummer, huisletter, toevoeging, postcode,
           woonplaats, punt, ' (ligplaats)' FROM ligplaats
    UNION ALL
    SELECT identificatie, NULL, openbare_ruimte, huisnummer, huisletter, toevoeging, postcode,
           woonplaats, punt, ' (standplaats)' FROM standplaats
    UNION ALL
    SELECT n.adresseerbaar_id, o.pand_identificatie, n.openbare_ruimte, n.huisnummer,
           n.huisletter, n.toevoeging, n.postcode, n.woonplaats, o.geom, ' (nevenadres)'
    FROM nevenadres n JOIN object o ON o.identificatie = n.adresseerbaar_id
)
