INSERT INTO gebruiker_datarol SELECT $gebruikersnaam, unnest($datarollen::VARCHAR[]);
