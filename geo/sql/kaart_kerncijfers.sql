-- Headline counts. A vestiging is active on the peildatum: started (or no start known) and not ended.
WITH actief AS (
    SELECT geom
    FROM vestiging
    WHERE (datum_aanvang IS NULL OR datum_aanvang <= CAST($peildatum AS DATE))
      AND (datum_einde IS NULL OR datum_einde > CAST($peildatum AS DATE))
)
SELECT
    (SELECT count(*) FROM pand) AS panden,
    (SELECT count(*) FROM verblijfsobject) AS verblijfsobjecten,
    (SELECT count(*) FROM actief) AS actieve_vestigingen,
    (SELECT count(*) FROM actief WHERE geom IS NULL) AS zonder_locatie,
    (SELECT count(*) FROM gebied WHERE soort = 'buurt') AS buurten,
    (SELECT count(*) FROM gebied WHERE soort = 'bedrijventerrein') AS bedrijventerreinen;
