DELETE FROM gebruiker_datarol WHERE gebruikersnaam = $gebruikersnaam;
