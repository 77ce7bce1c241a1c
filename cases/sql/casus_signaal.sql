UPDATE casus SET
    titel = $titel, omschrijving = $omschrijving, bron = $bron, bron_toelichting = $bron_toelichting,
    signaal_datum = $signaal_datum, eigenaar = $eigenaar
WHERE id = $id;
