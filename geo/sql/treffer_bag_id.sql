-- The addresses a BAG identificatie stands for: the verblijfsobject itself, the one with this
-- nummeraanduiding, or every verblijfsobject in the pand.
SELECT identificatie
FROM verblijfsobject
WHERE identificatie = $bag_id OR nummeraanduiding_id = $bag_id OR pand_identificatie = $bag_id
ORDER BY identificatie
