-- Vestigingen of the map's selection for the GeoPackage export (continues kaart_selectie.sql),
-- with the branch group that colours them on screen (NULL = in no chosen group / overig).
-- $nummers (list or NULL) restricts to an explicit set. Inside the RD box when one is given;
-- without a box, vestigingen without a location are kept (empty geometry), never dropped.
, box AS (
    SELECT ST_MakeEnvelope(CAST($xmin AS DOUBLE), CAST($ymin AS DOUBLE),
                           CAST($xmax AS DOUBLE), CAST($ymax AS DOUBLE)) AS b
)
SELECT v.vestigingsnummer, v.kvk_nummer, v.naam, array_to_string(v.handelsnamen, '; ') AS handelsnamen,
       v.rechtsvorm, v.is_hoofdvestiging, v.datum_aanvang, v.datum_einde, v.werkzame_personen,
       array_to_string(v.sbi_codes, ', ') AS sbi_codes, v.sbi_hoofd, v.sbi_versie,
       v.sbi_omschrijving, v.activiteit, s.groep AS branchegroep, v.adres_afgeschermd, v.straat,
       v.huisnummer, v.huisletter, v.toevoeging, v.postcode, v.plaats, v.verblijfsobject_id,
       v.object_soort, v.match_methode, v.match_score, v.match_status, ST_AsWKB(v.geom) AS geom
FROM selectie s JOIN vestiging v USING (vestigingsnummer), box
WHERE (box.b IS NULL OR ST_Intersects(v.geom, box.b))
  AND ($nummers IS NULL OR list_contains(CAST($nummers AS VARCHAR[]), v.vestigingsnummer))
ORDER BY v.vestigingsnummer
