-- Active vestigingen with a location inside an RD box, at most $limiet (the caller asks one
-- more than it will draw, to know when the view holds too many). Ordered, so the same box
-- gives the same layer and the browser does not redraw.
WITH binnen AS (
    SELECT vestigingsnummer, kvk_nummer, naam, straat, huisnummer, huisletter, toevoeging,
           postcode, plaats, adres_afgeschermd, sbi_hoofd, sbi_omschrijving, activiteit, geom
    FROM vestiging
    WHERE geom IS NOT NULL
      AND ST_Intersects_Extent(geom, ST_MakeEnvelope($xmin, $ymin, $xmax, $ymax))
      AND is_actief(datum_aanvang, datum_einde, $peildatum)
    ORDER BY vestigingsnummer
    LIMIT $limiet
),
wgs AS (
    SELECT * EXCLUDE (geom), to_wgs84(geom) AS p FROM binnen
)
SELECT * EXCLUDE (p), ST_Y(p) AS lat, ST_X(p) AS lon
FROM wgs
ORDER BY vestigingsnummer;
