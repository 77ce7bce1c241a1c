-- Administrative changes to one user; NULL keeps the current value.
UPDATE gebruiker SET
    weergavenaam      = coalesce($weergavenaam, weergavenaam),
    email             = CASE WHEN $email::VARCHAR IS NULL THEN email ELSE nullif($email, '') END,
    wachtwoord_hash   = coalesce($wachtwoord_hash, wachtwoord_hash),
    actief            = coalesce($actief, actief),
    mislukte_pogingen = CASE WHEN $deblokkeer THEN 0 ELSE mislukte_pogingen END,
    geblokkeerd_tot   = CASE WHEN $deblokkeer THEN NULL ELSE geblokkeerd_tot END,
    gewijzigd_op      = $nu,
    gewijzigd_door    = $door
WHERE gebruikersnaam = $gebruikersnaam;
