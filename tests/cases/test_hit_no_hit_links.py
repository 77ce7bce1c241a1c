"""Hit/no-hit finds a case whatever was linked and however the question is put.

A case linked to a pand, an adres (verblijfsobject), a nummeraanduiding, a vestiging or an
onderneming must give "yes" for every form of question about that place or company: postcode +
huisnummer (written two ways), straat + huisnummer, the BAG id of the verblijfsobject, of the
nummeraanduiding or of the pand, the KVK-nummer, the vestigingsnummer and the name. An address
elsewhere stays "no". The demo snapshot resolves the question (geo.treffer); the real encrypted
store answers it (cases.access.hit_no_hit).
"""

from __future__ import annotations

import pytest

from cases import access, workflow
from geo import treffer
from tests.cases.conftest import new_case

LINK_KINDS = ["pand", "adres", "nummeraanduiding", "vestiging", "maatschappelijke_activiteit"]
QUESTION_FORMS = ["postcode", "postcode_aaneen", "straat", "vbo_id", "nummeraanduiding_id", "pand_id",
                  "kvk_nummer", "vestigingsnummer", "naam"]


@pytest.fixture(scope="module")
def place(demo_con) -> dict:
    """A vestiging matched to a plain address (no huisletter/toevoeging) with a unique name, and an
    address in another pand where nothing of that onderneming is."""
    row = demo_con.execute("""
        SELECT v.vestigingsnummer, v.kvk_nummer, v.naam, a.identificatie, a.nummeraanduiding_id,
               a.pand_identificatie, a.postcode, a.huisnummer, a.openbare_ruimte
        FROM vestiging v JOIN verblijfsobject a ON a.identificatie = v.verblijfsobject_id
        WHERE a.huisletter IS NULL AND a.toevoeging IS NULL AND a.nummeraanduiding_id IS NOT NULL
          AND (SELECT count(*) FROM vestiging w WHERE contains(lower(w.naam), lower(v.naam))) = 1
          AND (SELECT count(*) FROM verblijfsobject b WHERE b.openbare_ruimte = a.openbare_ruimte
               AND b.huisnummer = a.huisnummer AND b.huisletter IS NULL AND b.toevoeging IS NULL) = 1
        ORDER BY v.vestigingsnummer LIMIT 1""").fetchone()
    keys = ["vestiging", "kvk", "naam", "vbo", "nummeraanduiding", "pand", "postcode", "huisnummer", "straat"]
    place = dict(zip(keys, row, strict=True))
    place["elders"] = demo_con.execute("""
        SELECT postcode || ' ' || huisnummer FROM verblijfsobject a
        WHERE a.pand_identificatie <> $pand AND a.huisletter IS NULL AND a.toevoeging IS NULL
          AND a.postcode IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM vestiging v WHERE v.kvk_nummer = $kvk
                          AND v.verblijfsobject_id = a.identificatie)
        ORDER BY identificatie LIMIT 1""", {"pand": place["pand"], "kvk": place["kvk"]}).fetchone()[0]
    return place


def _link(store, team, place: dict, kind: str):
    object_type, ident = {
        "pand": ("pand", place["pand"]), "adres": ("adres", place["vbo"]),
        "nummeraanduiding": ("adres", place["nummeraanduiding"]),
        "vestiging": ("vestiging", place["vestiging"]),
        "maatschappelijke_activiteit": ("maatschappelijke_activiteit", place["kvk"]),
    }[kind]
    case = new_case(store, team.vastgoed, thema="vastgoed")
    workflow.link_object(store, team.vastgoed, case.id, case.versie, object_type, ident)


def _question(place: dict, form: str) -> str:
    pc = place["postcode"]
    return {
        "postcode": f"{pc[:4]} {pc[4:]} {place['huisnummer']}",
        "postcode_aaneen": f"{pc.lower()}{place['huisnummer']}",
        "straat": f"{place['straat']} {place['huisnummer']}",
        "vbo_id": place["vbo"], "nummeraanduiding_id": place["nummeraanduiding"], "pand_id": place["pand"],
        "kvk_nummer": place["kvk"], "vestigingsnummer": place["vestiging"], "naam": place["naam"],
    }[form]


def _answer(store, user, con, text: str) -> bool:
    vraag = treffer.resolve(con, text)
    assert vraag is not None and vraag.identificaties, f"'{text}' werd niet herkend"
    return access.hit_no_hit(store, user, list(vraag.identificaties)).treffer


@pytest.mark.parametrize("kind", LINK_KINDS)
def test_every_question_form_finds_a_case_linked_to_any_object_at_the_place(kind, store, team, demo_con,
                                                                            place):
    _link(store, team, place, kind)
    answers = {form: _answer(store, team.drugs, demo_con, _question(place, form)) for form in QUESTION_FORMS}
    assert answers == dict.fromkeys(QUESTION_FORMS, True)
    assert _answer(store, team.drugs, demo_con, place["elders"]) is False


def test_without_any_link_every_question_answers_no(store, team, demo_con, place):
    for form in QUESTION_FORMS:
        assert _answer(store, team.drugs, demo_con, _question(place, form)) is False, form


def test_a_street_name_without_number_is_not_taken_for_a_company(demo_con, place):
    vraag = treffer.resolve(demo_con, place["straat"])
    assert vraag.soort == "naam" and vraag.identificaties == ()


def test_the_card_of_a_pand_asks_about_everything_in_it(demo_con, place):
    ids = set(treffer.for_objects(demo_con, [("pand", place["pand"])]))
    assert {place["pand"], place["vbo"], place["nummeraanduiding"], place["vestiging"], place["kvk"]} <= ids
