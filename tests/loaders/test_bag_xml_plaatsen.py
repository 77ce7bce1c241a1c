"""Ligplaatsen, standplaatsen and nevenadressen from the real LVBAG small delivery, through the
loader and through the whole pipeline (a vestiging on such an address is matched to its object);
a BAG 1.0 extract is refused by name.

Counts established by reading the raw XML parts of ../shared/fixtures/bag/BAGNLDL-15092020-small.zip:
- LIG: 2 ligplaatsen, one voorkomen each, current, 'Plaats aangewezen' (0221020000330152 with
  hoofdadres 0221200000330151 = Koppenberch 2, 6982CZ; 0221020000330154 with 0221200000330153).
  The nevenadressen of 0221020000330152 are inside an XML comment: none.
- STA: 2 standplaatsen (0221030000330172, 0221030000330174); the second names nevenadressen
  0221200000330998 and 0221200000330999.
- VBO: 0221010000330999 (current voorkomen 1) names the same two as nevenadressen.
- NUM (14 voorkomens): the current voorkomen of 0221200000330998 is v3 (Schout bij Nacht
  Doormansingel 9x, no postcode, typeAdresseerbaarObject Verblijfsobject), of 0221200000330999
  v3 (9y, idem). So both are nevenadressen of the verblijfsobject; the standplaats's claim on
  them contradicts the nummeraanduiding and is reported (2 waarschuwingen), not used.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile

import pytest

from geo import snapshots
from geo.db import connect
from geo.sqlfiles import run_script
from loaders.bag import xml_extract as bag_xml
from loaders.bag.xml_extract import SQL
from loaders.bag.xml_parse import BAG10_MELDING
from loaders.errors import InvoerFout
from loaders.sources import read_register
from tests.conftest import shared_file

KLEIN = ("fixtures", "bag", "BAGNLDL-15092020-small.zip")
VBO_NEVEN = "0221010000330999"
LIG = "0221020000330152"


@pytest.fixture
def con():
    c = connect()
    run_script(c, "schema")
    run_script(c, "bag_status", SQL)
    yield c
    c.close()


def rows(con, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def test_small_delivery_loads_two_ligplaatsen_and_two_standplaatsen_with_address_and_plot(con):
    bag_xml.load(con, shared_file(*KLEIN))
    assert rows(con, "SELECT identificatie, status, openbare_ruimte, huisnummer, postcode, "
                     "woonplaats, nummeraanduiding_id, ST_GeometryType(geom), "
                     "ST_Contains(geom, punt) FROM ligplaats ORDER BY 1") == [
        ("0221020000330152", "Plaats aangewezen", "Koppenberch", 2, "6982CZ", "Doesburg",
         "0221200000330151", "POLYGON", True),
        ("0221020000330154", "Plaats aangewezen", "Koppenberch", 20, "6982CZ", "Doesburg",
         "0221200000330153", "POLYGON", True),
    ]
    assert rows(con, "SELECT identificatie, huisnummer, postcode, nummeraanduiding_id "
                     "FROM standplaats ORDER BY 1") == [
        ("0221030000330172", 1, "6981ED", "0221200000330171"),
        ("0221030000330174", 4, "6981ED", "0221200000330173"),
    ]


def test_nevenadressen_follow_the_nummeraanduiding_and_a_contradicting_claim_is_reported(con):
    bag_xml.load(con, shared_file(*KLEIN))
    assert rows(con, "SELECT nummeraanduiding_id, adresseerbaar_id, object_soort, openbare_ruimte,"
                     " huisnummer, huisletter, postcode FROM nevenadres ORDER BY 1") == [
        ("0221200000330998", VBO_NEVEN, "verblijfsobject", "Schout bij Nacht Doormansingel", 9,
         "x", None),
        ("0221200000330999", VBO_NEVEN, "verblijfsobject", "Schout bij Nacht Doormansingel", 9,
         "y", None),
    ]
    assert rows(con, "SELECT soort, sleutel, waarde FROM waarschuwing ORDER BY sleutel") == [
        ("nevenadres_tegenstrijdig", "0221200000330998", "0221030000330174"),
        ("nevenadres_tegenstrijdig", "0221200000330999", "0221030000330174"),
    ]


# --- BAG 1.0 ------------------------------------------------------------------------------------

BAG10 = """<?xml version="1.0" encoding="UTF-8"?>
<xb:BAG-Extract-Deelbestand-LVC
  xmlns:xb="http://www.kadaster.nl/schemas/bag-verstrekkingen/extract-deelbestand-lvc/v20090901"
  xmlns:bag_LVC="http://www.kadaster.nl/schemas/imbag/lvc/v20090901"
  xmlns:product_LVC="http://www.kadaster.nl/schemas/bag-verstrekkingen/extract-producten-lvc/v20090901"
  xmlns:gml="http://www.opengis.net/gml">
 <xb:antwoord><xb:producten><product_LVC:LVC-product>
  <bag_LVC:Verblijfsobject>
   <bag_LVC:identificatie>9999010000000001</bag_LVC:identificatie>
   <bag_LVC:aanduidingRecordInactief>N</bag_LVC:aanduidingRecordInactief>
   <bag_LVC:verblijfsobjectStatus>Verblijfsobject in gebruik</bag_LVC:verblijfsobjectStatus>
  </bag_LVC:Verblijfsobject>
 </product_LVC:LVC-product></xb:producten></xb:antwoord>
