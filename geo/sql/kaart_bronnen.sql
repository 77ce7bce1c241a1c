-- The sources every figure on the map rests on.
SELECT bron, omschrijving, peildatum, rijen, bestand, soort
FROM bron
ORDER BY bron;
