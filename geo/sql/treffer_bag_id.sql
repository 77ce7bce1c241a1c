-- The addresses BAG identificaties stand for: the verblijfsobject itself, the one with this
-- nummeraanduiding, or every verblijfsobject in the pand.
SELECT identificatie
FROM verblijfsobject
WHERE list_contains($bag_ids::VARCHAR[], identificatie)
   OR list_contains($bag_ids::VARCHAR[], nummeraanduiding_id)
   OR list_contains($bag_ids::VARCHAR[], pand_identificatie)
ORDER BY identificatie
