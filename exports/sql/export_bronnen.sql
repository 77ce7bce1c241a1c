-- The sources an export rests on, with their peildatum, for the accountability lines.
SELECT bron, coalesce(nullif(omschrijving, ''), bron) AS naam, peildatum
FROM bron
ORDER BY bron
