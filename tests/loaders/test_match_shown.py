"""Where an analyst meets the KVK -> BAG match: the vestiging card, the Gegevens lists and the
DOOK download say how certain it is and show the candidates (truth set on the real Amsterdam BAG
sample, tests/loaders/match_truth.py)."""

from __future__ import annotations

import pytest

from exports import dook_csv
from geo import cards
from geo.sqlfiles import sql_text
from tests.conftest import shared_file
from tests.loaders import match_truth as mt

PEILDATUM = "2026-01-01"


@pytest.fixture(scope="module")
def waarheid():
    con, _, resultaten = mt.bouw(shared_file("fixtures", "bag", "bagadres-full-amsterdam.csv"))
    yield con, resultaten
    con.close()


def _rows(con, naam: str, params: dict | None = None) -> list[dict]:
    cur = con.execute(sql_text(naam), params or {})
    kolommen = [d[0] for d in cur.description]
    return [dict(zip(kolommen, r, strict=True)) for r in cur.fetchall()]


def test_card_of_an_uncertain_match_lists_the_candidates_with_score_and_reason(waarheid):
    con, resultaten = waarheid
    card = cards.vestiging_card(con, mt.nummer(resultaten, "hand_neg_onbekende_toevoeging_op_enig_adres"),
                                PEILDATUM)
    assert card["match_status"] == "onzeker"
    assert [(k["adres"], k["score"], k["gekozen"]) for k in card["kandidaten"]] == [
        ("De Ruijterkade 112 1011AB Amsterdam", 0.8, True)]
    assert card["kandidaten"][0]["reden"] == "op postcode en huisnummer, toevoeging wijkt af"


def test_card_of_flats_on_one_point_shows_every_flat_and_chooses_none(waarheid):
    con, resultaten = waarheid
    card = cards.vestiging_card(con, mt.nummer(resultaten, "hand_neg_suffix_weg_bij_flats"),
                                PEILDATUM)
    assert card["match_status"] == "meerdere kandidaten" and card["verblijfsobject_id"] is None
    assert {k["adres"] for k in card["kandidaten"]} == {
        f"De Ruijterkade 105-{t} 1011AB Amsterdam" for t in ("1", "2", "3", "H")}
    assert not any(k["gekozen"] for k in card["kandidaten"])


def test_gegevens_list_has_uncertain_and_unknown_bag_id_rows_with_their_candidates(waarheid):
    con, resultaten = waarheid
    rijen = {r["vestigingsnummer"]: r for r in _rows(con, "gegevens_ongekoppeld",
                                                     {"peildatum": PEILDATUM})}
    flats = rijen[mt.nummer(resultaten, "hand_neg_suffix_weg_bij_flats")]
    assert flats["reden"] == "meerdere kandidaten"
    assert "De Ruijterkade 105-H 1011AB Amsterdam (score 0,40)" in flats["kandidaten"]
    onzeker = rijen[mt.nummer(resultaten, "hand_neg_bis_onbekend")]
    assert (onzeker["reden"], onzeker["match_score"]) == ("onzeker", 0.6)
    assert rijen[mt.nummer(resultaten, "bag_id_onbekend")]["reden"] == "BAG-id onbekend"
    zeker = mt.nummer(resultaten, "hand_nevenadres")
    assert zeker not in rijen


def test_gegevens_counts_certainty_per_source_from_the_same_rows(waarheid):
    con, resultaten = waarheid
    [telling] = _rows(con, "gegevens_koppel_zekerheid")
    assert telling["zeker"] == sum(r["status"] == "zeker" for r in resultaten)
    assert telling["onzeker"] == sum(r["status"] == "onzeker" for r in resultaten)
    assert telling["meerdere"] == sum(r["status"] == "meerdere kandidaten" for r in resultaten)
    assert telling["bag_id_onbekend"] == sum(
        r["geval"].spelling in ("bag_id_onbekend", "hand_neg_bag_id_onbekend_geen_adres")
        for r in resultaten)


def test_dook_download_keeps_its_columns_and_adds_certainty_and_candidates(waarheid):
    con, resultaten = waarheid
    nummers = [mt.nummer(resultaten, s) for s in ("hand_nevenadres", "hand_neg_suffix_weg_bij_flats")]
    kolommen, rijen = dook_csv.rows(con, nummers)
    assert kolommen[:27][-1] == "KVK_Indicatiehoofdvestiging"
    assert kolommen[27:] == ["Zicht_koppeling", "Zicht_koppelscore", "Zicht_kandidaten"]
    per = {r[kolommen.index("KVK_Vestigingsnummer")]: r[27:] for r in rijen}
    assert per[nummers[0]] == ("zeker", 1.0, None)
    status, score, kandidaten = per[nummers[1]]
    assert (status, score) == ("meerdere kandidaten", 0.0)
    assert kandidaten.count("De Ruijterkade 105-") == 4


def test_built_snapshot_keeps_status_candidates_and_warnings_together(demo_con):
    """Through the real pipeline: every vestiging has a status that follows its score, every
    uncertain one a warning row and its candidates in the snapshot."""
    statussen = dict(demo_con.execute(
        "SELECT match_status, count(*) FROM vestiging GROUP BY ALL").fetchall())
    assert set(statussen) <= {"zeker", "onzeker", "meerdere kandidaten", "geen"}
    assert statussen["zeker"] > 0
    assert demo_con.execute(
        "SELECT count(*) FROM vestiging WHERE (match_status = 'zeker') <> (match_score >= 0.9)"
        ).fetchone()[0] == 0
    zonder = demo_con.execute("""
        SELECT count(*) FROM vestiging v
        WHERE match_status IN ('onzeker', 'meerdere kandidaten')
          AND (NOT EXISTS (SELECT 1 FROM waarschuwing w WHERE w.sleutel = v.vestigingsnummer
                           AND w.soort IN ('koppeling_onzeker', 'meerdere_kandidaten'))
               OR NOT EXISTS (SELECT 1 FROM koppel_kandidaat k
                              WHERE k.vestigingsnummer = v.vestigingsnummer))""").fetchone()[0]
    assert zonder == 0
    gekozen = demo_con.execute(
        "SELECT count(*) FROM vestiging v JOIN koppel_kandidaat k USING (vestigingsnummer) "
        "WHERE k.gekozen AND k.verblijfsobject_id IS DISTINCT FROM v.verblijfsobject_id"
    ).fetchone()[0]
    assert gekozen == 0
