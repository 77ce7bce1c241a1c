-- Vestigingen active on $peildatum for the GeoPackage export, with their first branch group of
-- $groepen (order of data/branches.toml; NULL = overig) per branche_lid. $alleen_groepen keeps
-- only members; $nummers (list or NULL) restricts to a selection. Inside the RD box when one is
-- given; without a box, vestigingen without a location are kept (empty geometry), never dropped.
WITH box AS (
    SELECT ST_MakeEnvelope(CAST($xmin AS DOUBLE), CAST($ymin AS DOUBLE),
                           CAST($xmax AS DOUBLE), CAST($ymax AS DOUBLE)) AS b
),
gekozen AS (
    SELECT v.*
    FROM vestiging v, box
    WHERE is_actief(v.datum_aanvang, v.datum_einde, $peildatum)
      AND (box.b IS NULL OR ST_Intersects(v.geom, box.b))
      AND ($nummers IS NULL OR list_contains(CAST($nummers AS VARCHAR[]), v.vestigingsnummer))
),
groep AS (
    SELECT b.vestigingsnummer,
           arg_min(b.groep, list_position(CAST($groepen AS VARCHAR[]), b.groep)) AS groep
    FROM branche_lid b
    SEMI JOIN gekozen USING (vestigingsnummer)
    WHERE list_contains(CAST($groepen AS VARCHAR[]), b.groep)
    GROUP BY b.vestigingsnummer
)
SELECT v.vestigingsnummer, v.kvk_nummer, v.naam, array_to_string(v.handelsnamen, '; ') AS handelsnamen,
       v.rechtsvorm, v.is_hoofdvestiging, v.datum_aanvang, v.datum_einde, v.werkzame_personen,
       array_to_string(v.sbi_codes, ', ') AS sbi_codes, v.sbi_hoofd, v.sbi_versie,
       v.sbi_omschrijving, v.activiteit, g.groep AS branchegroep, v.adres_afgeschermd, v.straat,
       v.huisnummer, v.huisletter, v.toevoeging, v.postcode, v.plaats, v.verblijfsobject_id,
       v.object_soort, v.match_methode, v.match_score, v.match_status, ST_AsWKB(v.geom) AS geom
FROM gekozen v
LEFT JOIN groep g USING (vestigingsnummer)
WHERE NOT $alleen_groepen OR g.groep IS NOT NULL
ORDER BY v.vestigingsnummer
