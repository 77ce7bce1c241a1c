-- The beauty inventory: every active vestiging with a beauty SBI code as hoofdactiviteit (one
-- type each, from the registered table beauty_type), with one only among its nevenactiviteiten,
-- or with none but a beauty or seksbranche keyword in its name or activity description. The
-- three categories are kept apart. Needs indicator_basis (branche_vestiging, adres, adres_buurt).
WITH codes AS (
    SELECT vestigingsnummer, sbi_versie, sbi_hoofd, unnest(sbi_codes) AS code
    FROM vestiging_actief
), typed AS (
    SELECT c.vestigingsnummer,
           min(t.type) FILTER (WHERE c.code = c.sbi_hoofd) AS hoofdtype,
           min(t.type) AS eniger_type
    FROM codes c JOIN beauty_type t ON t.sbi_versie = c.sbi_versie AND starts_with(c.code, t.prefix)
    GROUP BY ALL
), woord AS (
    SELECT vestigingsnummer, min(rtrim(trefwoord, '*')) AS trefwoord,
           bool_or(groep = 'seksbranche') AS seksbranche
    FROM branche_vestiging
    WHERE groep IN ('beauty', 'seksbranche') AND trefwoord IS NOT NULL
    GROUP BY ALL
), lid AS (
    SELECT coalesce(t.vestigingsnummer, w.vestigingsnummer) AS vestigingsnummer,
           CASE WHEN t.hoofdtype IS NOT NULL THEN 'sbi'
                WHEN t.eniger_type IS NOT NULL THEN 'neven' ELSE 'trefwoord' END AS categorie,
           coalesce(t.hoofdtype, CASE WHEN t.eniger_type IS NOT NULL THEN 'neven'
                                      ELSE 'trefwoord' END) AS type,
           w.trefwoord, coalesce(w.seksbranche, false) AS seksbranche
    FROM typed t FULL JOIN woord w USING (vestigingsnummer)
)
SELECT l.vestigingsnummer, v.kvk_nummer, v.naam, l.categorie, l.type, v.sbi_hoofd,
       v.sbi_omschrijving, l.trefwoord, l.seksbranche,
       CASE WHEN a.vbo IS NULL THEN 'onbekend'
            WHEN a.gebruiksdoelen = ['woonfunctie'] THEN 'woonadres'
            ELSE 'bedrijfsadres' END AS adrestype,
       array_to_string(a.gebruiksdoelen, ', ') AS gebruiksdoelen,
       CASE WHEN v.adres_afgeschermd THEN 'adres afgeschermd in het Handelsregister'
            ELSE coalesce(a.label, adres_tekst(v.straat, v.huisnummer, v.huisletter, v.toevoeging,
                                               v.postcode, v.plaats)) END AS adres,
       ab.buurt, ab.buurtnaam, ab.wijknaam, v.datum_aanvang,
       coalesce(v.datum_aanvang > getvariable('peildatum')::DATE
                - to_months(getvariable('maanden_nieuw')), false) AS nieuw,
       a.vbo AS verblijfsobject_id,
       ST_X(to_wgs84(coalesce(a.geom, v.geom))) AS lon,
       ST_Y(to_wgs84(coalesce(a.geom, v.geom))) AS lat
FROM lid l
JOIN vestiging_actief v USING (vestigingsnummer)
LEFT JOIN adres a ON a.vbo = v.verblijfsobject_id
LEFT JOIN adres_buurt ab ON ab.vbo = a.vbo
ORDER BY l.type, ab.buurtnaam NULLS LAST, adres, v.naam
