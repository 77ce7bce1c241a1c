SELECT
    (SELECT count(*) FROM pand) AS pand,
    (SELECT count(*) FROM verblijfsobject) AS verblijfsobject,
    (SELECT count(*) FROM ligplaats) AS ligplaats,
    (SELECT count(*) FROM standplaats) AS standplaats,
    (SELECT count(*) FROM nevenadres) AS nevenadres,
    (SELECT count(*) FROM vestiging) AS vestiging,
    (SELECT count(*) FROM vestiging WHERE datum_einde IS NULL) AS vestiging_actief,
    (SELECT count(*) FROM gebied) AS gebied
