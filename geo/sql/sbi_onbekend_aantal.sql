-- Vestigingen with a delivered SBI code in neither official list (or only in the other
-- version), for the tree node 'SBI onbekend': active on $peildatum, and in the snapshot at all.
SELECT count(*) FILTER (WHERE is_actief(datum_aanvang, datum_einde, $peildatum)) AS actief,
       count(*) AS alle
FROM vestiging
WHERE len(coalesce(sbi_onbekend, [])) > 0
