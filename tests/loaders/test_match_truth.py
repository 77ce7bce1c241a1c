"""The KVK -> BAG match measured against truth: companies written in real-world spellings on real
Amsterdam BAG addresses (verblijfsobjecten, nevenadressen, ligplaatsen, standplaatsen) with the
true BAG object known. A score >= 0.9 must be right at least 99 % of the time, and at least 97 %
of the companies at an address that exists in BAG must land on their object. The figures per
band, rule and spelling: `python -m bench.match_truth`."""

from __future__ import annotations

import pytest

from tests.conftest import shared_file
from tests.loaders import match_truth as mt


@pytest.fixture(scope="module")
def uitkomst():
    con, adressen, resultaten = mt.bouw(shared_file("fixtures", "bag",
                                                    "bagadres-full-amsterdam.csv"))
    yield {"adressen": adressen, "resultaten": resultaten, "con": con,
           "tabel": mt.tabel(resultaten)}
    con.close()


def test_truth_set_covers_every_kind_of_bag_object_and_many_spellings(uitkomst):
    soorten = {(a.soort, a.neven) for a in uitkomst["adressen"]}
    assert {("VBO", False), ("VBO", True), ("LIG", False), ("STA", False)} <= soorten
    spellingen = uitkomst["tabel"]["spelling"]
    assert len(uitkomst["resultaten"]) > 1000
    assert sum(1 for s in spellingen if not s.startswith(("hand", "neg"))) >= 12
    assert all(spellingen[s]["n"] > 0 for s in ("begane_grond_woord", "verdieping_woord",
                                                "bag_id_onbekend", "postcode_vorm"))


def test_a_match_scored_09_or_more_is_right_at_least_99_percent(uitkomst):
    zeker = [r for r in uitkomst["resultaten"] if r["vbo"] is not None and r["score"] >= mt.ZEKER]
    assert len(zeker) > 700
    goed = sum(r["goed"] for r in zeker)
    assert goed / len(zeker) >= 0.99, mt.tekst({"band": uitkomst["tabel"]["band"]})


def test_at_least_97_percent_of_companies_at_existing_addresses_find_their_object(uitkomst):
    totaal = uitkomst["tabel"]["totaal"]["alles"]
    assert totaal["recall"] >= 0.97, mt.tekst(uitkomst["tabel"])
    # and the analyst can see the right object among the candidates nearly always
    assert totaal["in_kandidaten"] >= 0.99


def test_an_address_that_is_not_in_bag_is_never_a_certain_match(uitkomst):
    negatief = [r for r in uitkomst["resultaten"] if r["geval"].waar is None]
    assert len(negatief) > 250
    zeker = [(r["geval"], r["vbo"], r["score"]) for r in negatief if r["status"] == "zeker"]
    assert zeker == []


def test_status_follows_the_score(uitkomst):
    for r in uitkomst["resultaten"]:
        if r["vbo"] is None:
            assert r["status"] in ("geen", "meerdere kandidaten") and r["score"] == 0.0
        else:
            assert r["status"] == ("zeker" if r["score"] >= mt.ZEKER else "onzeker")


def _hand(uitkomst, spelling: str) -> dict:
    return next(r for r in uitkomst["resultaten"] if r["geval"].spelling == spelling)


@pytest.mark.parametrize("spelling", [
    "hand_nevenadres", "hand_nevenadres_hs", "hand_nevenadres_numid", "hand_ligplaats",
    "hand_ligplaats_letter", "hand_standplaats", "hand_huis_op_enig_adres",
    "hand_huis_naast_plain", "hand_plain_naast_suffixen", "hand_letter_en_toevoeging_in_huisnummer",
    "hand_toevoeging_voor_letter", "hand_romeins_links", "hand_nul_voor"])
def test_hard_real_spelling_is_a_certain_match_on_the_true_object(uitkomst, spelling):
    r = _hand(uitkomst, spelling)
    assert (r["vbo"], r["status"]) == (r["geval"].waar, "zeker")


@pytest.mark.parametrize("spelling", [
    "hand_neg_suffix_weg_bij_flats", "hand_neg_coordinaten_op_flatpunt",
    "hand_neg_twee_ligplaatsen_op_een_punt", "hand_neg_letter_bestaat_niet",
    "hand_neg_verdieping_die_er_niet_is", "hand_neg_achter"])
def test_several_objects_fitting_equally_are_meerdere_kandidaten_without_a_choice(uitkomst,
                                                                                 spelling):
    r = _hand(uitkomst, spelling)
    assert (r["vbo"], r["status"]) == (None, "meerdere kandidaten")
    assert len(r["kandidaten"]) >= 2


@pytest.mark.parametrize("spelling", [
    "hand_neg_bis_onbekend", "hand_neg_onbekende_toevoeging_op_enig_adres",
    "hand_neg_hoog_zonder_getal"])
def test_a_suffix_bag_does_not_know_is_at_most_an_uncertain_match(uitkomst, spelling):
    assert _hand(uitkomst, spelling)["status"] == "onzeker"


def test_flats_on_one_point_keep_the_building_location_without_choosing_a_flat(uitkomst):
    con = uitkomst["con"]
    nummer = mt.nummer(uitkomst["resultaten"], "hand_neg_suffix_weg_bij_flats")
    vbo, x, y = con.execute("SELECT verblijfsobject_id, ST_X(geom), ST_Y(geom) FROM vestiging "
                            "WHERE vestigingsnummer = ?", [nummer]).fetchone()
    assert (vbo, x, y) == (None, 122177.0, 487877.0)


def test_unknown_bag_id_is_reported_and_the_address_still_matches(uitkomst):
    con = uitkomst["con"]
    onbekend = [(f"{i:012d}", r) for i, r in enumerate(uitkomst["resultaten"], start=1)
                if r["geval"].spelling in ("bag_id_onbekend", "hand_neg_bag_id_onbekend_geen_adres")]
    gemeld = dict(con.execute("SELECT sleutel, toelichting FROM waarschuwing "
                              "WHERE soort = 'bag_id_onbekend'").fetchall())
    assert {n for n, _ in onbekend} == set(gemeld)
    for nummer, r in onbekend:
        if r["geval"].waar:
            assert r["goed"] and r["methode"] == "adres"
            assert "gekoppeld op postcode en huisnummer" in gemeld[nummer]
        else:
            assert r["vbo"] is None and "niet op een BAG-object gekoppeld" in gemeld[nummer]


def test_every_uncertain_match_is_a_warning_with_its_candidates_kept(uitkomst):
    con = uitkomst["con"]
    onzeker = {f"{i:012d}": r["status"] for i, r in enumerate(uitkomst["resultaten"], start=1)
               if r["status"] in ("onzeker", "meerdere kandidaten")}
    gemeld = dict(con.execute("SELECT sleutel, soort FROM waarschuwing "
                              "WHERE soort IN ('koppeling_onzeker', 'meerdere_kandidaten')"
                              ).fetchall())
    assert gemeld == {n: s.replace(" ", "_").replace("onzeker", "koppeling_onzeker")
                      for n, s in onzeker.items()}
    zonder = con.execute("SELECT count(*) FROM vestiging v WHERE match_status <> 'geen' AND NOT "
                         "EXISTS (SELECT 1 FROM koppel_kandidaat k "
                         "WHERE k.vestigingsnummer = v.vestigingsnummer)").fetchone()[0]
    assert zonder == 0
