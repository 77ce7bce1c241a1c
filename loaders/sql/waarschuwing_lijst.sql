-- Every warning, optionally of one source (w_bron) and/or one kind (w_soort).
SELECT coalesce(bron, '') AS bron, soort, sleutel, rij, veld, waarde, toelichting
FROM waarschuwing
WHERE (getvariable('w_bron') IS NULL OR coalesce(bron, '') = getvariable('w_bron'))
  AND (getvariable('w_soort') IS NULL OR soort = getvariable('w_soort'))
ORDER BY bron, soort, rij NULLS LAST, sleutel
