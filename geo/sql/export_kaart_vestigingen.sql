-- Active vestigingen with a location inside an RD box, each with the first group of $groepen
-- (in that order) it belongs to per branche_lid (SBI or keyword). $alleen_groepen keeps only
-- members of those groups; $nummers (a list, or NULL) restricts to an explicit selection.
WITH binnen AS (
    SELECT vestigingsnummer, naam, geom
    FROM vestiging
    WHERE geom IS NOT NULL
      AND ST_Intersects_Extent(geom, ST_MakeEnvelope($xmin, $ymin, $xmax, $ymax))
      AND is_actief(datum_aanvang, datum_einde, $peildatum)
      AND ($nummers IS NULL OR list_contains(CAST($nummers AS VARCHAR[]), vestigingsnummer))
),
groep AS (
    SELECT b.vestigingsnummer,
           arg_min(b.groep, list_position(CAST($groepen AS VARCHAR[]), b.groep)) AS groep
    FROM branche_lid b
    SEMI JOIN binnen USING (vestigingsnummer)
    WHERE list_contains(CAST($groepen AS VARCHAR[]), b.groep)
    GROUP BY b.vestigingsnummer
)
SELECT b.vestigingsnummer, b.naam, g.groep, ST_X(b.geom) AS x, ST_Y(b.geom) AS y
FROM binnen b
LEFT JOIN groep g USING (vestigingsnummer)
WHERE NOT $alleen_groepen OR g.groep IS NOT NULL
ORDER BY b.vestigingsnummer
