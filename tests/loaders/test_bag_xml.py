"""LVBAG XML extract (BAG 2.0): real deliveries from ../shared/fixtures/bag, history, and precise errors.

The expected counts were established independently of the loader: a regex count over the raw XML
text (no XML parser) of each part, splitting on <Objecten:Pand>…</Objecten:Pand> (etc.), taking the
voorkomens without eindGeldigheid/tijdstipInactief and dropping the statuses bag_vervallen() names;
areas were recomputed with shapely from the posList text.
"""

from __future__ import annotations

import io
import zipfile

import pytest

from geo.db import connect
from geo.sqlfiles import run_script
from loaders.bag import xml_extract as bag_xml
from loaders.bag.xml_extract import SQL
from loaders.errors import InvoerFout
from tests.conftest import shared_file

KLEIN = ("fixtures", "bag", "BAGNLDL-15092020-small.zip")
DOESBURG = ("fixtures", "bag", "0221PND15092020-doesburg-panden.zip")
# Doesburg: 13,098 pand voorkomens of 7,797 panden; 7,797 current voorkomens (one per pand), of
# which 389 'Pand gesloopt', 12 'Niet gerealiseerd pand', 1 'Pand ten onrechte opgevoerd' -> 7,395.
DOESBURG_PANDEN = 7395
DOESBURG_OPPERVLAKTE = 633_474.646  # m2, sum over those 7,395 footprints (shapely on the posList text)
DOESBURG_MET_GAT = 5                # current footprints with an interior ring
DOESBURG_ANDERE_GEMEENTE = 2        # 0299100000418719 and 1876100000009827 lie in the Doesburg file


@pytest.fixture
def con():
    c = connect()
    run_script(c, "schema")
    run_script(c, "bag_status", SQL)
    yield c
    c.close()


