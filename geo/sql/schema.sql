-- The snapshot schema. Geometry in RD New (EPSG:28992); identifiers are VARCHAR with leading zeros.

CREATE TABLE meta (
    sleutel VARCHAR PRIMARY KEY,
    waarde  VARCHAR
);

-- What every figure rests on: one row per loaded source.
CREATE TABLE bron (
    bron       VARCHAR PRIMARY KEY,  -- registration name, e.g. 'bag', 'kvk-csv'
    soort      VARCHAR NOT NULL,     -- loader kind, e.g. 'bag-gpkg', 'kvk-file'
    omschrijving VARCHAR,
    peildatum  DATE,
    geladen_op TIMESTAMP,
    rijen      BIGINT,
    bestand    VARCHAR,              -- file name or URL
    checksum   VARCHAR               -- sha256 of the file(s)
);

CREATE TABLE pand (
    identificatie VARCHAR PRIMARY KEY,
    bouwjaar      INTEGER,
    status        VARCHAR,
    gemeentecode  VARCHAR,
    oppervlakte   DOUBLE,            -- footprint area in m2
    geom          GEOMETRY
);

CREATE TABLE verblijfsobject (
    identificatie       VARCHAR PRIMARY KEY,
    pand_identificatie  VARCHAR,
    gebruiksdoelen      VARCHAR[],
    oppervlakte         INTEGER,
    status              VARCHAR,
    openbare_ruimte     VARCHAR,
    huisnummer          INTEGER,
    huisletter          VARCHAR,
    toevoeging          VARCHAR,
    postcode            VARCHAR,
    woonplaats          VARCHAR,
    nummeraanduiding_id VARCHAR,
    bouwjaar            INTEGER,
    gemeentecode        VARCHAR,
    geom                GEOMETRY
);

-- Ligplaatsen (house boats) and standplaatsen (caravan and market pitches): an address on a plot
-- of water or land, not in a pand. geom is the plot; punt a point on it, used where a
-- verblijfsobject's point is (matching, area membership, map points).
CREATE TABLE ligplaats (
    identificatie       VARCHAR PRIMARY KEY,
    status              VARCHAR,
    openbare_ruimte     VARCHAR,
    huisnummer          INTEGER,
    huisletter          VARCHAR,
    toevoeging          VARCHAR,
    postcode            VARCHAR,
    woonplaats          VARCHAR,
    nummeraanduiding_id VARCHAR,
    gemeentecode        VARCHAR,
    geom                GEOMETRY,
    punt                GEOMETRY
);

CREATE TABLE standplaats (
    identificatie       VARCHAR PRIMARY KEY,
    status              VARCHAR,
    openbare_ruimte     VARCHAR,
    huisnummer          INTEGER,
    huisletter          VARCHAR,
    toevoeging          VARCHAR,
    postcode            VARCHAR,
    woonplaats          VARCHAR,
    nummeraanduiding_id VARCHAR,
    gemeentecode        VARCHAR,
    geom                GEOMETRY,
    punt                GEOMETRY
);

-- Nevenadressen: further addresses of a verblijfsobject, ligplaats or standplaats (BAG
-- heeftAlsNevenadres). A company may be registered on one; it then lies in that object.
CREATE TABLE nevenadres (
    nummeraanduiding_id VARCHAR,
    adresseerbaar_id    VARCHAR,
    object_soort        VARCHAR,     -- verblijfsobject | ligplaats | standplaats
    postcode            VARCHAR,
    huisnummer          INTEGER,
    huisletter          VARCHAR,
    toevoeging          VARCHAR,
    openbare_ruimte     VARCHAR,
    woonplaats          VARCHAR,
    PRIMARY KEY (nummeraanduiding_id, adresseerbaar_id)
);

CREATE TABLE vestiging (
    vestigingsnummer   VARCHAR PRIMARY KEY,
    kvk_nummer         VARCHAR,
    naam               VARCHAR,
    handelsnamen       VARCHAR[],
    rechtsvorm         VARCHAR,
    is_hoofdvestiging  BOOLEAN,
    datum_aanvang      DATE,
    datum_einde        DATE,
    werkzame_personen  INTEGER,
    sbi_codes          VARCHAR[],
    sbi_hoofd          VARCHAR,
    sbi_versie         VARCHAR,      -- '2008' or '2025'
    sbi_omschrijving   VARCHAR,      -- description of sbi_hoofd as KVK delivered it
    sbi_onbekend       VARCHAR[],    -- delivered codes in neither official list (or only in the
                                     -- other version): shown as 'SBI onbekend', never dropped
    activiteit         VARCHAR,      -- KVK activity description as delivered
    adres_afgeschermd  BOOLEAN,
    straat             VARCHAR,      -- address fields exactly as delivered
    huisnummer         VARCHAR,
    huisletter         VARCHAR,
    toevoeging         VARCHAR,
    postcode           VARCHAR,
    plaats             VARCHAR,
    bag_id             VARCHAR,      -- BAG id as delivered (vbo or nummeraanduiding)
    bron               VARCHAR,
    verblijfsobject_id VARCHAR,      -- the BAG object matched: see object_soort
    object_soort       VARCHAR,      -- verblijfsobject | ligplaats | standplaats (NULL: none)
    match_methode      VARCHAR,      -- bag_id | adres | coordinaten | geen
    match_score        DOUBLE,
    match_status       VARCHAR,      -- zeker | onzeker | meerdere kandidaten | geen
    geom               GEOMETRY
);

