-- Address normalisation: the one place that decides when two ways of writing an address agree.
-- Postcode: upper case, no spaces. Suffix: huisletter + toevoeging (+ anything after the
-- huisnummer) as letters and digits only, so '12 A', '12a', 'A' + '' and '' + '-A' all agree.
CREATE OR REPLACE TEMP MACRO norm_postcode(p) AS
    nullif(upper(regexp_replace(coalesce(p, ''), '\s', '', 'g')), '');
CREATE OR REPLACE TEMP MACRO norm_suffix(s) AS
    upper(regexp_replace(coalesce(s, ''), '[^0-9A-Za-z]', '', 'g'));
CREATE OR REPLACE TEMP MACRO norm_straat(s) AS
    nullif(regexp_replace(lower(strip_accents(coalesce(s, ''))), '[^a-z0-9]', '', 'g'), '');
CREATE OR REPLACE TEMP MACRO huisnummer_getal(h) AS
    try_cast(regexp_extract(coalesce(h, ''), '^\s*(\d+)', 1) AS INTEGER);
CREATE OR REPLACE TEMP MACRO huisnummer_rest(h) AS
    regexp_extract(coalesce(h, ''), '^\s*\d+(.*)$', 1);

-- Every current address in BAG, normalised once.
CREATE OR REPLACE TEMP TABLE bag_adres AS
SELECT identificatie AS vbo, nummeraanduiding_id, postcode AS pc, huisnummer AS nr,
       norm_suffix(coalesce(huisletter, '') || coalesce(toevoeging, '')) AS sfx,
       norm_straat(openbare_ruimte) AS straat, lower(woonplaats) AS plaats, geom
FROM verblijfsobject;
