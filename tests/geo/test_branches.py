"""Branch groups: SBI 2008 and 2025 codes and keywords, with keyword hits kept apart."""

from __future__ import annotations

import pytest

from geo.branches import keyword_pattern, load_branches
from geo.db import connect
from geo.sqlfiles import run_script

# vestigingsnummer, naam, activiteit, sbi_versie, sbi_codes
VESTIGINGEN = [
    ("1", "Nagelstudio Lotus", None, "2008", ["96022"]),
    ("2", "Kapsalon Knip", None, "2025", ["96210"]),
    ("3", "Thai Massage Orchidee", "massage", "2025", ["96220"]),
    ("4", "Schoonheidssalon Bella", None, "2008", ["96022"]),
    ("5", "Autobedrijf Van Dijk", None, "2008", ["45201"]),
    ("6", "Garage Oost", None, "2025", ["95311"]),
    ("7", "Automatisering Jansen", None, "2008", ["62010"]),
    ("8", "Spaans Restaurant Olé", None, "2008", ["56101"]),
    ("9", "Wellness Relax", "ontspanning", "2008", ["70221"]),
]


@pytest.fixture(scope="module")
def groups():
    con = connect()
    run_script(con, "schema")
    for nr, naam, act, versie, codes in VESTIGINGEN:
        con.execute("INSERT INTO vestiging (vestigingsnummer, naam, handelsnamen, activiteit, "
                    "sbi_versie, sbi_codes) VALUES (?, ?, [?], ?, ?, ?)",
                    [nr, naam, naam, act, versie, codes])
    branches = load_branches()
    con.register("branche_prefix", branches.prefix_table())
    con.register("branche_trefwoord", branches.keyword_table())
    run_script(con, "branche_lid")
    rows = con.execute("SELECT vestigingsnummer, groep, via FROM branche_lid").fetchall()
    return {(nr, groep): via for nr, groep, via in rows}


def test_beauty_covers_both_sbi_versions(groups):
    assert groups[("1", "beauty")] == "sbi" and groups[("2", "beauty")] == "sbi"


def test_automotive_in_sbi_2008_division_45_and_sbi_2025_repair(groups):
    assert groups[("5", "automotive")] == "sbi" and groups[("6", "automotive")] == "sbi"


def test_possible_sex_work_needs_a_keyword_on_top_of_the_code(groups):
    assert groups[("3", "seksbranche")] == "sbi"
    assert ("4", "seksbranche") not in groups  # a plain beauty salon is not flagged


def test_keyword_only_hits_are_labelled_as_such(groups):
    assert groups[("9", "beauty")] == "trefwoord"
    assert groups[("9", "seksbranche")] == "trefwoord"


def test_keywords_respect_word_boundaries(groups):
    assert ("7", "automotive") not in groups  # 'Automatisering' is no car business
    assert ("8", "beauty") not in groups  # 'Spaans' is not a spa


def test_every_group_has_a_distinct_colour_and_codes_for_both_versions():
    branches = load_branches()
    colours = [g.kleur for g in branches.groepen]
    assert len(set(colours)) == len(colours) and branches.overig_kleur not in colours
    assert all(g.sbi_2008 and g.sbi_2025 for g in branches.groepen)


@pytest.mark.parametrize("keyword, text, hit", [
    ("nagel*", "nagelstudio lotus", True), ("spa", "spaans eten", False),
    ("spa", "day spa noord", True), ("privé", "privé ontvangst", True),
])
def test_keyword_pattern(keyword, text, hit):
    import re

    assert bool(re.search(keyword_pattern(keyword), text)) is hit
