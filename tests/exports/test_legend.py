"""Every export carries the branch groups, colours and counts the map shows.

The map's legend rows come from geo.legenda over the selection's counts (concentration.per_groep);
the PNG/PDF, HTML and GeoPackage read the same selection through kaart_selectie.sql. For every
branch group alone, for beauty with mogelijke seksbranche (a massage salon is in both), and for
all groups together, the export's legend equals the screen's (the whole country in view, so the
counts are those of every located vestiging) and each vestiging's group in the GeoPackage equals
its colour group on the map.
"""

from __future__ import annotations

import io
import re
import tempfile
from pathlib import Path

import pyogrio
import pytest
from pypdf import PdfReader

from exports.gpkg import gpkg_bytes
from exports.html import html_map
from exports.mapshot.data import load
from exports.mapshot.render import MapView, SnapshotOptions, render
from geo import concentration, nlformat
from geo.branches import load_branches
from geo.concentration import HEEL_NEDERLAND, Filter
from geo.legenda import group_rows

BRANCHES = load_branches()
KEUZES = [(g.id,) for g in BRANCHES.groepen] + [("beauty", "seksbranche"), ()]


@pytest.fixture(scope="module")
def con(demo_con):
    concentration.register_membership(demo_con)
    return demo_con


def screen_legend(con, filt: Filter) -> list[tuple]:
    """The map's legend rows with the count of located vestigingen (what can be in view)."""
    counts = {r["groep"]: r["aantal"] - r["zonder_locatie"] for r in concentration.per_groep(con, filt)}
    return [(r.naam, r.kleur, r.aantal) for r in group_rows(counts, filt)]


def screen_groups(con, filt: Filter) -> dict[str, str | None]:
    """vestigingsnummer -> colour group as the map draws it (kaart_punten.sql)."""
    xmin, ymin, xmax, ymax = HEEL_NEDERLAND
    params = {**filt.params(), "xmin": xmin, "ymin": ymin, "xmax": xmax, "ymax": ymax, "limiet": 10**7}
    cur = con.execute(concentration.selection_sql("kaart_punten"), params)
    names = [d[0] for d in cur.description]
    return {row["vestigingsnummer"]: row["groep"] for row in (dict(zip(names, r, strict=True))
                                                              for r in cur.fetchall())}


def whole_country(filt: Filter) -> MapView:
    return MapView(bounds=HEEL_NEDERLAND, bounds_crs="EPSG:28992", layers=("vestigingen",),
                   groepen=filt.groepen, selectie=filt)


@pytest.mark.parametrize("groepen", KEUZES, ids=lambda k: "+".join(k) or "alle")
def test_export_legend_and_attributes_equal_the_screen_for_every_branch_group(con, peildatum, groepen):
    filt = Filter(peildatum, groepen=groepen)
    view = whole_country(filt)
    data = load(con, view, view.rd_box(), tolerantie=1.0)
    assert [(r.naam, r.kleur, r.aantal) for r in data.group_counts()] == screen_legend(con, filt)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.gpkg"
        path.write_bytes(gpkg_bytes(con, layers=("vestiging",), selection=view))
        table = pyogrio.read_arrow(path, layer="vestiging")[1]
    exported = dict(zip(table["vestigingsnummer"].to_pylist(), table["branchegroep"].to_pylist(),
                        strict=True))
    assert exported == screen_groups(con, filt)


def test_beauty_with_seksbranche_keeps_the_massage_salons_in_every_export(con, peildatum):
    filt = Filter(peildatum, groepen=("beauty", "seksbranche"))
    view = whole_country(filt)
    seks = [r for r in screen_legend(con, filt) if r[0] == BRANCHES.naam("seksbranche")]
    assert seks and seks[0][2] > 0, "de demo heeft massagesalons met een trefwoord"
    label = f"{BRANCHES.naam('seksbranche')} ({nlformat.getal(seks[0][2])})"
    options = SnapshotOptions(privacy=False, dpi=60)
    pdf = render(con, view, options)[1]
    pdf_text = " ".join("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert label in pdf_text
    html = html_map(con, view, options)
    assert label in html and BRANCHES.kleur("seksbranche") in html
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.gpkg"
        path.write_bytes(gpkg_bytes(con, layers=("vestiging",), selection=view))
        table = pyogrio.read_arrow(path, layer="vestiging")[1]
    namen = dict(zip(table["naam"].to_pylist(), table["branchegroep"].to_pylist(), strict=True))
    salons = {n: g for n, g in namen.items() if re.search(r"massage|tantra|thai", n or "", re.I)}
    assert "seksbranche" in salons.values()


def test_the_export_follows_the_other_filters_of_the_map(con, peildatum):
    filt = Filter(peildatum, status="alle", soort="hoofd", groepen=("automotive",))
    view = whole_country(filt)
    data = load(con, view, view.rd_box(), tolerantie=1.0)
    expected = sorted(screen_groups(con, filt))
    assert sorted(data.punten.nummer) == expected
    hoofd = set(r[0] for r in con.execute(
        "SELECT vestigingsnummer FROM vestiging WHERE is_hoofdvestiging").fetchall())
    assert expected and set(expected) <= hoofd
