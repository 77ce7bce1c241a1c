INSERT INTO casus (id, casusnummer, thema, status, versie, titel, bron, bron_toelichting,
                   signaal_datum, omschrijving, eigenaar, aangemaakt_op, aangemaakt_door,
                   gewijzigd_op, gewijzigd_door)
VALUES ($id, $casusnummer, $thema, 'signaal', 1, $titel, $bron, $bron_toelichting,
        $signaal_datum, $omschrijving, $eigenaar, $nu, $door, $nu, $door);
