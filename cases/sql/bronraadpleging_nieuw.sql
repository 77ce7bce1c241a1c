-- Who consulted the source: the named colleague, else the user recording it.
INSERT INTO bronraadpleging (id, casus_id, bron, toelichting, geraadpleegd_op, geraadpleegd_door,
                             vastgelegd_op, vastgelegd_door)
VALUES ($id, $casus_id, $bron, $toelichting, $geraadpleegd_op, coalesce($geraadpleegd_door, $door), $nu,
        $door);
