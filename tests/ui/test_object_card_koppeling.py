"""The vestiging card says how certain its BAG link is and lists the candidates when it is not."""

from __future__ import annotations

from ui.components import object_card
from ui.text import md_html


def _kandidaat(adres, score, gekozen, reden="op postcode en huisnummer, toevoeging wijkt af"):
    return {"verblijfsobject_id": "0363010000618805", "adres": adres, "score": score,
            "reden": reden, "gekozen": gekozen}


def test_certain_match_names_the_rule_and_shows_no_candidates():
    card = {"match_methode": "bag_id", "match_score": 1.0, "match_status": "zeker",
            "kandidaten": [_kandidaat("De Ruijterkade 112", 1.0, True, "op BAG-id")]}
    assert object_card.koppeling_tekst(card) == "zeker: op BAG-id (score 1,00)"
    assert object_card.kandidaten_html(card) == ""


def test_uncertain_match_says_onzeker_and_lists_escaped_candidates():
    card = {"match_methode": "adres", "match_score": 0.8, "match_status": "onzeker",
            "kandidaten": [_kandidaat("<b>Kade</b> 112", 0.8, True)]}
    assert object_card.koppeling_tekst(card) == (
        "onzeker: op postcode en huisnummer, toevoeging wijkt af (score 0,80)")
    html = object_card.kandidaten_html(card)
    # data text in card HTML is ui.text.md_html: every punctuation character an entity
    assert md_html("<b>Kade</b> 112") + " (score 0,80;" in html and "<b>Kade" not in html
    assert "gekozen" in html and "niet zeker" in html


def test_several_candidates_say_meerdere_kandidaten_and_none_is_chosen():
    card = {"match_methode": "geen", "match_score": 0.0, "match_status": "meerdere kandidaten",
            "kandidaten": [_kandidaat("Kade 105-1", 0.4, False), _kandidaat("Kade 105-H", 0.4,
                                                                             False)]}
    assert object_card.koppeling_tekst(card) == "meerdere kandidaten: geen BAG-object gekozen"
    html = object_card.kandidaten_html(card)
    assert html.count("<li>") == 2 and "gekozen" not in html


def test_unmatched_without_candidates_says_niet_gekoppeld():
    card = {"match_methode": "geen", "match_score": 0.0, "match_status": "geen", "kandidaten": []}
    assert object_card.koppeling_tekst(card) == "niet gekoppeld"
    assert object_card.kandidaten_html(card) == ""


def test_pand_card_marks_a_vestiging_whose_link_is_uncertain():
    basis = {"naam": "Kapper", "kvk_nummer": "1", "is_hoofdvestiging": True, "sbi_hoofd": "9602",
             "sbi_omschrijving": "", "datum_aanvang": None, "datum_einde": None, "actief": True}
    onzeker = object_card._vestigingen_html([{**basis, "match_status": "onzeker",
                                              "match_score": 0.6}])
    zeker = object_card._vestigingen_html([{**basis, "match_status": "zeker", "match_score": 1.0}])
    assert "koppeling aan dit adres onzeker (score 0,60)" in onzeker
    assert "onzeker" not in zeker
