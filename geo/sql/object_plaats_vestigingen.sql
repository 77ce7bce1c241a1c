-- Every vestiging registered on this ligplaats or standplaats (on its hoofdadres or a
-- nevenadres), active and ended, newest first.
SELECT v.vestigingsnummer, v.kvk_nummer, v.naam, v.rechtsvorm, v.is_hoofdvestiging,
       v.datum_aanvang, v.datum_einde, v.sbi_hoofd, v.sbi_omschrijving, v.sbi_versie,
       v.verblijfsobject_id, v.match_methode, v.match_score,
       is_actief(v.datum_aanvang, v.datum_einde, $peildatum) AS actief
FROM vestiging v
WHERE v.verblijfsobject_id = $plaats
ORDER BY actief DESC, v.datum_aanvang DESC NULLS LAST, v.naam