-- The BAG objects the KVK -> BAG match considered for a vestiging (best ten), so the card,
-- Gegevens and downloads can show the candidates of an uncertain match.
CREATE TABLE koppel_kandidaat (
    vestigingsnummer    VARCHAR,
    verblijfsobject_id  VARCHAR,     -- the BAG object (verblijfsobject, ligplaats or standplaats)
    nummeraanduiding_id VARCHAR,     -- the address of it that was found
    adres               VARCHAR,     -- that address as a person reads it
    score               DOUBLE,
    regel               VARCHAR,     -- the rule that found it (koppel_regel_tekst for words)
    rang                INTEGER,
    gekozen             BOOLEAN
);

CREATE TABLE gebied (
    gebied_id  VARCHAR PRIMARY KEY,  -- '<soort>:<bron>:<code>'
    soort      VARCHAR NOT NULL,     -- gemeente | wijk | buurt | postcode (PC4) | bedrijventerrein | eigen
    code       VARCHAR,
    naam       VARCHAR,
    bron       VARCHAR,
    ouder_code VARCHAR,              -- wijkcode of a buurt, gemeentecode of a wijk
    inwoners   INTEGER,              -- NULL when unknown (CBS negative codes)
    oppervlakte_ha DOUBLE,
    geom       GEOMETRY
);

-- Which area each verblijfsobject, ligplaats and standplaats lies in (precomputed once per
-- build; verblijfsobject_id holds the id of any of the three, as vestiging.verblijfsobject_id).
CREATE TABLE gebied_lid (
    gebied_id          VARCHAR,
    verblijfsobject_id VARCHAR
);

-- Which area each located vestiging lies in (by vestiging.geom, precomputed once per build): the
-- base of the concentration per buurt, wijk or bedrijventerrein.
CREATE TABLE vestiging_gebied (
    gebied_id        VARCHAR,
    vestigingsnummer VARCHAR
);

-- RDW erkende bedrijven (datasets 5k74-3jha + nmwb-dqkz joined on volgnummer), matched to BAG.
CREATE TABLE rdw_bedrijf (
    volgnummer         VARCHAR PRIMARY KEY,
    naam_bedrijf       VARCHAR,
    gevelnaam          VARCHAR,
    straat             VARCHAR,
    huisnummer         VARCHAR,
    toevoeging         VARCHAR,
    postcode           VARCHAR,
    plaats             VARCHAR,
    erkenningen        VARCHAR[],
    verblijfsobject_id VARCHAR,
    match_methode      VARCHAR,
    match_score        DOUBLE,
    geom               GEOMETRY
);

-- KVK's official SBI 2008 and SBI 2025 lists (data/sbi, geo/sbi_lijst.py): every code with its
-- official description; betekenis 'gelijk'/'anders' for a code in both lists (same or other
-- description). Every delivered code is looked up here, and every node of the SBI tree is named.
CREATE TABLE sbi_lijst (
    versie       VARCHAR,
    code         VARCHAR,
    niveau       VARCHAR,        -- sectie | afdeling | groep | klasse | subklasse
    ouder        VARCHAR,
    omschrijving VARCHAR,
    betekenis    VARCHAR,
    PRIMARY KEY (versie, code)
);

-- SBI codes with their descriptions: the codes in use in this snapshot with their official
-- description (bron 'kvk'), or a whole list (bron 'lijst'); the selection tree is built from them.
CREATE TABLE sbi_code (
    versie       VARCHAR,
    code         VARCHAR,
    omschrijving VARCHAR,
    bron         VARCHAR,        -- 'lijst' or 'kvk'
    PRIMARY KEY (versie, code)
);

-- What a build noticed but did not refuse: one row per affected record, so the summary (counts
-- per source and kind, in `zicht status` and on Gegevens) and the downloadable list come from one
-- place. Nothing is ever dropped without a row here.
CREATE TABLE waarschuwing (
    bron        VARCHAR,             -- registration name of the source ('' for the build itself)
    soort       VARCHAR NOT NULL,    -- e.g. sbi_onbekend | dubbel | koppeling_onzeker | bag_id_onbekend
    sleutel     VARCHAR,             -- the record concerned (vestigingsnummer, BAG id, …)
    rij         BIGINT,              -- row in the source file, when known
    veld        VARCHAR,             -- field concerned, when one
    waarde      VARCHAR,             -- the value as delivered
    toelichting VARCHAR              -- in Dutch, for the user
);
