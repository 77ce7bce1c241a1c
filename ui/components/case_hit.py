"""Hit/no-hit: does an address, building or company appear in any case, in any theme?

For users without the theme: the answer is only yes or no and whom to contact (the team
contact), never which case or theme. Addresses and KVK numbers are resolved to BAG and KVK
identifiers in the current snapshot; every question is audited by cases.access.hit_no_hit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import streamlit as st

from cases import access
from cases.model import Gebruiker, Treffer
from geo import search
from ui import cases_data, data
from ui.text import md_escape

UITLEG = ("Vraag of een adres, pand of onderneming voorkomt in een casus, ook buiten uw eigen thema's. "
          "U krijgt alleen ja of nee, en bij ja wie u kunt benaderen; nooit welke casus of welk thema.")
INVOER = "Adres (postcode + huisnummer), BAG-identificatie, KVK-nummer of vestigingsnummer"
VOORBEELD = "Bijvoorbeeld 1234 AB 12, Dorpsstraat 12, 0637100000123456 of 12345678"
NIET_HERKEND = ("Vul een adres (postcode en huisnummer, of straat en huisnummer), een BAG-identificatie "
                "(16 cijfers), een KVK-nummer (8 cijfers) of een vestigingsnummer (12 cijfers) in. Op naam "
                "zoeken kan hier niet.")


@dataclass(frozen=True)
class Vraag:
    identificaties: tuple[str, ...]
    omschrijving: str  # what was checked, in words


def resolve(text: str) -> Vraag | None:
    """The identifiers to check for what the user typed; None when it is not an address or number."""
    digits = re.sub(r"[\s.]", "", text or "")
    if digits.isdigit() and len(digits) == 16:
        return Vraag((digits,), f"BAG-identificatie {digits}")
    vraag = search.parse(text or "")
    if vraag is None or vraag.soort == "naam":
        return None
    if vraag.soort == "vestigingsnummer":
        return Vraag((digits,), f"vestigingsnummer {digits}")
    found = _snapshot_search(text)
    if vraag.soort == "kvk_nummer":
        ids = (digits, *sorted({r["id"] for r in found}))
        return Vraag(ids, f"KVK-nummer {digits} en de vestigingen ervan")
    adressen = [r for r in found if r["soort"] == "adres"]
    if not adressen:
        return Vraag((), "")
    names = ", ".join(f"{r['label']} ({r['detail']})" for r in adressen[:3])
    more = f" en {len(adressen) - 3} andere" if len(adressen) > 3 else ""
    return Vraag(tuple(r["id"] for r in adressen), f"het adres {names}{more}")


def _snapshot_search(text: str) -> list[dict]:
    snapshot = data.snapshot_path()
    if snapshot is None:
        return []
    cases_data.log_search(text, soort="treffervraag")
    with data.cursor(snapshot) as cur:
        return search.search(cur, text)


def ask(gebruiker: Gebruiker, identificaties: tuple[str, ...]) -> Treffer:
    return access.hit_no_hit(cases_data.store(), gebruiker, list(identificaties))


def show_answer(treffer: Treffer, omschrijving: str) -> None:
    wat = md_escape(omschrijving[:1].upper() + omschrijving[1:])
    if treffer.treffer:
        st.warning(f"**Ja.** {wat} komt voor in minstens één casus, in welk thema dan ook. Meer laat Zicht "
                   f"u niet zien. Neem contact op met {md_escape(treffer.contact)}.",
                   icon=":material/priority_high:")
    else:
        st.success(f"**Nee.** {wat} komt in geen enkele casus voor.", icon=":material/check:")


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
        st.error("Dit adres staat niet in de BAG-gegevens van Zicht. Controleer postcode en huisnummer, "
                 "of vraag naar de BAG-identificatie.", icon=":material/error:")
    else:
        show_answer(ask(gebruiker, vraag.identificaties), vraag.omschrijving)
