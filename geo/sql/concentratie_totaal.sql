-- Size of the selection and of its basis in the whole snapshot, and how many lack a location.
-- Continues the WITH list of kaart_selectie.sql.
SELECT (SELECT count(*) FROM selectie) AS aantal,
       (SELECT count(*) FROM selectie WHERE geom IS NULL) AS aantal_zonder_locatie,
       (SELECT count(*) FROM basis) AS alle,
       (SELECT count(*) FROM basis WHERE geom IS NULL) AS alle_zonder_locatie
