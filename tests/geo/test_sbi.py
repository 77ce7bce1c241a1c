"""geo.sbi: the SBI tree for both versions and the activity search."""

from __future__ import annotations

import pytest

from geo import sbi
from geo.db import connect
from geo.sqlfiles import run_script

PEILDATUM = "2026-01-01"

# vestigingsnummer, naam, versie, codes, einde
VESTIGINGEN = [
    ("1", "Nagelstudio Lotus", "2008", ["96022"], None),
    ("2", "Nagelstudio Jade", "2008", ["96022", "47750"], None),
    ("3", "Nagelstudio Parel", "2008", ["96021"], None),
    ("4", "Nagelstudio Noor", "2025", ["96220"], None),
    ("5", "Kapsalon Knip", "2008", ["96021"], None),
    ("6", "Kapsalon Oud", "2008", ["96021"], "2020-01-01"),
    ("7", "Autobedrijf Jansen", "2008", ["45112"], None),
]
CODES = [("2008", "96021", "Haarverzorging"),
         ("2008", "96022", "Schoonheidsverzorging, pedicures en manicures"),
         ("2008", "47750", "Winkels in drogisterij-artikelen"),
         ("2008", "45112", "Handel in en reparatie van personenauto's"),
         ("2025", "96220", "Schoonheidsverzorging en overige schoonheidsbehandelingen")]


@pytest.fixture(scope="module")
def con():
    con = connect()
    run_script(con, "schema")
    for nr, naam, versie, codes, einde in VESTIGINGEN:
        con.execute("INSERT INTO vestiging (vestigingsnummer, naam, handelsnamen, sbi_versie, "
                    "sbi_codes, sbi_hoofd, datum_aanvang, datum_einde) "
                    "VALUES (?, ?, [?], ?, ?, ?, '2010-01-01', ?)",
                    [nr, naam, naam, versie, codes, codes[0], einde])
    for versie, code, omschrijving in CODES:
        con.execute("INSERT INTO sbi_code VALUES (?, ?, ?, 'kvk')", [versie, code, omschrijving])
    yield con
    con.close()


def test_sections_for_both_versions():
    secties = {(s.versie, s.letter): s for s in sbi.load_secties()}
    assert secties[("2008", "S")].bevat("96022")
    assert secties[("2008", "G")].bevat("45112")  # division 45: car trade in SBI 2008
    assert secties[("2025", "T")].bevat("96220")  # the letters moved in SBI 2025
    assert not secties[("2025", "G")].bevat("45112")  # division 45 is gone
    assert sbi.section_of("2025", "96220").letter == "T"


def test_tree_has_every_level_in_order_with_counts(con):
    tree = sbi.tree(con, PEILDATUM)
    keys = [k.sleutel for k in tree]
    expected_2008_s = ["2008:S", "2008:96", "2008:960", "2008:9602", "2008:96021", "2008:96022"]
    positions = [keys.index(k) for k in expected_2008_s]
    assert positions == sorted(positions)
    nodes = {k.sleutel: k for k in tree}
    assert nodes["2008:96"].niveau == "afdeling" and nodes["2008:960"].niveau == "groep"
    assert nodes["2008:9602"].niveau == "klasse" and nodes["2008:96022"].niveau == "subklasse"
    assert nodes["2008:96021"].aantal == 2  # the ended Kapsalon Oud does not count
    assert nodes["2008:9602"].aantal == 4  # each vestiging once, even with two codes under it
    assert nodes["2008:S"].aantal == 4
    assert nodes["2008:G"].aantal == 2  # 45112 and the drogisterij as neven-activiteit
    assert nodes["2025:T"].aantal == 1
    assert nodes["2008:96022"].omschrijving.startswith("Schoonheidsverzorging")
    assert nodes["2008:96022"].ouder == "2008:9602"
    assert nodes["2008:96"].omschrijving is None  # KVK delivers only the codes in use