def rows(con, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


# --- the real small national delivery (nested zips) -------------------------------------------

def test_national_delivery_loads_current_verblijfsobjecten_with_their_address(con):
    # VBO part: 5 voorkomens of 2 objects, 1 current voorkomen each, statuses kept. Their hoofdadres
    # 0221200000330227 (current v1: Kosterstraat 4, 6981CH) and 0221200000330229 (current v3: 9l,
    # no postcode in v3; v1 '9b 6981EA' and v2 '9l 6981EA' are history), street via OPR, Doesburg via WPL.
    # load returns every BAG object delivered: 2 panden, 2 vbo, 2 ligplaatsen, 2 standplaatsen.
    assert bag_xml.load(con, shared_file(*KLEIN)) == 8
    assert rows(con, "SELECT identificatie, pand_identificatie, gebruiksdoelen, oppervlakte, status, "
                     "openbare_ruimte, huisnummer, huisletter, toevoeging, postcode, woonplaats, "
                     "nummeraanduiding_id, bouwjaar, gemeentecode, ST_AsText(geom) "
                     "FROM verblijfsobject ORDER BY identificatie") == [
        ("0221010000330226", "0221100000312938", ["woonfunctie"], 223, "Verbouwing verblijfsobject",
         "Kosterstraat", 4, None, None, "6981CH", "Doesburg", "0221200000330227", 1585, "0221",
         "POINT (206335.699 447529.842)"),
        ("0221010000330999", "0221100000311191", ["overige gebruiksfunctie"], 18,
         "Verblijfsobject in gebruik", "Schout bij Nacht Doormansingel", 9, "l", None, None, "Doesburg",
         "0221200000330229", 1992, "0221", "POINT (206289.487 447359.374)"),
    ]
    # PND part: 6 voorkomens of 2 panden; current are v4 (bouwjaar 1585) and v2 (1992).
    assert rows(con, "SELECT identificatie, bouwjaar, status, gemeentecode FROM pand ORDER BY 1") == [
        ("0221100000311191", 1992, "Pand in gebruik", "0221"),
        ("0221100000312938", 1585, "Pand in gebruik", "0221"),
    ]
    assert rows(con, "SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'bag_xml%'") == [(0,)]


def test_history_keeps_only_the_current_voorkomen_of_each_object(con):
    bag_xml.load(con, shared_file(*KLEIN))
    # pand 0221100000312938: v1–v3 ended, v4 current with a new footprint of 186.75 m2
    # (independently: shapely area of v4's posList). v1 carried bouwjaar 9999.
    assert rows(con, "SELECT count(*), round(any_value(oppervlakte), 2), any_value(bouwjaar) FROM pand "
                     "WHERE identificatie = '0221100000312938'") == [(1, 186.75, 1585)]
    # vbo 0221010000330226: v1 306 m2 … v4 223 m2 'Verbouwing verblijfsobject'
    assert rows(con, "SELECT count(*), any_value(oppervlakte) FROM verblijfsobject "
                     "WHERE identificatie = '0221010000330226'") == [(1, 223)]


def test_gemeente_keeps_addresses_in_its_woonplaatsen_and_refuses_an_absent_one(con):
    # GEM-WPL-RELATIE: woonplaats 2142 (Doesburg) belongs to 0221 since 2010-12-16.
    assert bag_xml.load(con, shared_file(*KLEIN), gemeente="0221") == 8
    assert rows(con, "SELECT count(*) FROM verblijfsobject") == [(2,)]
    with pytest.raises(InvoerFout) as fout:
        bag_xml.load(con, shared_file(*KLEIN), gemeente="0363")
    assert fout.value.veld == "gemeente" and "0363" in str(fout.value)


# --- the real Doesburg panden zip (two XML parts, history) ------------------------------------

def test_doesburg_panden_zip_loads_every_current_pand_once_with_rd_footprint_and_bouwjaar(con):
    # A panden-only extract delivers panden: that is what it counts (not 0 verblijfsobjecten).
    assert bag_xml.load(con, shared_file(*DOESBURG)) == DOESBURG_PANDEN
    (n, uniek, zonder_bouwjaar, xmin, xmax, ymin, ymax, opp, gat, ongeldig, status), = rows(con, """
        SELECT count(*), count(DISTINCT identificatie), count(*) FILTER (bouwjaar IS NULL),
               min(ST_XMin(geom)), max(ST_XMax(geom)), min(ST_YMin(geom)), max(ST_YMax(geom)),
               sum(oppervlakte), count(*) FILTER (ST_NumInteriorRings(geom) > 0),
               count(*) FILTER (NOT ST_IsValid(geom)), count(*) FILTER (bag_vervallen(status))
        FROM pand""")
    assert (n, uniek) == (DOESBURG_PANDEN, DOESBURG_PANDEN)
    assert zonder_bouwjaar == 0 and ongeldig == 0 and status == 0
    assert 204_000 < xmin < xmax < 210_000 and 445_000 < ymin < ymax < 451_000  # Doesburg in RD New
    assert opp == pytest.approx(DOESBURG_OPPERVLAKTE, abs=0.01)
    assert gat == DOESBURG_MET_GAT
    assert rows(con, "SELECT bouwjaar FROM pand WHERE identificatie = '0221100000311191'") == [(1992,)]


def test_gemeente_keeps_panden_by_identificatie_when_there_is_no_address_data(con):
    assert bag_xml.load(con, shared_file(*DOESBURG), gemeente="GM0221") == (
        DOESBURG_PANDEN - DOESBURG_ANDERE_GEMEENTE)
    assert rows(con, "SELECT count(*), min(gemeentecode), max(gemeentecode) FROM pand") == [
        (DOESBURG_PANDEN - DOESBURG_ANDERE_GEMEENTE, "0221", "0221")]


# --- refused input ------------------------------------------------------------------------------

def test_invalid_gml_is_refused_in_strict_mode_naming_file_object_and_field(con):
    with pytest.raises(InvoerFout) as fout:
        bag_xml.load(con, shared_file("fixtures", "bag", "pand-gml-bad.xml"), streng=True)
    e = fout.value
    assert (e.bestand, e.rij, e.veld) == ("pand-gml-bad.xml", 1, "geometrie")
    assert "Pand 0147100000016964 (voorkomen 4, historisch)" in e.melding
    assert "snijdt zichzelf" in e.melding and "247452.489 480187.305" in e.melding
    assert rows(con, "SELECT count(*) FROM pand") == [(0,)]
    assert rows(con, "SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'bag_xml%'") == [(0,)]


def test_invalid_footprint_in_history_is_skipped_by_default_not_loaded_and_not_fatal(con):
    # The file's only voorkomen ended in 2019: it is history, so nothing is loaded and the load
    # of the rest of a (national) extract is not blocked by it.
    bag_xml.load(con, shared_file("fixtures", "bag", "pand-gml-bad.xml"))
    assert rows(con, "SELECT count(*) FROM pand") == [(0,)]


@pytest.mark.parametrize("naam, inhoud, verwacht", [
    ("bag.zip", b"PK\x03\x04 this is no zip at all" * 50, "geen leesbaar zip-bestand"),
    ("bag.bin", bytes(range(256)) * 8, "geen zip- of XML-bestand"),
    ("bag.xml", b"<?xml version='1.0'?><a><b></a>", "geen geldige XML op regel 1"),
])
def test_garbage_is_refused(con, tmp_path, naam, inhoud, verwacht):
    (tmp_path / naam).write_bytes(inhoud)
    with pytest.raises(InvoerFout, match=verwacht) as fout:
        bag_xml.load(con, tmp_path / naam)
    assert fout.value.bestand == naam


def test_truncated_download_is_refused(con, tmp_path):
    kapot = tmp_path / "0221PND15092020.zip"
    kapot.write_bytes(shared_file(*DOESBURG).read_bytes()[:300_000])
    with pytest.raises(InvoerFout, match="geen leesbaar zip-bestand"):
        bag_xml.load(con, kapot)


def test_zip_without_vbo_or_pnd_part_is_refused(con, tmp_path):
    pad = tmp_path / "levering.zip"
    with zipfile.ZipFile(pad, "w") as z:
        z.writestr("Leveringsdocument-BAG-Extract.xml", "<levering/>")
        z.writestr("9999InOnderzoek15092020.zip", _zip({"0221IOPND15092020.xml": "<x/>"}))
    with pytest.raises(InvoerFout, match=r"geen verblijfsobject- \(VBO\) of pand-deel \(PND\)"):
        bag_xml.load(con, pad)


@pytest.mark.parametrize("methode", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_error_names_the_member_path_inside_nested_zips(con, tmp_path, methode):
    goed = _stand(_pand("0221100000000001", 1))
    fout = _stand(_pand("0221100000000002", 1, ring="0 0 0 10 0 0 10 10 0 0 10 0"))  # not closed
    pad = tmp_path / "BAGNLDL-01012024.zip"
    with zipfile.ZipFile(pad, "w") as z:
        z.writestr(zipfile.ZipInfo("9999PND01012024.zip"), _zip({
            "0221PND01012024-000001.xml": goed, "0221PND01012024-000002.xml": fout}), methode)
    with pytest.raises(InvoerFout) as e:
        bag_xml.load(con, pad)
    assert e.value.bestand == "BAGNLDL-01012024.zip/9999PND01012024.zip/0221PND01012024-000002.xml"
    assert (e.value.rij, e.value.veld) == (1, "geometrie")
    assert "Pand 0221100000000002 (voorkomen 1)" in e.value.melding and "niet gesloten" in e.value.melding


# --- history rules and namespaces on hand-written parts ---------------------------------------

def test_several_current_voorkomens_keep_the_highest_and_inactive_ones_are_history(con, tmp_path):
    (tmp_path / "0221PND01012024-000001.xml").write_text(_stand(
        _pand("0221100000000001", 1, bouwjaar=1900),
        _pand("0221100000000001", 3, bouwjaar=1930),            # two current: highest wins
        _pand("0221100000000001", 2, bouwjaar=1920),
        _pand("0221100000000002", 1, bouwjaar=1950),
        _pand("0221100000000002", 2, bouwjaar=1960, inactief=True),  # inactive: not current
        _pand("0221100000000003", 1, bouwjaar=1970, status="Pand gesloopt"),
    ), encoding="utf-8")
    assert bag_xml.load(con, tmp_path) == 2
    assert rows(con, "SELECT identificatie, bouwjaar, oppervlakte FROM pand ORDER BY 1") == [
        ("0221100000000001", 1930, 64.0), ("0221100000000002", 1950, 64.0)]


def test_elements_are_matched_by_namespace_not_by_prefix(con, tmp_path):
    # Other prefixes than Kadaster's (O:, H:, g:), and a hole in the footprint.
    gat = "2 2 0 2 4 0 4 4 0 4 2 0 2 2 0"
    (tmp_path / "pand.xml").write_text(_stand(_pand("0221100000000009", 1, gat=gat)), encoding="utf-8")
    assert bag_xml.load(con, tmp_path / "pand.xml") == 1
    assert rows(con, "SELECT identificatie, oppervlakte, ST_NumInteriorRings(geom) FROM pand") == [
        ("0221100000000009", 60.0, 1)]


_NS = ('xmlns:sl-bag-extract="http://www.kadaster.nl/schemas/lvbag/extract-deelbestand-lvc/v20200601" '
       'xmlns:sl="http://www.kadaster.nl/schemas/standlevering-generiek/1.0" '
       'xmlns:O="www.kadaster.nl/schemas/lvbag/imbag/objecten/v20200601" '
       'xmlns:H="www.kadaster.nl/schemas/lvbag/imbag/historie/v20200601" '
       'xmlns:g="http://www.opengis.net/gml/3.2"')
_VIERKANT = "0 0 0 8 0 0 8 8 0 0 8 0 0 0 0"


def _stand(*objecten: str) -> str:
    stand = "".join(f"<sl:stand><sl-bag-extract:bagObject>{o}</sl-bag-extract:bagObject></sl:stand>"
                    for o in objecten)
    return (f'<?xml version="1.0" encoding="UTF-8"?><sl-bag-extract:bagStand {_NS}>'
            f"<sl:standBestand>{stand}</sl:standBestand></sl-bag-extract:bagStand>")


def _pand(ident: str, voorkomen: int, bouwjaar: int = 2000, status: str = "Pand in gebruik",
          ring: str = _VIERKANT, gat: str | None = None, inactief: bool = False) -> str:
    binnen = (f"<g:interior><g:LinearRing><g:posList>{gat}</g:posList></g:LinearRing></g:interior>"
              if gat else "")
    extra = "<H:tijdstipInactief>2020-01-01T00:00:00.000</H:tijdstipInactief>" if inactief else ""
    return (f"<O:Pand><O:identificatie>{ident}</O:identificatie><O:geometrie>"
            f'<g:Polygon srsDimension="3"><g:exterior><g:LinearRing><g:posList>{ring}</g:posList>'
            f"</g:LinearRing></g:exterior>{binnen}</g:Polygon></O:geometrie>"
            f"<O:oorspronkelijkBouwjaar>{bouwjaar}</O:oorspronkelijkBouwjaar><O:status>{status}</O:status>"
            f"<O:voorkomen><H:Voorkomen><H:voorkomenidentificatie>{voorkomen}</H:voorkomenidentificatie>"
            f"<H:beginGeldigheid>2010-01-01</H:beginGeldigheid>{extra}</H:Voorkomen></O:voorkomen></O:Pand>")


def _zip(leden: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for naam, tekst in leden.items():
            z.writestr(naam, tekst)
    return buf.getvalue()
