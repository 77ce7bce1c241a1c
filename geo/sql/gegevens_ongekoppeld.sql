-- Vestigingen no rule could place on a BAG address, with the address as delivered and the likely
-- reason: afgeschermd (KVK gives no location), geen adres, buiten gemeente (postcode area or
-- place not in this BAG), or onbekend adres (in the area, but no such address in the BAG).
WITH pc4 AS (
    SELECT DISTINCT left(postcode, 4) AS pc4 FROM verblijfsobject WHERE postcode IS NOT NULL
), plaatsen AS (
    SELECT DISTINCT lower(trim(woonplaats)) AS plaats FROM verblijfsobject
), open AS (
    SELECT *, nullif(upper(regexp_replace(coalesce(postcode, ''), '\s', '', 'g')), '') AS pc
    FROM vestiging
    WHERE match_methode = 'geen'
)
SELECT bron, vestigingsnummer, kvk_nummer, naam, straat, huisnummer, huisletter, toevoeging,
       postcode, plaats, bag_id,
       CASE
           WHEN coalesce(adres_afgeschermd, false) THEN 'afgeschermd'
           WHEN pc IS NULL AND straat IS NULL AND bag_id IS NULL THEN 'geen adres'
           WHEN pc IS NOT NULL AND left(pc, 4) NOT IN (SELECT pc4 FROM pc4) THEN 'buiten gemeente'
           WHEN pc IS NULL AND lower(trim(plaats)) NOT IN (SELECT plaats FROM plaatsen)
               THEN 'buiten gemeente'
           ELSE 'onbekend adres'
       END AS reden,
       is_actief(datum_aanvang, datum_einde, $peildatum) AS actief
FROM open
ORDER BY reden, naam, vestigingsnummer;
