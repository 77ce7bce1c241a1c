-- Active beheerders other than the given user.
SELECT count(*) AS aantal
FROM gebruiker g JOIN gebruiker_rol r USING (gebruikersnaam)
WHERE r.rol = 'beheerder' AND g.actief AND g.gebruikersnaam <> $gebruikersnaam;
