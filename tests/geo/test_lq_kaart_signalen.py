"""The Kaart and the Signalen page give the same location quotient for the same buurt, branch
group and filters, and the filter "SBI-codes alleen als hoofdactiviteit" changes the counts it
promises to change. On the Demostad snapshot built by the real pipeline."""

from __future__ import annotations

import dataclasses

import pytest

from geo import concentration, indicators, snapshots
from geo.branches import load_branches
from geo.concentration import Filter
from geo.db import connect


@pytest.fixture(scope="module")
def con(demo_data_dir):
    con = connect(snapshots.current_snapshot(demo_data_dir), read_only=True)
    concentration.register_membership(con)
    indicators.prepare(con)
    yield con
    con.close()


def signal_lq(con, alleen_hoofd: bool) -> dict[tuple[str, str], float]:
    """(buurt, groep) -> LQ of the concentration signal, every buurt and group (no thresholds)."""
    ind = indicators.by_id("concentratie")
    ind = dataclasses.replace(ind, parameters={**ind.parameters, "lq_drempel": 0.0,
                                               "min_aantal": 5,
                                               "alleen_hoofdactiviteit": alleen_hoofd})
    return {(r["buurt"], r["groep"]): r["lq"] for r in indicators.run(con, ind)}


def map_lq(con, groep: str, alleen_hoofd: bool) -> dict[str, float | None]:
    filt = Filter(peildatum=indicators.peildatum(con), groepen=(groep,), alleen_hoofd=alleen_hoofd)
    return {r["code"]: r["lq"] for r in concentration.per_area(con, filt, "buurt")}


@pytest.mark.parametrize("alleen_hoofd", [True, False], ids=["hoofd", "hoofd_en_neven"])
def test_map_lq_equals_signal_lq_for_every_buurt_and_group(con, alleen_hoofd):
    signaal = signal_lq(con, alleen_hoofd)
    assert len(signaal) >= 10
    for groep in {g for _, g in signaal}:
        kaart = map_lq(con, groep, alleen_hoofd)
        for (buurt, g), lq in signaal.items():
            if g == groep:
                assert kaart[buurt] is not None and round(kaart[buurt], 1) == lq, (buurt, groep)


def test_default_signal_counts_the_hoofdactiviteit_like_the_map_filter(con):
    assert indicators.by_id("concentratie").parameters["alleen_hoofdactiviteit"] is True
    assert signal_lq(con, True) != signal_lq(con, False)  # the setting matters on the demo


def test_hoofdactiviteit_filter_changes_the_group_counts(con):
    peildatum = indicators.peildatum(con)
    veranderd = []
    for groep in load_branches().groepen:
        alle = concentration.totals(con, Filter(peildatum, groepen=(groep.id,)))
        hoofd = concentration.totals(con, Filter(peildatum, groepen=(groep.id,),
                                                 alleen_hoofd=True))
        assert hoofd["aantal"] <= alle["aantal"] and hoofd["alle"] == alle["alle"]
        if hoofd["aantal"] < alle["aantal"]:
            veranderd.append(groep.id)
    assert len(veranderd) >= 3, veranderd  # the demo has nevenactiviteiten in many groups


def test_hoofdactiviteit_filter_counts_exactly_the_members_by_their_main_code(con):
    peildatum = indicators.peildatum(con)
    filt = Filter(peildatum, groepen=("beauty",), alleen_hoofd=True)
    gekozen = set(concentration.vestigingsnummers(con, filt))
    verwacht = {r[0] for r in con.execute(
        "SELECT b.vestigingsnummer FROM branche_vestiging b JOIN vestiging_actief v "
        "USING (vestigingsnummer) WHERE b.groep = 'beauty' AND b.op_hoofd").fetchall()}
    assert gekozen == verwacht and gekozen
