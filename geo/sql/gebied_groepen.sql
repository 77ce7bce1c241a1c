-- Active vestigingen per branch group (SBI hits; keyword-only hits counted apart).
WITH vorm AS (SELECT to_rd(ST_GeomFromGeoJSON($vorm)) AS g),
binnen AS (
    SELECT v.vestigingsnummer FROM vestiging v, vorm
    WHERE v.geom IS NOT NULL AND ST_Contains(vorm.g, v.geom)
      AND is_actief(v.datum_aanvang, v.datum_einde, $peildatum)
)
SELECT b.groep, count(*) FILTER (WHERE b.via = 'sbi') AS aantal,
       count(*) FILTER (WHERE b.via = 'trefwoord') AS alleen_trefwoord
FROM binnen JOIN branche_lid b USING (vestigingsnummer)
GROUP BY ALL ORDER BY aantal DESC
