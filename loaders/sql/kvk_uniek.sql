-- One row per vestiging, by one written rule, before matching (match.sql reads kvk_uniek):
-- 1. the source with the newest peildatum wins; 2. on the same peildatum, the most complete
-- record; 3. then the API before a file, the bron name and the row (only to be deterministic).
-- A vestiging that any source reports as ended stays ended: KVK never reopens a vestigingsnummer,
-- so a newer record without an end date is an older state, not a revival.
-- Every record that lost is reported as a warning 'dubbel', with the record that won.
CREATE OR REPLACE TEMP TABLE kvk_gerangschikt AS
SELECT *,
       row_number() OVER (PARTITION BY vestigingsnummer
                          ORDER BY bron_peildatum DESC NULLS LAST, volledigheid DESC, voorrang,
                                   bron, rij) AS rang,
       max(datum_einde) OVER (PARTITION BY vestigingsnummer) AS einde_ooit
FROM (
    SELECT k.*, b.peildatum AS bron_peildatum,
           (k.naam IS NOT NULL)::INT + (k.rechtsvorm IS NOT NULL)::INT
           + (k.datum_aanvang IS NOT NULL)::INT + (k.datum_einde IS NOT NULL)::INT
           + (k.werkzame_personen IS NOT NULL)::INT + (len(coalesce(k.sbi_codes, [])) > 0)::INT
           + (k.straat IS NOT NULL)::INT + (k.huisnummer IS NOT NULL)::INT
           + (k.postcode IS NOT NULL)::INT + (k.plaats IS NOT NULL)::INT
           + (k.bag_id IS NOT NULL)::INT + (k.rd_x IS NOT NULL)::INT AS volledigheid
    FROM kvk_invoer k LEFT JOIN bron b USING (bron));

CREATE OR REPLACE TEMP TABLE kvk_uniek AS
SELECT * EXCLUDE (bron_peildatum, volledigheid, rang, einde_ooit)
         REPLACE (coalesce(datum_einde, einde_ooit) AS datum_einde)
FROM kvk_gerangschikt WHERE rang = 1;

INSERT INTO waarschuwing (bron, soort, sleutel, rij, veld, waarde, toelichting)
SELECT a.bron, 'dubbel', a.vestigingsnummer, a.rij, 'vestigingsnummer', a.vestigingsnummer,
       'vestiging staat ook in bron ' || w.bron
       || coalesce(' (peildatum ' || strftime(w.bron_peildatum, '%d-%m-%Y') || ')', '')
       || '; Zicht gebruikt die: '
       || CASE WHEN coalesce(a.bron_peildatum < w.bron_peildatum, false) THEN 'nieuwere peildatum'
               WHEN a.volledigheid < w.volledigheid THEN 'vollediger'
               ELSE 'zelfde peildatum en even volledig' END
       || CASE WHEN w.datum_einde IS NULL AND a.datum_einde IS NOT NULL
               THEN '; uitgeschreven per ' || strftime(a.datum_einde, '%d-%m-%Y')
                    || ' volgens deze rij, dus blijft uitgeschreven' ELSE '' END
FROM kvk_gerangschikt a
JOIN kvk_gerangschikt w ON w.vestigingsnummer = a.vestigingsnummer AND w.rang = 1
WHERE a.rang > 1;
