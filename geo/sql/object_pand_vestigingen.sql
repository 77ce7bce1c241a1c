-- Every vestiging registered at an address in this pand, active and ended, newest first.
SELECT v.vestigingsnummer, v.kvk_nummer, v.naam, v.rechtsvorm, v.is_hoofdvestiging,
       v.datum_aanvang, v.datum_einde, v.sbi_hoofd, v.sbi_omschrijving, v.sbi_versie,
       v.verblijfsobject_id, v.match_methode, v.match_score, v.match_status,
       is_actief(v.datum_aanvang, v.datum_einde, $peildatum) AS actief
FROM vestiging v JOIN verblijfsobject b ON b.identificatie = v.verblijfsobject_id
WHERE b.pand_identificatie = $pand
ORDER BY actief DESC, v.datum_aanvang DESC NULLS LAST, v.naam
