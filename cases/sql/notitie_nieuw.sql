INSERT INTO notitie (id, casus_id, tekst, aangemaakt_op, aangemaakt_door)
VALUES ($id, $casus_id, $tekst, $nu, $door);
