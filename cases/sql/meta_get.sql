SELECT waarde FROM meta WHERE sleutel = $sleutel;
