-- Shared views for the indicators. getvariable('peildatum') is the snapshot's peildatum:
-- everything is judged as of that date, never as of today.
CREATE OR REPLACE TEMP MACRO adres_tekst(straat, nr, letter, toevoeging, pc, plaats) AS
    concat_ws(', ',
        concat(straat, ' ', nr, coalesce(letter, ''), coalesce('-' || toevoeging, '')),
        nullif(concat_ws(' ', pc, plaats), ''));

CREATE OR REPLACE TEMP VIEW vestiging_actief AS
SELECT * FROM vestiging
WHERE is_actief(datum_aanvang, datum_einde, getvariable('peildatum'));

CREATE OR REPLACE TEMP VIEW adres AS
SELECT identificatie AS vbo, pand_identificatie, gebruiksdoelen, oppervlakte, geom,
       adres_tekst(openbare_ruimte, huisnummer, huisletter, toevoeging, postcode, woonplaats)
           AS label
FROM verblijfsobject;
