SELECT gebruikersnaam, wachtwoord_hash, actief, is_demo, geblokkeerd_tot
FROM gebruiker WHERE gebruikersnaam = $gebruikersnaam;
