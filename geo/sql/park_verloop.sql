-- Registrations started and ended in the last 1, 3 and 5 years before the peildatum, per area.
WITH jaren AS (SELECT unnest([1, 3, 5]) AS jaren)
SELECT pv.gebied_id, j.jaren,
       count(*) FILTER (WHERE pv.datum_aanvang > getvariable('peildatum')::DATE
                                                 - to_years(j.jaren)
                          AND pv.datum_aanvang <= getvariable('peildatum')::DATE) AS gestart,
       count(*) FILTER (WHERE pv.datum_einde > getvariable('peildatum')::DATE - to_years(j.jaren)
                          AND pv.datum_einde <= getvariable('peildatum')::DATE) AS beeindigd
FROM profiel_vestiging pv, jaren j
GROUP BY ALL
ORDER BY pv.gebied_id, j.jaren
