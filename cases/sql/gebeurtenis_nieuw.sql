INSERT INTO gebeurtenis (casus_id, versie, actie, van_status, naar_status, velden, toelichting, tijd,
                         gebruiker)
VALUES ($casus_id, $versie, $actie, $van_status, $naar_status, $velden::VARCHAR[], $toelichting, $tijd,
        $gebruiker);
