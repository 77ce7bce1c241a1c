INSERT OR REPLACE INTO meta (sleutel, waarde) VALUES ($sleutel, $waarde);
