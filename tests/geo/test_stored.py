"""geo.stored: the build stores branch membership and every indicator's results in the snapshot;
they are exactly what computing them on the snapshot gives, and they are not used once
branches.toml or indicators.toml changed after the build."""

from __future__ import annotations

from geo import branches, concentration, stored
from geo import indicators as ind


def test_stored_branch_membership_is_what_computing_it_gives(demo_con):
    with demo_con.cursor() as cur:
        computed = concentration.membership(cur)
        cur.register("berekend", computed)
        verschil = cur.execute("SELECT count(*) FROM (SELECT * FROM branche_lid EXCEPT ALL "
                               "SELECT * FROM berekend UNION ALL (SELECT * FROM berekend "
                               "EXCEPT ALL SELECT * FROM branche_lid))").fetchone()[0]
        assert computed.num_rows > 0 and verschil == 0


def by_id(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda r: str(r["object_id"]))


def test_stored_indicator_results_are_what_computing_them_gives(demo_con):
    opgeslagen = stored.results(demo_con)
    assert opgeslagen is not None
    with demo_con.cursor() as cur:
        concentration.register_membership(cur)
        ind.prepare(cur)
        for indicator in ind.load_indicators():
            try:
                berekend = ind.run(cur, indicator)
            except ind.NietBerekend as exc:
                assert opgeslagen[indicator.id]["fout"] == str(exc)
                continue
            assert opgeslagen[indicator.id]["fout"] is None
            # the same rows; the order of rows that tie on an indicator's ORDER BY may differ
            assert by_id(opgeslagen[indicator.id]["rijen"]) == by_id(berekend), indicator.id
    assert sum(len(u["rijen"]) for u in opgeslagen.values()) > 0


def test_nothing_stored_is_used_after_the_branch_groups_changed(demo_con, tmp_path, monkeypatch):
    assert stored.valid(demo_con) and stored.membership_to_register(demo_con) is None
    gewijzigd = tmp_path / "branches.toml"
    gewijzigd.write_text(branches.DEFAULT_PATH.read_text(encoding="utf-8") + "\n# gewijzigd\n",
                         encoding="utf-8")
    monkeypatch.setattr(branches, "DEFAULT_PATH", gewijzigd)
    assert not stored.valid(demo_con)
    assert stored.results(demo_con) is None
    with demo_con.cursor() as cur:
        assert stored.membership_to_register(cur).num_rows > 0  # computed again
        stored.ensure_membership(cur)  # what exports, area analysis and indicators rely on
        assert stored.registered(cur)
