-- The case store: one encrypted DuckDB file, attached as catalog `cases`.
-- No foreign keys (DuckDB cannot cascade deletes); workflow and retention keep children consistent.
-- Every table that holds case content carries casus_id, so retention can destroy it all.

CREATE TABLE IF NOT EXISTS meta (
    sleutel VARCHAR PRIMARY KEY,
    waarde  VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS audit_anker (   -- last audit line seen by this store (see cases.audit)
    id   INTEGER PRIMARY KEY,
    seq  BIGINT NOT NULL,
    hash VARCHAR NOT NULL,
    tijd TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS gebruiker (
    gebruikersnaam    VARCHAR PRIMARY KEY,
    weergavenaam      VARCHAR NOT NULL,
    email             VARCHAR,             -- lower case; the OIDC identity maps onto it
    wachtwoord_hash   VARCHAR,             -- argon2id; NULL = only OIDC login
    actief            BOOLEAN NOT NULL,
    is_demo           BOOLEAN NOT NULL,
    mislukte_pogingen INTEGER NOT NULL,
    geblokkeerd_tot   TIMESTAMP,
    aangemaakt_op     TIMESTAMP NOT NULL,
    aangemaakt_door   VARCHAR NOT NULL,
    gewijzigd_op      TIMESTAMP NOT NULL,
    gewijzigd_door    VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS gebruiker_rol (
    gebruikersnaam VARCHAR NOT NULL,
    rol            VARCHAR NOT NULL,
    PRIMARY KEY (gebruikersnaam, rol)
);

CREATE TABLE IF NOT EXISTS gebruiker_datarol (
    gebruikersnaam VARCHAR NOT NULL,
    thema          VARCHAR NOT NULL,
    PRIMARY KEY (gebruikersnaam, thema)
);

-- Map rights per datarol (cases/kaartrollen.py): which branch groups (soort 'groep'), map layers
-- ('laag') and signals ('signaal') a theme shows on the map. Used only while the setting
-- kaartrollen_aan (meta) is '1'; no rows for a theme then means that theme shows nothing.
CREATE TABLE IF NOT EXISTS kaartrol (
    thema  VARCHAR NOT NULL,
    soort  VARCHAR NOT NULL,
    waarde VARCHAR NOT NULL,
    PRIMARY KEY (thema, soort, waarde)
);

CREATE TABLE IF NOT EXISTS casus (
    id                  VARCHAR PRIMARY KEY,   -- random (uuid4): not guessable, not a count
    casusnummer         VARCHAR NOT NULL UNIQUE, -- per theme and year, e.g. DR-2026-0007
    thema               VARCHAR NOT NULL,
    status              VARCHAR NOT NULL,
    versie              INTEGER NOT NULL,
    titel               VARCHAR NOT NULL,
    bron                VARCHAR NOT NULL,
    bron_toelichting    VARCHAR,
    signaal_datum       DATE NOT NULL,
    omschrijving        VARCHAR NOT NULL,
    is_ondermijning     BOOLEAN,
    rol_gemeente        BOOLEAN,
    eigen_grondgebied   BOOLEAN,
    zwaarte             VARCHAR,
    weging_toelichting  VARCHAR,
    route               VARCHAR,
    hypothese           VARCHAR,
    doel                VARCHAR,
    strategie           VARCHAR,
    interventieplan     VARCHAR,
    besluit             VARCHAR,
    monitoring_tot      DATE,
    einddatum           DATE,
    bewaartermijn_jaren INTEGER,
    vernietigen_op      DATE,
    eigenaar            VARCHAR NOT NULL,
    aangemaakt_op       TIMESTAMP NOT NULL,
    aangemaakt_door     VARCHAR NOT NULL,
    gewijzigd_op        TIMESTAMP NOT NULL,
    gewijzigd_door      VARCHAR NOT NULL,
    -- an archived case always has its einddatum and destruction date: retention depends on it
    CHECK (status <> 'archief' OR (einddatum IS NOT NULL AND vernietigen_op IS NOT NULL))
);

CREATE TABLE IF NOT EXISTS koppeling (     -- ZGW ZaakObject
    id             VARCHAR PRIMARY KEY,
    casus_id       VARCHAR NOT NULL,
    object_type    VARCHAR NOT NULL,
    object_id      VARCHAR NOT NULL,
    omschrijving   VARCHAR,
    buurtcode      VARCHAR,                -- CBS buurt of the object, for aggregate counts
    gekoppeld_op   TIMESTAMP NOT NULL,
    gekoppeld_door VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS notitie (
    id              VARCHAR PRIMARY KEY,
    casus_id        VARCHAR NOT NULL,
    tekst           VARCHAR NOT NULL,
    aangemaakt_op   TIMESTAMP NOT NULL,
    aangemaakt_door VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS bronraadpleging (
    id                VARCHAR PRIMARY KEY,
    casus_id          VARCHAR NOT NULL,
    bron              VARCHAR NOT NULL,
    toelichting       VARCHAR NOT NULL,
    geraadpleegd_op   DATE NOT NULL,
    geraadpleegd_door VARCHAR NOT NULL,
    vastgelegd_op     TIMESTAMP NOT NULL,
    vastgelegd_door   VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS interventie (
    id              VARCHAR PRIMARY KEY,
    casus_id        VARCHAR NOT NULL,
    soort           VARCHAR NOT NULL,
    omschrijving    VARCHAR NOT NULL,
    partij          VARCHAR NOT NULL,
    datum           DATE NOT NULL,
    resultaat       VARCHAR,
    vastgelegd_op   TIMESTAMP NOT NULL,
    vastgelegd_door VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS gebeurtenis (   -- case history: who changed what, when
    casus_id    VARCHAR NOT NULL,
    versie      INTEGER NOT NULL,
    actie       VARCHAR NOT NULL,
    van_status  VARCHAR,
    naar_status VARCHAR,
    velden      VARCHAR[] NOT NULL,
    toelichting VARCHAR,
    tijd        TIMESTAMP NOT NULL,
    gebruiker   VARCHAR NOT NULL
);

-- Proof of destruction, and all that is left of a destroyed case: its number, when, by whom and on
-- which ground. No internal id, theme or other case data (issue 12: retention).
CREATE TABLE IF NOT EXISTS vernietiging (
    casusnummer     VARCHAR NOT NULL,
    vernietigd_op   TIMESTAMP NOT NULL,
    uitgevoerd_door VARCHAR NOT NULL,
    grondslag       VARCHAR NOT NULL
);

-- The ground of a destruction in words, fixed when the case is destroyed.
CREATE OR REPLACE MACRO vernietiging_grondslag(jaren, einddatum) AS
    'bewaartermijn van ' || jaren || ' jaar na afronding op ' || strftime(einddatum, '%d-%m-%Y')
    || ' verstreken';

-- The one definition of "which themes may this user see": the user's datarollen, while active.
-- Every query that returns case content filters on it (cases.access).
CREATE OR REPLACE MACRO zichtbare_themas(naam) AS TABLE
    SELECT d.thema
    FROM gebruiker_datarol d JOIN gebruiker g USING (gebruikersnaam)
    WHERE d.gebruikersnaam = naam AND g.actief;

-- Version of this schema: a new store starts at the latest, an older one is migrated (Store._migrate).
INSERT OR IGNORE INTO meta (sleutel, waarde) VALUES ('schema_versie', '3');
