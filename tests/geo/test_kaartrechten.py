"""geo.kaartrechten: a cursor with map rights sees only the allowed branch groups, layers and
signals, in every kind of query (small Demostad, real DuckDB)."""

from __future__ import annotations

import io

import pyogrio
import pytest

from exports import dook_csv
from exports.gpkg import write_gpkg
from exports.mapshot.data import signals
from geo import cards, concentration, indicators, inventory, search
from geo.branches import load_branches
from geo.concentration import Filter
from geo.kaartrechten import OVERIG, RDW, Kaartrechten, beperk

BEAUTY = Kaartrechten.van(groepen=["beauty"], signalen=["veel_inschrijvingen"])
HEEL_NL = {"xmin": 0.0, "ymin": 300000.0, "xmax": 300000.0, "ymax": 625000.0}


@pytest.fixture(scope="module")
def peildatum(demo_con) -> str:
    return demo_con.execute("SELECT waarde FROM meta WHERE sleutel = 'peildatum'").fetchone()[0]


@pytest.fixture(scope="module")
def lid(demo_con):
    return concentration.membership(demo_con)


@pytest.fixture(scope="module")
def groepen_van(lid) -> dict[str, set[str]]:
    """vestigingsnummer -> every group it is in (unrestricted)."""
    out: dict[str, set[str]] = {}
    for row in lid.to_pylist():
        out.setdefault(row["vestigingsnummer"], set()).add(row["groep"])
    return out


@pytest.fixture(scope="module")
def alleen_automotive(groepen_van) -> set[str]:
    """Vestigingen in automotive and in no group a Beauty user may see."""
    return {n for n, g in groepen_van.items() if "automotive" in g and "beauty" not in g}


def cursor(demo_con, lid, rechten):
    cur = demo_con.cursor()
    if rechten is None:
        concentration.register_membership(cur, lid)
    beperk(cur, rechten, lid)
    return cur


@pytest.fixture
def beauty(demo_con, lid):
    cur = cursor(demo_con, lid, BEAUTY)
    yield cur
    cur.close()


def test_the_demo_has_automotive_vestigingen_to_hide(alleen_automotive):
    assert len(alleen_automotive) >= 5


def test_without_rights_nothing_changes(demo_con, lid):
    cur = cursor(demo_con, lid, None)
    assert cur.execute("SELECT count(*) FROM vestiging").fetchone() == \
        demo_con.execute("SELECT count(*) FROM vestiging").fetchone()
    cur.close()


def test_map_points_hold_only_allowed_groups(beauty, peildatum, alleen_automotive, groepen_van):
    rows = beauty.execute(concentration.selection_sql("kaart_punten"),
                          {**Filter(peildatum, status="alle").params(), **HEEL_NL, "limiet": 100000}
                          ).fetchall()
    nummers = {r[0] for r in rows}
    assert nummers and not nummers & alleen_automotive
    assert all("beauty" in groepen_van.get(n, set()) for n in nummers)


def test_counts_per_group_and_lq_leave_out_the_hidden_group(beauty, demo_con, lid, peildatum):
    filt = Filter(peildatum, groepen=("automotive",))
    assert concentration.totals(beauty, filt)["aantal"] == 0
    # With keyword hits counted every visible vestiging is coloured beauty; without them a
    # keyword-only candidate is uncoloured (None), exactly as for a user without restrictions.
    groepen = {r["groep"] for r in concentration.per_groep(beauty, Filter(peildatum, trefwoord=True))
               if r["aantal"]}
    assert groepen == {"beauty"}
    assert {r["groep"] for r in concentration.per_groep(beauty, Filter(peildatum)) if r["aantal"]} \
        <= {"beauty", None}
    vol = cursor(demo_con, lid, None)
    assert concentration.totals(vol, filt)["aantal"] > 0
    # The LQ's basis ("all vestigingen in the area") counts only what the user may see too.
    keuze = Filter(peildatum, groepen=("beauty",))
    basis = {r["gebied_id"]: r["alle"] for r in concentration.per_area(beauty, keuze, "buurt")}
    basis_vol = {r["gebied_id"]: r["alle"] for r in concentration.per_area(vol, keuze, "buurt")}
    assert sum(basis.values()) == concentration.totals(beauty, Filter(peildatum))["alle"] - \
        concentration.totals(beauty, Filter(peildatum))["alle_zonder_locatie"]
    assert sum(basis.values()) < sum(basis_vol.values())
    vol.close()


