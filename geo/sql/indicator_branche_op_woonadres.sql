-- Needs the view branche_lid (branche_lid.sql); SBI hits and keyword hits both count here, the
-- reason names the group.
SELECT DISTINCT ON (v.vestigingsnummer)
       v.vestigingsnummer AS object_id, a.label, a.geom, v.naam, b.groep,
       a.vbo AS verblijfsobject_id, b.via
FROM vestiging_actief v
JOIN adres a ON a.vbo = v.verblijfsobject_id
JOIN branche_lid b USING (vestigingsnummer)
WHERE b.groep IN (SELECT unnest(getvariable('p_groepen')))
  AND a.gebruiksdoelen = ['woonfunctie']
ORDER BY v.vestigingsnummer, b.via, b.groep
