-- The selection the export benchmark downloads: active vestigingen at addresses in one gemeente.
SELECT v.vestigingsnummer
FROM vestiging v
JOIN gebied_lid l ON l.verblijfsobject_id = v.verblijfsobject_id
JOIN gebied g ON g.gebied_id = l.gebied_id
WHERE g.soort = 'gemeente' AND g.code = $gemeente
  AND is_actief(v.datum_aanvang, v.datum_einde, $peildatum)
ORDER BY v.vestigingsnummer;
