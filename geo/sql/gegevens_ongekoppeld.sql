-- Vestigingen without a certain BAG object, with the address as delivered, the likely reason and
-- the candidates the match considered. Not placed: afgeschermd (KVK gives no location), geen
-- adres, buiten gemeente (postcode area or place not in this BAG), onbekend adres (in the area,
-- but no such address in the BAG), meerdere kandidaten (several objects fit equally). Placed but
-- not certain: onzeker (score below 0.9), BAG-id onbekend (the BAG id KVK gave is not in this
-- BAG; placed by address instead).
WITH pc4 AS (
    SELECT DISTINCT left(postcode, 4) AS pc4 FROM verblijfsobject WHERE postcode IS NOT NULL
), plaatsen AS (
    SELECT DISTINCT lower(trim(woonplaats)) AS plaats FROM verblijfsobject
), bag_id_onbekend AS (
    SELECT DISTINCT sleutel AS vestigingsnummer FROM waarschuwing WHERE soort = 'bag_id_onbekend'
), kandidaten AS (
    SELECT vestigingsnummer, string_agg(kandidaat_tekst(adres, score), '; ' ORDER BY rang)
               AS kandidaten
    FROM koppel_kandidaat GROUP BY vestigingsnummer
), open AS (
    SELECT *, nullif(upper(regexp_replace(coalesce(postcode, ''), '[^0-9A-Za-z]', '', 'g')), '')
              AS pc,
           vestigingsnummer IN (SELECT vestigingsnummer FROM bag_id_onbekend) AS bag_id_onbekend
    FROM vestiging
)
SELECT bron, vestigingsnummer, kvk_nummer, naam, straat, huisnummer, huisletter, toevoeging,
       postcode, plaats, bag_id, bag_id_onbekend, match_status, match_score, k.kandidaten,
       CASE
           WHEN match_status = 'meerdere kandidaten' THEN 'meerdere kandidaten'
           WHEN match_status = 'onzeker' THEN 'onzeker'
           WHEN bag_id_onbekend THEN 'BAG-id onbekend'
           WHEN coalesce(adres_afgeschermd, false) THEN 'afgeschermd'
           WHEN pc IS NULL AND straat IS NULL AND bag_id IS NULL THEN 'geen adres'
           WHEN pc IS NOT NULL AND left(pc, 4) NOT IN (SELECT pc4 FROM pc4) THEN 'buiten gemeente'
           WHEN pc IS NULL AND lower(trim(plaats)) NOT IN (SELECT plaats FROM plaatsen)
               THEN 'buiten gemeente'
           ELSE 'onbekend adres'
       END AS reden,
       is_actief(datum_aanvang, datum_einde, $peildatum) AS actief
FROM open LEFT JOIN kandidaten k USING (vestigingsnummer)
WHERE match_status <> 'zeker' OR bag_id_onbekend
ORDER BY reden, naam, vestigingsnummer;
