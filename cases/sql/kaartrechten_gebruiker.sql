-- The map rights of one user: the union over his datarollen (zichtbare_themas: only while the
-- account is active), read at the moment of asking so a revoked datarol counts at once.
SELECT DISTINCT k.soort, k.waarde
FROM kaartrol k
WHERE k.thema IN (SELECT thema FROM zichtbare_themas($gebruikersnaam))
ORDER BY k.soort, k.waarde;
