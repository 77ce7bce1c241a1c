DELETE FROM meta WHERE sleutel = $sleutel;
