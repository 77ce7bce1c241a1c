-- The official description of every code of both SBI lists (table sbi_lijst), so every node of
-- the tree (afdeling, groep, klasse, …) is named in the version shown.
SELECT versie, code, omschrijving FROM sbi_lijst
