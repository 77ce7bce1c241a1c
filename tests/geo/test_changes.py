"""What changed since the previous snapshot. `zicht demo` (and the demo fixture) builds Demostad
twice: on 1 October 2026 and on 1 November 2026, from the same generated town. In October a
massage salon opened on a dwelling (a new signal) and a vacant hall got a tenant (a signal that
goes); the rest is the ordinary flow of registrations that month."""

from __future__ import annotations

import csv
import json
from datetime import date

import pytest

from demo import vorige
from geo import changes, indicators, snapshots
from geo.db import connect


@pytest.fixture(scope="module")
def paths(demo_data_dir):
    return snapshots.current_snapshot(demo_data_dir), snapshots.previous_snapshot(demo_data_dir)


@pytest.fixture(scope="module")
def rows(paths) -> list[dict]:
    con = changes.open_pair(*paths)
    try:
        return changes.registraties(con)
    finally:
        con.close()


def results(path) -> dict[str, list[dict]]:
    con = connect(path, read_only=True)
    try:
        indicators.prepare(con)
        return indicators.run_all(con)
    finally:
        con.close()


def test_the_demo_has_a_previous_snapshot_one_month_earlier(paths):
    current, previous = paths
    assert previous is not None and previous != current
    assert previous.name.startswith("zicht-2026-10-01-") and current.name.startswith("zicht-2026-11-01-")
    con = changes.open_pair(current, previous)
    try:
        assert changes.peildata(con) == ("2026-11-01", "2026-10-01")
    finally:
        con.close()


def test_new_and_ended_are_exactly_what_happened_in_october(paths, rows):
    con = connect(paths[0], read_only=True)
    try:
        started = {r[0] for r in con.execute(
            "SELECT vestigingsnummer FROM vestiging WHERE datum_aanvang > DATE '2026-10-01' "
            "AND is_actief(datum_aanvang, datum_einde, '2026-11-01')").fetchall()}
        ended = {r[0] for r in con.execute(
            "SELECT vestigingsnummer FROM vestiging WHERE datum_aanvang <= DATE '2026-10-01' "
            "AND datum_einde > DATE '2026-10-01' AND datum_einde <= DATE '2026-11-01'").fetchall()}
    finally:
        con.close()
    assert {r["vestigingsnummer"] for r in rows if r["verandering"] == "nieuw"} == started
    assert {r["vestigingsnummer"] for r in rows if r["verandering"] == "beeindigd"} == ended
    assert not any(r["niet_meer_geleverd"] for r in rows)


def test_the_planted_october_registrations_are_new_with_their_group_and_buurt(rows, planted):
    mine = {r["vestigingsnummer"]: r for r in rows}
    salon = mine[planted["oktober"]["nieuw_signaal"]["vestigingsnummer"]]
    assert salon["verandering"] == "nieuw" and "seksbranche" in salon["groepen"]
    assert salon["buurt"] == planted["massage_cluster"]["buurtcode"]
    assert mine[planted["oktober"]["vervallen_signaal"]["vestigingsnummer"]]["verandering"] == "nieuw"


def test_per_group_and_per_buurt_add_up(rows):
    buurten = changes.per_buurt(rows)
    for soort in ("nieuw", "beeindigd"):
        assert sum(b[soort] for b in buurten) == sum(r["verandering"] == soort for r in rows)
    groepen = {g["groep"]: g for g in changes.per_groep(rows)}
    assert groepen["seksbranche"]["nieuw"] >= 1
    zonder = sum(not r["groepen"] for r in rows if r["verandering"] == "nieuw")
    assert groepen[changes.ZONDER_GROEP]["nieuw"] == zonder


def test_signals_that_came_and_went_are_the_planted_ones(paths, planted):
    nu, toen = (results(p) for p in paths)
    gewisseld = [(s["verandering"], s["indicator"], s["object_id"])
                 for s in changes.signalen(nu, toen) if s["verandering"] != "gewijzigd"]
    oktober = planted["oktober"]
    assert gewisseld == [
        ("nieuw", "branche_op_woonadres", oktober["nieuw_signaal"]["vestigingsnummer"]),
        ("vervallen", "leegstand_bedrijventerrein", oktober["vervallen_signaal"]["pand_id"])]


def test_a_changed_reason_is_reported_for_objects_but_not_for_buurten():
    ind = indicators.by_id("veel_inschrijvingen")
    buurt = indicators.by_id("concentratie")
    nu = {ind.id: [{"object_id": "a", "label": "A", "reden": "27"}],
          buurt.id: [{"object_id": "b", "label": "B", "reden": "LQ 3"}]}
    toen = {ind.id: [{"object_id": "a", "label": "A", "reden": "26"}],
            buurt.id: [{"object_id": "b", "label": "B", "reden": "LQ 2"}]}
    (only,) = changes.signalen(nu, toen)
    assert (only["verandering"], only["reden"], only["reden_vorige"]) == ("gewijzigd", "27", "26")


def test_only_snapshot_files_are_attached(tmp_path, paths):
    odd = tmp_path / "x'; DROP TABLE meta; --.duckdb"
    odd.write_bytes(b"")
    with pytest.raises(ValueError):
        changes.open_pair(paths[0], odd)


def test_earlier_kvk_files_leave_out_what_happened_after_the_peildatum(tmp_path):
    header = [vorige.START, vorige.EINDE, vorige.OND_START, vorige.OND_EINDE, "naam"]
    rows = [["01-02-2020", "", "01-02-2020", "", "blijft"],
            ["15-10-2026", "", "15-10-2026", "", "later begonnen"],
            ["01-02-2020", "20-10-2026", "01-02-2020", "20-10-2026", "later gestopt"],
            ["01-02-2020", "01-09-2026", "01-02-2020", "01-09-2026", "eerder gestopt"]]
    source = tmp_path / "in" / "kvk.csv"
    source.parent.mkdir()
    with open(source, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, delimiter=";", lineterminator="\r\n").writerows([header, *rows])
    api = tmp_path / "in" / "api"
    api.mkdir()
    (api / "a.json").write_text(json.dumps({"materieleRegistratie": {"datumAanvang": "20261015"}}))
    (api / "b.json").write_text(json.dumps({"materieleRegistratie": {
        "datumAanvang": "20200101", "datumEinde": "20261020"}}))
    manifest = {"bronnen": [
        {"bron": "k", "soort": "kvk-file", "pad": "in/kvk.csv", "peildatum": "2026-11-01"},
        {"bron": "j", "soort": "kvk-json", "pad": "in/api", "peildatum": "2026-11-01"},
        {"bron": "c", "soort": "gebieden", "pad": "in/x", "peildatum": "2024-01-01"}]}
    items = vorige.derive(tmp_path, manifest, "2026-10-01")
    assert [i["peildatum"] for i in items] == ["2026-10-01", "2026-10-01", "2024-01-01"]
    with open(tmp_path / items[0]["pad"], encoding="utf-8-sig", newline="") as f:
        out = list(csv.DictReader(f, delimiter=";"))
    assert [(r["naam"], r[vorige.EINDE]) for r in out] == [
        ("blijft", ""), ("later gestopt", ""), ("eerder gestopt", "01-09-2026")]
    assert [p.name for p in (tmp_path / items[1]["pad"]).iterdir()] == ["b.json"]
    b = json.loads((tmp_path / items[1]["pad"] / "b.json").read_text())
    assert "datumEinde" not in b["materieleRegistratie"]
    assert date.fromisoformat(vorige.PEILDATUM_VORIGE) < date(2026, 11, 1)
