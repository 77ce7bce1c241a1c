UPDATE gebruiker SET mislukte_pogingen = 0, geblokkeerd_tot = NULL,
    wachtwoord_hash = coalesce($nieuwe_hash, wachtwoord_hash)
WHERE gebruikersnaam = $gebruikersnaam;
