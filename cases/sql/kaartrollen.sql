-- The map rights of every datarol: one row per (thema, soort, waarde).
SELECT thema, soort, waarde FROM kaartrol ORDER BY thema, soort, waarde;
