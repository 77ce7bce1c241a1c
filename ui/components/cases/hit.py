"""Hit/no-hit: does an address, building or company appear in any case, in any theme?

For users without the theme: the answer is only yes or no and whom to contact (the team
contact), never which case or theme. geo.treffer turns the question into every identifier a case
link may carry at or around it (the pand of an address, the vestigingen and ondernemingen there,
the address of a company); cases.access.hit_no_hit asks the store and audits the question.
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from cases import access
from cases.model import Gebruiker, Treffer
from geo import treffer as geo_treffer
from geo.treffer import Vraag
from ui import cases_data, data
from ui import kaartrechten as rechten
from ui.text import md_escape

UITLEG = ("Vraag of een adres, pand of onderneming voorkomt in een casus, ook buiten uw eigen thema's. "
          "U krijgt alleen ja of nee, en bij ja wie u kunt benaderen; nooit welke casus of welk thema.")
INVOER = "Adres (postcode + huisnummer, of straat + huisnummer), BAG-identificatie, KVK-nummer of naam"
VOORBEELD = "Bijvoorbeeld 1234 AB 12, Dorpsstraat 12, 0637100000123456, 12345678 of Bakkerij Jansen"
NIET_HERKEND = ("Vul een adres (postcode en huisnummer, of straat en huisnummer), een BAG-identificatie "
                "(16 cijfers), een KVK-nummer (8 cijfers), een vestigingsnummer (12 cijfers) of een "
                "bedrijfsnaam in.")
GEEN_ADRES = ("Dit adres staat niet in de BAG-gegevens van Zicht. Controleer postcode en huisnummer, "
              "of vraag naar de BAG-identificatie.")
GEEN_NAAM = ("Geen vestiging met deze naam in de KVK-gegevens van Zicht. Bedoelt u een straat, geef dan "
             "ook het huisnummer.")
GEEN_SNAPSHOT = "Er zijn nog geen BAG- en KVK-gegevens geladen; vraag naar een nummer of laad eerst gegevens."
# What a "yes" or "no" covers, per kind of question (the answer must not claim less or more).
_OMVANG = {
    "adres": "of het pand, een vestiging of een onderneming op dit adres",
    "bag": "of een adres, pand, vestiging of onderneming daarin of daarop",
    "onderneming": "of het adres of pand waar zij gevestigd zijn",
    "vestiging": "of de onderneming, of het adres of pand waar zij gevestigd is",
    "naam": "of de onderneming, of het adres of pand waar zij gevestigd zijn",
    "object": "of een adres, pand, vestiging of onderneming op deze plek",
}


def resolve(text: str) -> Vraag | None:
    """The question for what the user typed; None when it is not an address, number or name."""
    snapshot = data.snapshot_path()
    cases_data.log_search(text, soort="treffervraag")
    if snapshot is None:
        digits = "".join(c for c in text or "" if c.isdigit())
        return Vraag("bag", (digits,), f"identificatie {digits}") if len(digits) in (8, 12, 16) else None
    with data.cursor(snapshot) as cur:
        return geo_treffer.resolve(cur, text)


def card_identifiers(objects: Iterable[tuple[str, str]]) -> tuple[str, ...]:
    """Everything at or around the objects on a map card, as identifiers to ask about."""
    objects = list(objects)
    snapshot = data.snapshot_path()
    if snapshot is None:
        return tuple(i for _, i in objects)
    # Hit/no-hit crosses themes by design and shows only yes/no: the identifiers at an object the
    # user sees include those his map rights hide, or a 'no' could be wrong (ui.kaartrechten).
    return rechten.met(None, lambda: _for_objects(snapshot, objects))


def _for_objects(snapshot: str, objects: list[tuple[str, str]]) -> tuple[str, ...]:
    with data.cursor(snapshot) as cur:
        return geo_treffer.for_objects(cur, objects)


def ask(gebruiker: Gebruiker, identificaties: tuple[str, ...]) -> Treffer:
    return access.hit_no_hit(cases_data.store(), gebruiker, list(identificaties))


def show_answer(treffer: Treffer, omschrijving: str, soort: str = "object") -> None:
    wat = md_escape(omschrijving[:1].upper() + omschrijving[1:])
    omvang = _OMVANG.get(soort, _OMVANG["object"])
    if treffer.treffer:
        st.warning(f"**Ja.** {wat} ({omvang}) komt voor in minstens één casus, in welk thema dan ook. "
                   f"Meer laat Zicht u niet zien. Neem contact op met {md_escape(treffer.contact)}.",
                   icon=":material/priority_high:")
    else:
        via = omvang.removeprefix("of ")
        st.success(f"**Nee.** {wat} komt in geen enkele casus voor, ook niet via {via}.",
                   icon=":material/check:")


def render_form(gebruiker: Gebruiker, key: str) -> None:
    """The small question form, with its answer under it."""
    with st.form(f"treffer_{key}", border=False):
        tekst = st.text_input(INVOER, key=f"treffer_tekst_{key}", placeholder=VOORBEELD)
        gevraagd = st.form_submit_button("Controleren", icon=":material/search:")
    if gevraagd:
        answer(gebruiker, tekst)


def answer(gebruiker: Gebruiker, tekst: str) -> None:
    vraag = resolve(tekst)
    if vraag is None:
        st.error(NIET_HERKEND, icon=":material/error:")
    elif not vraag.identificaties:
        st.error(GEEN_NAAM if vraag.soort == "naam" else GEEN_ADRES, icon=":material/error:")
    else:
        show_answer(ask(gebruiker, vraag.identificaties), vraag.omschrijving, vraag.soort)
