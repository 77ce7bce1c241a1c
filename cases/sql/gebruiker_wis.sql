DELETE FROM gebruiker WHERE gebruikersnaam = $gebruikersnaam;