</xb:BAG-Extract-Deelbestand-LVC>
"""


def _bag10_zip(tmp_path):
    """A BAG 1.0 delivery in its real layout: 9999VBO08112011.zip inside the delivery zip."""
    binnen = io.BytesIO()
    with zipfile.ZipFile(binnen, "w") as z:
        z.writestr("9999VBO08112011-000001.xml", BAG10)
    pad = tmp_path / "DNLDLXEE02-9999-08112011.zip"
    with zipfile.ZipFile(pad, "w") as z:
        z.writestr("9999VBO08112011.zip", binnen.getvalue())
    return pad


def test_bag_10_extract_is_refused_with_the_format_and_the_file_named(con, tmp_path):
    with pytest.raises(InvoerFout) as fout:
        bag_xml.load(con, _bag10_zip(tmp_path))
    assert BAG10_MELDING in str(fout.value)
    assert fout.value.bestand.endswith("9999VBO08112011.zip/9999VBO08112011-000001.xml")
    assert rows(con, "SELECT count(*) FROM verblijfsobject") == [(0,)]


def test_bag_10_file_is_refused_by_zicht_load_and_nothing_is_registered(tmp_path):
    los = tmp_path / "vbo.xml"  # a loose part whose name does not tell its type
    los.write_text(BAG10, encoding="utf-8")
    data = tmp_path / "data"
    for pad in (_bag10_zip(tmp_path), los):
        # a BAG 1.0 delivery has no LVBAG Leveringsdocument: the peildatum must be given
        uit = zicht(data, "load", "bag-xml", str(pad), "--peildatum", "2011-11-08")
        assert uit.returncode != 0
        assert BAG10_MELDING in uit.stderr and pad.name in uit.stderr
        assert "Traceback" not in uit.stderr
    assert read_register(data) == []


# --- through the whole pipeline ----------------------------------------------------------------

KVK_HEADER = ("BAG numid;straat;huisnummer;huisletter;huisnummertoevoeging;postcode;gemeentenaam;"
              "KVK_Handelsnaam;KVK_Nummer;KVK_SBI_code;KVK_SBI_code_hoofdactiviteit;KVK_Rechtsvorm;"
              "KVK_Vestigingsnummer;KVK_Datum_inschrijving_vestiging;"
              "KVK_Datum_uitschrijving_vestiging;KVK_Indicatiehoofdvestiging")
KVK_ROWS = [
    # on nevenadres 9x, by address only (the current nummeraanduiding has no postcode)
    ";Schout bij Nacht Doormansingel;9;x;;;Doesburg;Neven BV;11111111;6820;6820;BV;"
    "000000000001;01-01-2015;;Ja",
    # on nevenadres 9y, by its nummeraanduiding id as DOOK's numid
    "0221200000330999;;;;;;Doesburg;Numid BV;22222222;6820;6820;BV;000000000002;01-01-2015;;Ja",
    # on the address of a ligplaats (a house boat)
    ";Koppenberch;2;;;6982 CZ;Doesburg;Woonboot Verhuur;33333333;6820;6820;BV;000000000003;"
    "01-01-2015;;Ja",
]


def zicht(data_dir, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "ZICHT_DATA_DIR": str(data_dir)}
    return subprocess.run([sys.executable, "-m", "cli", *args], env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def gebouwd(tmp_path_factory):
    """A snapshot built with `zicht` from the real small delivery and a three-row KVK file."""
    map_ = tmp_path_factory.mktemp("plaatsen")
    bag = shared_file(*KLEIN)
    kvk = map_ / "kvk.csv"
    kvk.write_text("\n".join([KVK_HEADER, *KVK_ROWS]) + "\n", encoding="utf-8")
    data = map_ / "data"
    for args in (("load", "bag-xml", str(bag), "--peildatum", "2020-09-15"),
                 ("load", "kvk-file", str(kvk), "--peildatum", "2020-09-15",
                  "--sbi-versie", "2008"),
                 ("build",)):
        uit = zicht(data, *args)
        assert uit.returncode == 0, uit.stderr
    con = snapshots.open_current(data)
    yield con
    con.close()


def test_a_vestiging_on_a_nevenadres_matches_its_verblijfsobject(gebouwd):
    assert gebouwd.execute(
        "SELECT vestigingsnummer, verblijfsobject_id, object_soort, match_methode FROM vestiging "
        "WHERE vestigingsnummer IN ('000000000001', '000000000002') ORDER BY 1").fetchall() == [
        ("000000000001", VBO_NEVEN, "verblijfsobject", "adres"),
        ("000000000002", VBO_NEVEN, "verblijfsobject", "bag_id"),
    ]


def test_a_vestiging_on_a_ligplaats_address_matches_the_ligplaats(gebouwd):
    (vbo, soort, methode, in_plot), = gebouwd.execute(
        "SELECT v.verblijfsobject_id, v.object_soort, v.match_methode, ST_Contains(l.geom, v.geom)"
        " FROM vestiging v JOIN ligplaats l ON l.identificatie = v.verblijfsobject_id "
        "WHERE vestigingsnummer = '000000000003'").fetchall()
    assert (vbo, soort, methode, in_plot) == (LIG, "ligplaats", "adres", True)


def test_bag_source_rows_count_every_object_delivered_and_warnings_name_the_source(gebouwd):
    assert gebouwd.execute("SELECT bron, rijen FROM bron ORDER BY 1").fetchall() == [
        ("bag-xml", 8), ("kvk-file", 3)]
    assert gebouwd.execute("SELECT DISTINCT bron FROM waarschuwing "
                           "WHERE soort = 'nevenadres_tegenstrijdig'").fetchall() == [("bag-xml",)]


def test_panden_only_extract_is_recorded_with_its_panden_as_rows(tmp_path):
    data = tmp_path / "data"
    doesburg = shared_file("fixtures", "bag", "0221PND15092020-doesburg-panden.zip")
    # a panden-only part has no Leveringsdocument to state its date
    for args in (("load", "bag-xml", str(doesburg), "--peildatum", "2020-09-15"), ("build",)):
        uit = zicht(data, *args)
        assert uit.returncode == 0, uit.stderr
    con = snapshots.open_current(data)
    try:
        assert con.execute("SELECT rijen FROM bron").fetchall() == [(7395,)]  # current panden
    finally:
        con.close()
