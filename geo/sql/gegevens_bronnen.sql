-- Every source of the snapshot with what it rests on (Gegevens page).
SELECT bron, soort, omschrijving, peildatum, geladen_op, rijen, bestand, checksum
FROM bron
ORDER BY bron;
