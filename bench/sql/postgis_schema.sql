-- Peer (b): the analyst's PostGIS database. UNLOGGED staging tables, loaded with COPY.
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE UNLOGGED TABLE vbo (
    identificatie text, nummeraanduiding_id text, postcode text, huisnummer integer,
    huisletter text, toevoeging text, pand_identificatie text, status text,
    geom geometry(Point, 28992));
CREATE UNLOGGED TABLE pand (
    identificatie text, bouwjaar integer, status text, geom geometry(Geometry, 28992));
CREATE UNLOGGED TABLE buurt (buurtcode text, geom geometry(Geometry, 4326));
CREATE UNLOGGED TABLE kvk_ruw (
    numid text, straat text, huisnummer text, huisletter text, huisnummertoevoeging text,
    postcode text, gemeentenaam text, gebruiksdoelen text, oppervlakte text,
    pand_bouwjaar text, handelsnaam text, kvk_nummer text, activiteit text, sbi_code text,
    sbi_hoofd text, sbi_omschrijving text, sbi_neven1 text, sbi_omschrijving1 text,
    sbi_neven2 text, sbi_omschrijving2 text, rechtsvorm text, datum_inschrijving_onderneming text,
    datum_uitschrijving_onderneming text, vestigingsnummer text,
    datum_inschrijving_vestiging text, datum_uitschrijving_vestiging text, hoofdvestiging text);
