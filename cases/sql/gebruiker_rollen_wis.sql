DELETE FROM gebruiker_rol WHERE gebruikersnaam = $gebruikersnaam;
