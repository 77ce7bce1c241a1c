-- Vestigingen of the selection with a location inside an RD box, at most $limiet (the caller
-- asks one more than it will draw, to know when the view holds too many). Ordered, so the same
-- box gives the same layer and the browser does not redraw. Continues kaart_selectie.sql.
, binnen AS (
    SELECT vestigingsnummer, groep
    FROM selectie
    WHERE geom IS NOT NULL
      AND ST_Intersects_Extent(geom, ST_MakeEnvelope($xmin, $ymin, $xmax, $ymax))
    ORDER BY vestigingsnummer
    LIMIT $limiet
)
SELECT v.vestigingsnummer, v.kvk_nummer, v.naam, v.straat, v.huisnummer, v.huisletter,
       v.toevoeging, v.postcode, v.plaats, v.adres_afgeschermd, v.sbi_hoofd, v.sbi_versie,
       v.sbi_omschrijving, v.datum_aanvang, v.datum_einde, v.is_hoofdvestiging, b.groep,
       is_actief(v.datum_aanvang, v.datum_einde, $peildatum) AS actief,
       ST_Y(to_wgs84(v.geom)) AS lat, ST_X(to_wgs84(v.geom)) AS lon
FROM binnen b JOIN vestiging v USING (vestigingsnummer)
ORDER BY v.vestigingsnummer