def test_the_pand_card_counts_only_visible_vestigingen(beauty, demo_con, peildatum, alleen_automotive):
    nummer = sorted(alleen_automotive)[0]
    pand = demo_con.execute("SELECT b.pand_identificatie FROM vestiging v JOIN verblijfsobject b "
                            "ON b.identificatie = v.verblijfsobject_id WHERE v.vestigingsnummer = ?",
                            [nummer]).fetchone()[0]
    kaart = cards.pand_card(beauty, pand, peildatum)
    getoond = {v["vestigingsnummer"] for vbo in kaart["verblijfsobjecten"] for v in vbo["vestigingen"]}
    assert kaart is not None and not getoond & alleen_automotive
    assert cards.vestiging_card(beauty, nummer, peildatum) is None


def test_search_does_not_find_a_hidden_vestiging(beauty, demo_con, alleen_automotive):
    nummer = sorted(alleen_automotive)[0]
    naam = demo_con.execute("SELECT naam FROM vestiging WHERE vestigingsnummer = ?", [nummer]).fetchone()[0]
    assert search.search(beauty, nummer) == []
    assert nummer not in {r["id"] for r in search.search(beauty, naam)}


def test_a_hidden_signal_is_never_computed_and_an_allowed_one_counts_visible_only(beauty, demo_con, lid):
    indicators.prepare(beauty)
    with pytest.raises(indicators.NietBerekend, match="datarollen"):
        indicators.run(beauty, indicators.by_id("automotive_zonder_rdw"))
    vol = cursor(demo_con, lid, None)
    indicators.prepare(vol)
    veel = indicators.by_id("veel_inschrijvingen")
    assert len(indicators.run(beauty, veel)) <= len(indicators.run(vol, veel))
    # Rights live on one cursor: another cursor on the same connection is not restricted.
    assert indicators.run(vol, indicators.by_id("automotive_zonder_rdw"))
    assert vol.execute("SELECT count(*) FROM vestiging").fetchone() == \
        demo_con.execute("SELECT count(*) FROM vestiging").fetchone()
    vol.close()


def test_rdw_is_a_layer_of_its_own(demo_con, lid):
    zonder = cursor(demo_con, lid, BEAUTY)
    met = cursor(demo_con, lid, Kaartrechten.van(groepen=["beauty"], lagen=[RDW]))
    assert zonder.execute("SELECT count(*) FROM rdw_bedrijf").fetchone() == (0,)
    assert met.execute("SELECT count(*) FROM rdw_bedrijf").fetchone() == \
        demo_con.execute("SELECT count(*) FROM rdw_bedrijf").fetchone()
    zonder.close()
    met.close()


def test_no_datarol_sees_the_public_base_only(demo_con, lid):
    cur = cursor(demo_con, lid, Kaartrechten())
    assert cur.execute("SELECT count(*) FROM vestiging").fetchone() == (0,)
    assert cur.execute("SELECT count(*) FROM branche_lid").fetchone() == (0,)
    assert cur.execute("SELECT count(*) FROM pand").fetchone() == \
        demo_con.execute("SELECT count(*) FROM pand").fetchone()
    cur.close()


def test_overige_vestigingen_are_those_in_no_group(demo_con, lid, groepen_van):
    cur = cursor(demo_con, lid, Kaartrechten.van(groepen=[OVERIG]))
    zichtbaar = {n for (n,) in cur.execute("SELECT vestigingsnummer FROM vestiging").fetchall()}
    alle = {n for (n,) in demo_con.execute("SELECT vestigingsnummer FROM vestiging").fetchall()}
    assert zichtbaar and zichtbaar == alle - groepen_van.keys()
    cur.close()


