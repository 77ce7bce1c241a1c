"""geo.concentration: selections, counts, per 1.000 inwoners and LQ on a tiny hand-made town.

Two buurten side by side (100 × 100 m each, RD). Active on the peildatum:
  buurt A (2.000 inwoners): 2 beauty + 2 other          -> LQ (2/4) / (3/10) = 1,667
  buurt B (inwoners unknown): 1 beauty + 5 other        -> LQ (1/6) / (3/10) = 0,556
plus, not counted as active: an ended beauty salon in A, a beauty salon without a location,
and one registered only after the peildatum.
"""

from __future__ import annotations

import json

import pytest

from geo import concentration
from geo.branches import load_branches
from geo.concentration import Filter
from geo.db import connect
from geo.sqlfiles import run_script
from loaders.pipeline import area_membership

PEILDATUM = "2026-01-01"
X0, Y0 = 150000, 450000
A = (X0, Y0, X0 + 100, Y0 + 100)
B = (X0 + 100, Y0, X0 + 200, Y0 + 100)

# vestigingsnummer, naam, sbi_versie, codes, hoofd?, aanvang, einde, x, y
VESTIGINGEN = [
    ("a1", "Nagelstudio Roos", "2008", ["96022"], True, "2020-01-01", None, X0 + 10, Y0 + 10),
    ("a2", "Beauty Bella", "2025", ["96220"], False, "2021-01-01", None, X0 + 20, Y0 + 10),
    ("a3", "Advies A", "2008", ["70221"], True, "2019-01-01", None, X0 + 30, Y0 + 10),
    ("a4", "Software A", "2008", ["62010"], True, "2018-01-01", None, X0 + 40, Y0 + 10),
    ("a5", "Kapsalon Weg", "2008", ["96021"], True, "2015-01-01", "2024-05-01", X0 + 50, Y0 + 10),
    ("b1", "Kapper Knip", "2008", ["96021"], True, "2020-01-01", None, X0 + 110, Y0 + 10),
    *[(f"b{i}", f"Bureau {i}", "2008", ["70221"], True, "2020-01-01", None, X0 + 110 + i, Y0 + 50)
      for i in range(2, 7)],
    ("z1", "Salon Zonder Plek", "2008", ["96022"], True, "2020-01-01", None, None, None),
    ("n1", "Nieuw Salon", "2008", ["96022"], True, "2026-06-01", None, X0 + 60, Y0 + 60),
]


def square(box) -> str:
    xmin, ymin, xmax, ymax = box
    return f"POLYGON(({xmin} {ymin}, {xmax} {ymin}, {xmax} {ymax}, {xmin} {ymax}, {xmin} {ymin}))"


@pytest.fixture(scope="module")
def con():
    con = connect()
    run_script(con, "schema")
    for gid, code, box, inwoners in (("buurt:t:A", "A", A, 2000), ("buurt:t:B", "B", B, None)):
        con.execute("INSERT INTO gebied (gebied_id, soort, code, naam, bron, inwoners, geom) "
                    "VALUES (?, 'buurt', ?, ?, 'cbs', ?, ST_GeomFromText(?))",
                    [gid, code, f"Buurt {code}", inwoners, square(box)])
    for nr, naam, versie, codes, hoofd, aanvang, einde, x, y in VESTIGINGEN:
        con.execute(
            "INSERT INTO vestiging (vestigingsnummer, kvk_nummer, naam, handelsnamen, sbi_versie,"
            " sbi_codes, sbi_hoofd, is_hoofdvestiging, datum_aanvang, datum_einde, geom) VALUES "
            "(?, '12345678', ?, [?], ?, ?, ?, ?, ?, ?, "
            "CASE WHEN ? IS NULL THEN NULL ELSE ST_Point(?, ?) END)",
            [nr, naam, naam, versie, codes, codes[0], hoofd, aanvang, einde, x, x, y])
    area_membership(con)  # as the build does: where each vestiging lies
    concentration.register_membership(con)
    yield con
    con.close()


def beauty(**kwargs) -> Filter:
    return Filter(PEILDATUM, groepen=("beauty",), **kwargs)


def by_code(rows):
    return {r["code"]: r for r in rows}


def test_counts_per_buurt_and_lq_by_hand(con):
    rows = by_code(concentration.per_area(con, beauty(), "buurt", min_basis=1))
    assert (rows["A"]["aantal"], rows["A"]["alle"]) == (2, 4)
    assert (rows["B"]["aantal"], rows["B"]["alle"]) == (1, 6)
    assert rows["A"]["lq"] == pytest.approx((2 / 4) / (3 / 10))
    assert rows["B"]["lq"] == pytest.approx((1 / 6) / (3 / 10))
    assert rows["A"]["gemeente_aantal"] == 3 and rows["A"]["gemeente_alle"] == 10


def test_per_1000_inwoners_is_unknown_not_zero_without_cbs_figure(con):
    rows = by_code(concentration.per_area(con, beauty(), "buurt"))
    assert rows["A"]["per_1000_inwoners"] == pytest.approx(1.0)
    assert rows["B"]["inwoners"] is None and rows["B"]["per_1000_inwoners"] is None


