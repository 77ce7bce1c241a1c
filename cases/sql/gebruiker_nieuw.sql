INSERT INTO gebruiker (gebruikersnaam, weergavenaam, email, wachtwoord_hash, actief, is_demo,
                       mislukte_pogingen, geblokkeerd_tot, aangemaakt_op, aangemaakt_door,
                       gewijzigd_op, gewijzigd_door)
VALUES ($gebruikersnaam, $weergavenaam, $email, $wachtwoord_hash, true, $is_demo,
        0, NULL, $nu, $door, $nu, $door);
