SELECT g.weergavenaam, g.email
FROM gebruiker g JOIN gebruiker_rol r USING (gebruikersnaam)
WHERE r.rol = 'coordinator' AND g.actief AND NOT g.is_demo
ORDER BY g.weergavenaam;
