INSERT INTO interventie (id, casus_id, soort, omschrijving, partij, datum, resultaat, vastgelegd_op,
                         vastgelegd_door)
VALUES ($id, $casus_id, $soort, $omschrijving, $partij, $datum, $resultaat, $nu, $door);