def test_inventory_dook_and_geopackage_hold_no_hidden_vestiging(beauty, tmp_path, alleen_automotive):
    assert not {r["vestigingsnummer"] for r in inventory.vestigingen(beauty)} & alleen_automotive
    _, rows = dook_csv.rows(beauty, sorted(alleen_automotive))
    assert rows == []
    path = tmp_path / "beauty.gpkg"
    counts = write_gpkg(beauty, path)
    laag = pyogrio.read_dataframe(path, layer="vestiging")
    assert len(laag) == counts["vestiging"] > 0
    assert not set(laag["vestigingsnummer"]) & alleen_automotive
    lagen = {naam for naam, _ in pyogrio.list_layers(path)}
    assert "signaal_automotive_zonder_rdw" not in lagen


def test_export_signals_skip_what_the_user_may_not_see(beauty):
    found, failed = signals(beauty, ["automotive_zonder_rdw"])
    assert found == [] and failed


def test_veranderingen_show_only_visible_vestigingen(demo_data_dir, groepen_van):
    from geo import changes, snapshots
    from geo.branches import load_branches

    paths = snapshots.current_snapshot(demo_data_dir), snapshots.previous_snapshot(demo_data_dir)
    vol = changes.open_pair(*paths)
    try:
        alle = changes.registraties(vol)
    finally:
        vol.close()
    # Hide the groups of one changed vestiging (or 'overig' when it is in none), allow the rest.
    verborgen = next(r["vestigingsnummer"] for r in alle if r["vestigingsnummer"] in groepen_van)
    weg = groepen_van[verborgen]
    toegestaan = {g.id for g in load_branches().groepen} - weg | {OVERIG}
    beperkt = changes.open_pair(*paths, Kaartrechten.van(groepen=toegestaan))
    try:
        zichtbaar = changes.registraties(beperkt)
    finally:
        beperkt.close()
    nummers = {r["vestigingsnummer"] for r in zichtbaar}
    assert verborgen not in nummers and nummers
    assert all(groepen_van.get(n, {OVERIG}) & toegestaan for n in nummers)
    assert all(not set(r["groepen"]) & weg for r in zichtbaar)


def automotive_namen(demo_con, nummers: set[str]) -> set[str]:
    sql = "SELECT naam FROM vestiging WHERE list_contains(?, vestigingsnummer)"
    return {n for (n,) in demo_con.execute(sql, [sorted(nummers)]).fetchall()}


def test_mapshot_png_pdf_and_html_hold_no_hidden_vestiging(beauty, demo_con, alleen_automotive):
    from pypdf import PdfReader

    from exports.html import html_map, json_for_script
    from exports.mapshot.data import load
    from exports.mapshot.render import SnapshotOptions, render, whole_municipality

    view = whole_municipality(beauty)
    data = load(beauty, view, view.rd_box(), 1.0)
    assert len(data.punten.naam) > 0
    assert not set(data.punten.naam) & automotive_namen(demo_con, alleen_automotive)
    branches = load_branches()
    assert {r.naam for r in data.group_counts()} <= {branches.naam("beauty"), branches.overig_naam}
    _png, pdf = render(beauty, view, SnapshotOptions(privacy=False))
    tekst = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Beauty" in tekst and "Automotive" not in tekst
    html = html_map(beauty, view, SnapshotOptions(privacy=False))
    assert "Automotive" not in html
    assert not [n for n in automotive_namen(demo_con, alleen_automotive) if json_for_script(n)[1:-1] in html]


def test_bedrijventerrein_profiles_count_only_visible_groups(beauty):
    from geo import parks

    parks.prepare(beauty)
    profielen = parks.profielen(beauty)
    assert profielen and all(set(p["branches"]) <= {"beauty"} for p in profielen)


def test_kerncluster_pdf_leaves_out_a_linked_hidden_vestiging(beauty, alleen_automotive):
    from geo.objectnamen import linked_objects

    nummer = sorted(alleen_automotive)[0]
    assert linked_objects(beauty, [{"object_type": "vestiging", "object_id": nummer}]) == []


def test_sbi_codes_in_use_come_only_from_visible_vestigingen(beauty):
    verborgen = beauty.execute(
        "SELECT count(*) FROM sbi_code c WHERE c.bron = 'kvk' AND NOT EXISTS (SELECT 1 FROM vestiging v "
        "WHERE v.sbi_versie = c.versie AND list_contains(v.sbi_codes, c.code))").fetchone()[0]
    assert verborgen == 0