def test_a_full_list_names_every_level_and_adds_unused_codes():
    con = connect()
    run_script(con, "schema")
    con.execute("INSERT INTO sbi_code VALUES "
                "('2008', '96', 'Overige persoonlijke diensten', 'lijst'), "
                "('2008', '96022', 'Schoonheidsverzorging', 'lijst'), "
                "('2008', '96031', 'Uitvaartverzorging', 'lijst'), "
                "('2025', '96220', 'Schoonheid', 'kvk')")
    nodes = {k.sleutel: k for k in sbi.tree(con, PEILDATUM)}
    assert nodes["2008:96"].omschrijving == "Overige persoonlijke diensten"
    assert nodes["2008:96031"].aantal == 0  # in the list, not in use
    assert "2025:96220" in nodes


def test_section_keys_become_division_prefixes():
    assert sbi.prefixes(["2008:S", "2025:96220"]) == ["2008:94", "2008:95", "2008:96",
                                                       "2025:96220"]


def test_nagelstudio_suggests_the_codes_such_names_carry_in_both_versions(con):
    suggesties = sbi.suggest(con, "nagelstudio")
    sleutels = [s.sleutel for s in suggesties]
    assert sleutels[:3] == ["2008:96022", "2008:96021", "2025:96220"]
    eerste = suggesties[0]
    assert "2 van de 3 vestigingen" in eerste.reden and "nagelstudio" in eerste.reden
    assert ("groep", "beauty") in [(s.soort, s.sleutel) for s in suggesties]


def test_description_match_ignores_case_and_accents(con):
    sleutels = [s.sleutel for s in sbi.suggest(con, "SCHOONHEIDSVERZORGING")]
    assert "2008:96022" in sleutels and "2025:96220" in sleutels


def test_short_text_suggests_nothing(con):
    assert sbi.suggest(con, "na") == []


def test_label_shows_version_code_name_and_count():
    knoop = sbi.Knoop("2008", "96022", "subklasse", "Schoonheidsverzorging", "2008:9602", 1234)
    assert sbi.label(knoop) == "SBI 2008 · 96022 Schoonheidsverzorging (1.234)"
    leeg = sbi.Knoop("2008", "96", "afdeling", None, "2008:S", 0)
    assert sbi.label(leeg) == "SBI 2008 · 96 (afdeling) (0)"


def test_unknown_codes_are_a_node_sbi_onbekend_that_the_map_filter_selects():
    from geo import concentration

    con = connect()
    run_script(con, "schema")
    for nr, codes, hoofd, onbekend in (("1", ["4742"], None, ["99999"]),
                                       ("2", ["96022"], "96022", ["12345"]),
                                       ("3", ["96022"], "96022", [])):
        con.execute("INSERT INTO vestiging (vestigingsnummer, naam, handelsnamen, sbi_versie, "
                    "sbi_codes, sbi_hoofd, sbi_onbekend, datum_aanvang) "
                    "VALUES (?, 'X', ['X'], '2008', ?, ?, ?, '2010-01-01')",
                    [nr, codes, hoofd, onbekend])
    nodes = {k.sleutel: k for k in sbi.tree(con, PEILDATUM)}
    knoop = nodes[sbi.ONBEKEND]
    assert knoop.aantal == 2 and sbi.label(knoop).startswith("SBI onbekend")
    concentration.register_membership(con)
    alle = concentration.Filter(PEILDATUM, sbi=(sbi.ONBEKEND,))
    hoofd = concentration.Filter(PEILDATUM, sbi=(sbi.ONBEKEND,), alleen_hoofd=True)
    assert sorted(concentration.vestigingsnummers(con, alle)) == ["1", "2"]
    assert concentration.vestigingsnummers(con, hoofd) == ["1"]  # its main code is unknown


def test_every_node_of_a_built_snapshot_has_its_official_description(demo_con):
    tree = sbi.tree(demo_con, PEILDATUM)
    assert {k.versie for k in tree} == {"2008", "2025"}
    zonder = [k.sleutel for k in tree if not k.omschrijving]
    assert zonder == []
    nodes = {k.sleutel: k for k in tree}
    assert nodes["2008:96"].omschrijving == "Wellness en overige dienstverlening; uitvaartbranche"
    assert nodes["2025:96"].omschrijving == "Persoonlijke dienstverlening"
    assert sbi.label(nodes["2008:96"]).startswith("SBI 2008 · 96 Wellness")
