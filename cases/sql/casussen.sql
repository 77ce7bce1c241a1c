-- Cases the user may see, with optional filters (NULL = no filter). The theme filter is not
-- optional: a case outside the user's datarollen is never returned, whatever the other filters.
SELECT c.*
FROM casus c
WHERE c.thema IN (SELECT thema FROM zichtbare_themas($gebruiker))
  AND ($id::VARCHAR IS NULL OR c.id = $id)
  AND ($thema::VARCHAR IS NULL OR c.thema = $thema)
  AND ($statussen::VARCHAR[] IS NULL OR list_contains($statussen::VARCHAR[], c.status))
  AND ($bron::VARCHAR IS NULL OR c.bron = $bron)
  AND ($van::DATE IS NULL OR c.signaal_datum >= $van)
  AND ($tot::DATE IS NULL OR c.signaal_datum <= $tot)
  AND ($tekst::VARCHAR IS NULL
       OR contains(lower(c.titel), lower($tekst))
       OR contains(lower(c.omschrijving), lower($tekst))
       OR contains(lower(c.casusnummer), lower($tekst)))
  AND ($object_id::VARCHAR IS NULL OR EXISTS (
        SELECT 1 FROM koppeling k
        WHERE k.casus_id = c.id AND k.object_type = $object_type AND k.object_id = $object_id))
ORDER BY c.gewijzigd_op DESC, c.casusnummer;