def test_lq_needs_enough_vestigingen_in_the_area(con):
    rows = by_code(concentration.per_area(con, beauty(), "buurt", min_basis=5))
    assert rows["A"]["lq"] is None  # 4 vestigingen: too few to compare
    assert rows["B"]["lq"] == pytest.approx((1 / 6) / (3 / 10))


def test_grid_cells_give_the_same_numbers(con):
    cells = {(c["i"], c["j"]): c for c in concentration.per_cell(con, beauty(), 100, min_basis=1)}
    assert set(cells) == {(1500, 4500), (1501, 4500)}
    a = cells[(1500, 4500)]
    assert (a["aantal"], a["alle"]) == (2, 4)
    assert a["lq"] == pytest.approx((2 / 4) / (3 / 10))
    geometry = json.loads(a["geometrie"])
    assert geometry["type"] == "Polygon"


def test_totals_count_what_has_no_location(con):
    totals = concentration.totals(con, beauty())
    assert totals == {"aantal": 4, "aantal_zonder_locatie": 1, "alle": 11,
                      "alle_zonder_locatie": 1}


def test_status_filters(con):
    ended = concentration.vestigingsnummers(con, beauty(status="beeindigd"))
    assert ended == ["a5"]
    everything = concentration.vestigingsnummers(con, beauty(status="alle"))
    assert set(everything) == {"a1", "a2", "a5", "b1", "z1", "n1"}


def test_hoofd_and_neven_and_registration_dates(con):
    assert concentration.vestigingsnummers(con, beauty(soort="neven")) == ["a2"]
    assert "a2" not in concentration.vestigingsnummers(con, beauty(soort="hoofd"))
    from datetime import date

    since = concentration.vestigingsnummers(con, beauty(van=date(2020, 6, 1)))
    assert since == ["a2"]
    upto = concentration.vestigingsnummers(con, beauty(status="alle", tot=date(2019, 12, 31)))
    assert upto == ["a5"]


def test_sbi_prefixes_per_version_and_sections(con):
    kappers = Filter(PEILDATUM, sbi=("2008:96021",))
    assert concentration.vestigingsnummers(con, kappers) == ["b1"]
    klasse = Filter(PEILDATUM, sbi=("2008:9602",))
    assert concentration.vestigingsnummers(con, klasse) == ["a1", "b1", "z1"]
    sectie = Filter(PEILDATUM, sbi=("2008:S",))  # S = divisions 94-96
    assert concentration.vestigingsnummers(con, sectie) == ["a1", "b1", "z1"]
    beide = Filter(PEILDATUM, sbi=("2008:96022", "2025:96220"))
    assert concentration.vestigingsnummers(con, beide) == ["a1", "a2", "z1"]


def test_groups_and_codes_are_combined_as_either(con):
    filt = Filter(PEILDATUM, groepen=("beauty",), sbi=("2008:70221",))
    assert len(concentration.vestigingsnummers(con, filt)) == 4 + 6


def test_no_choice_selects_everything_and_colours_by_group(con):
    everything = Filter(PEILDATUM)
    assert concentration.totals(con, everything)["aantal"] == 11
    groups = {r["groep"]: r["aantal"] for r in concentration.per_groep(con, everything)}
    assert groups["beauty"] == 4 and groups[None] == 7


def test_narrow_group_colours_first():
    order = concentration.colour_order(load_branches())
    assert order.index("seksbranche") < order.index("beauty")


def test_filter_refuses_what_it_cannot_mean():
    with pytest.raises(ValueError):
        Filter(PEILDATUM, status="misschien")
    with pytest.raises(ValueError):
        Filter(PEILDATUM, sbi=("96022",))  # no version


# --- membership: the fast table means the same as geo/sql/branche_lid.sql -------------------

NAMES = [
    ("1", "Nagelstudio Lotus", None, "2008", ["96022"]),
    ("3", "Thai Massage Orchidee", "massage", "2025", ["96220"]),
    ("4", "Schoonheidssalon Bella", None, "2008", ["96022"]),
    ("7", "Automatisering Jansen", None, "2008", ["62010"]),
    ("9", "Wellness Relax", "ontspanning", "2008", ["70221"]),
    ("10", "Spaans Restaurant Olé", None, "2008", ["56101"]),
]


def test_membership_equals_the_view_it_replaces():
    from geo.branches import register

    con = connect()
    run_script(con, "schema")
    for nr, naam, act, versie, codes in NAMES:
        con.execute("INSERT INTO vestiging (vestigingsnummer, naam, handelsnamen, activiteit, "
                    "sbi_versie, sbi_codes) VALUES (?, ?, [?], ?, ?, ?)",
                    [nr, naam, naam, act, versie, codes])
    fast = {(r["vestigingsnummer"], r["groep"], r["via"])
            for r in concentration.membership(con).to_pylist()}
    register(con)
    slow = set(con.execute("SELECT vestigingsnummer, groep, via FROM branche_lid").fetchall())
    assert fast == slow
    assert ("9", "beauty", "trefwoord") in fast  # keyword only, kept apart
    assert ("4", "seksbranche", "sbi") not in fast  # needs a keyword on top of the code


def test_a_vestiging_in_two_chosen_groups_gets_the_narrow_groups_colour():
    filt = Filter(PEILDATUM, groepen=("beauty", "seksbranche"))
    assert filt.params()["kleurgroepen"] == ["seksbranche", "beauty"]
