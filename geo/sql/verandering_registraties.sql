-- Registrations that changed between the previous snapshot (attached as vorige) and this one:
-- active now and not then ('nieuw'), active then and not now ('beeindigd'). A vestiging the
-- newer KVK delivery no longer holds counts as ended, marked niet_meer_geleverd. Branch groups
-- by SBI hoofdactiviteit (branche_vestiging of this snapshot). Needs indicator_basis and the
-- variables peildatum and peildatum_vorige; vorige_vestiging is the previous snapshot's vestiging
-- table as geo.changes.open_pair shows it (limited by map rights).
WITH nu AS (
    SELECT vestigingsnummer,
           is_actief(datum_aanvang, datum_einde, getvariable('peildatum')) AS actief
    FROM vestiging
), toen AS (
    SELECT vestigingsnummer,
           is_actief(datum_aanvang, datum_einde, getvariable('peildatum_vorige')) AS actief
    FROM vorige_vestiging
), wissel AS (
    SELECT vestigingsnummer,
           CASE WHEN n.actief AND NOT coalesce(t.actief, false) THEN 'nieuw'
                WHEN t.actief AND NOT coalesce(n.actief, false) THEN 'beeindigd' END
               AS verandering,
           n.vestigingsnummer IS NULL AS niet_meer_geleverd
    FROM nu n FULL JOIN toen t USING (vestigingsnummer)
), groepen AS (
    SELECT vestigingsnummer, list(DISTINCT groep ORDER BY groep) AS groepen
    FROM branche_vestiging WHERE op_hoofd GROUP BY ALL
)
SELECT w.vestigingsnummer, w.verandering, w.niet_meer_geleverd,
       coalesce(v.naam, o.naam) AS naam, coalesce(v.kvk_nummer, o.kvk_nummer) AS kvk_nummer,
       coalesce(v.sbi_hoofd, o.sbi_hoofd) AS sbi_hoofd,
       coalesce(v.datum_aanvang, o.datum_aanvang) AS datum_aanvang, v.datum_einde,
       coalesce(g.groepen, []) AS groepen, a.vbo AS verblijfsobject_id,
       CASE WHEN coalesce(v.adres_afgeschermd, o.adres_afgeschermd)
            THEN 'adres afgeschermd in het Handelsregister' ELSE a.label END AS adres,
       ab.buurt, ab.buurtnaam,
       ST_X(to_wgs84(a.geom)) AS lon, ST_Y(to_wgs84(a.geom)) AS lat
FROM wissel w
LEFT JOIN vestiging v USING (vestigingsnummer)
LEFT JOIN vorige_vestiging o USING (vestigingsnummer)
LEFT JOIN groepen g USING (vestigingsnummer)
LEFT JOIN adres a ON a.vbo = coalesce(v.verblijfsobject_id, o.verblijfsobject_id)
LEFT JOIN adres_buurt ab ON ab.vbo = a.vbo
WHERE w.verandering IS NOT NULL
ORDER BY w.verandering DESC, ab.buurtnaam NULLS LAST, adres, naam
