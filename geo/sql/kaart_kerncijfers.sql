-- Headline counts. A vestiging is active on the peildatum: started (or no start known) and not ended.
WITH actief AS (
    SELECT geom
    FROM vestiging
    WHERE is_actief(datum_aanvang, datum_einde, $peildatum)
)
SELECT
    (SELECT count(*) FROM pand) AS panden,
    (SELECT count(*) FROM verblijfsobject) AS verblijfsobjecten,
    (SELECT count(*) FROM actief) AS actieve_vestigingen,
    (SELECT count(*) FROM actief WHERE geom IS NULL) AS zonder_locatie,
    (SELECT count(*) FROM gebied WHERE soort = 'buurt') AS buurten,
    (SELECT count(*) FROM gebied WHERE soort = 'bedrijventerrein') AS bedrijventerreinen;
