-- Forget the map rights of one datarol (before kaartrol_zet writes the new ones).
DELETE FROM kaartrol WHERE thema = $thema;
