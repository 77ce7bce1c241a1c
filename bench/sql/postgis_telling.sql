-- Active vestigingen per buurt: point in polygon (GiST) and a grouped count.
SELECT b.buurtcode, count(*) AS vestigingen
FROM vestiging v
JOIN buurt b ON ST_Within(v.geom, b.geom)
WHERE (v.aanvang IS NULL OR v.aanvang <= %(peildatum)s::date)
  AND (v.einde IS NULL OR v.einde > %(peildatum)s::date)
GROUP BY b.buurtcode;
