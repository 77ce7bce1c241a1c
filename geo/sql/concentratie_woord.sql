-- Vestigingen whose names or activity description match one group's keywords ($patroon: all
-- keywords of the group as one regular expression, so it is compiled once), with that text.
SELECT vestigingsnummer,
       lower(concat_ws(' ', naam, array_to_string(handelsnamen, ' '), activiteit)) AS tekst
FROM vestiging
WHERE regexp_matches(lower(concat_ws(' ', naam, array_to_string(handelsnamen, ' '), activiteit)),
                     $patroon)
