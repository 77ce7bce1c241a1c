-- KVK -> BAG the analyst's way: one row per vestiging, by BAG numid, then postcode + huisnummer
-- + huisletter/toevoeging (normalised), unmatched rows kept without a point.
CREATE UNLOGGED TABLE kvk AS
SELECT DISTINCT ON (vestigingsnummer)
       vestigingsnummer, nullif(numid, '') AS numid,
       upper(replace(postcode, ' ', '')) AS pc,
       nullif(substring(huisnummer from '^\s*(\d+)'), '')::integer AS nr,
       upper(regexp_replace(coalesce(huisletter, '') || coalesce(huisnummertoevoeging, ''),
                            '[^0-9A-Za-z]', '', 'g')) AS sfx,
       to_date(nullif(datum_inschrijving_vestiging, ''), 'DD-MM-YYYY') AS aanvang,
       to_date(nullif(datum_uitschrijving_vestiging, ''), 'DD-MM-YYYY') AS einde
FROM kvk_ruw
ORDER BY vestigingsnummer;

CREATE UNLOGGED TABLE bag_adres AS
SELECT identificatie AS vbo, nummeraanduiding_id AS numid, postcode AS pc, huisnummer AS nr,
       upper(regexp_replace(coalesce(huisletter, '') || coalesce(toevoeging, ''),
                            '[^0-9A-Za-z]', '', 'g')) AS sfx, geom
FROM vbo;

CREATE UNLOGGED TABLE vestiging AS
WITH op_id AS (
    SELECT DISTINCT ON (k.vestigingsnummer) k.vestigingsnummer, b.vbo, b.geom
    FROM kvk k JOIN bag_adres b ON b.numid = k.numid
    ORDER BY k.vestigingsnummer, b.vbo
),
op_adres AS (
    SELECT DISTINCT ON (k.vestigingsnummer) k.vestigingsnummer, b.vbo, b.geom
    FROM kvk k JOIN bag_adres b ON b.pc = k.pc AND b.nr = k.nr AND b.sfx = k.sfx
    WHERE NOT EXISTS (SELECT 1 FROM op_id i WHERE i.vestigingsnummer = k.vestigingsnummer)
    ORDER BY k.vestigingsnummer, b.vbo
),
gekoppeld AS (SELECT * FROM op_id UNION ALL SELECT * FROM op_adres)
SELECT k.*, g.vbo, g.geom
FROM kvk k LEFT JOIN gekoppeld g USING (vestigingsnummer);

CREATE INDEX ON vestiging USING gist (geom);
ANALYZE vestiging;
