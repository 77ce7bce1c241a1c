-- A gemeenten file may hold every gemeente of the country: keep only this municipality's own
-- polygon (code 'GM0637' or '0637'), and say per source how many others were left out.
INSERT INTO waarschuwing (bron, soort, sleutel, veld, waarde, toelichting)
SELECT bron, 'andere_gemeente', bron, 'gemeentecode', getvariable('gemeente_code'),
       count(*) || ' gemeentegrenzen in deze bron horen bij een andere gemeente dan '
       || getvariable('gemeente_code') || ' en zijn niet gebruikt'
FROM gebied
WHERE soort = 'gemeente' AND code NOT IN ('GM' || getvariable('gemeente_code'), getvariable('gemeente_code'))
GROUP BY bron;

DELETE FROM gebied
WHERE soort = 'gemeente' AND code NOT IN ('GM' || getvariable('gemeente_code'), getvariable('gemeente_code'));
