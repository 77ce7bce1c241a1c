-- One more failed login; at $max failures the account is blocked until $tot and the count restarts.
UPDATE gebruiker SET
    mislukte_pogingen = CASE WHEN mislukte_pogingen + 1 >= $max THEN 0 ELSE mislukte_pogingen + 1 END,
    geblokkeerd_tot   = CASE WHEN mislukte_pogingen + 1 >= $max THEN $tot ELSE geblokkeerd_tot END
WHERE gebruikersnaam = $gebruikersnaam
RETURNING geblokkeerd_tot;
