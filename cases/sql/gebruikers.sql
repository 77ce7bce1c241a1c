-- Users with their roles and datarollen; filter on name and/or e-mail (NULL = no filter).
SELECT
    g.gebruikersnaam, g.weergavenaam, g.email, g.actief, g.is_demo,
    g.wachtwoord_hash IS NOT NULL AS heeft_wachtwoord, g.geblokkeerd_tot,
    coalesce((SELECT list(r.rol ORDER BY r.rol) FROM gebruiker_rol r
              WHERE r.gebruikersnaam = g.gebruikersnaam), []) AS rollen,
    coalesce((SELECT list(d.thema ORDER BY d.thema) FROM gebruiker_datarol d
              WHERE d.gebruikersnaam = g.gebruikersnaam), []) AS datarollen
FROM gebruiker g
WHERE ($gebruikersnaam::VARCHAR IS NULL OR g.gebruikersnaam = $gebruikersnaam)
  AND ($email::VARCHAR IS NULL OR g.email = $email)
ORDER BY g.gebruikersnaam;
