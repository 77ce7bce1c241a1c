-- The gebeurtenis rows of one case, only when the user may see that case.
SELECT k.*
FROM gebeurtenis k JOIN casus c ON c.id = k.casus_id
WHERE k.casus_id = $id
  AND c.thema IN (SELECT thema FROM zichtbare_themas($gebruiker))
ORDER BY k.versie, k.tijd;
