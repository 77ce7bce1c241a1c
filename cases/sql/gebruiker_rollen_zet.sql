INSERT INTO gebruiker_rol SELECT $gebruikersnaam, unnest($rollen::VARCHAR[]);
