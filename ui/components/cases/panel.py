"""The case part of an object card on the map: linked cases, "koppel aan casus", hit/no-hit.

The map's object card calls `render(object_type, object_id, buurtcode)` for a pand, adres,
vestiging, maatschappelijke_activiteit, buurt or wijk. It shows the cases linked to the object
that the user may see (themes filtered by cases.access, audited there), lets a coördinator or
analist link the object to one of their open cases (with the buurtcode, so the counts per buurt
work), and lets anyone lacking a theme ask only whether the object appears in any case.
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from cases import access, workflow
from cases.model import CasusFout, Gebruiker, ObjectType, OngeldigeInvoer, Thema, object_identifier
from ui import cases_data
from ui.components.cases import hit as case_hit
from ui.components.cases.links import OBJECT_LABELS, casus_link
from ui.text import md_escape

GEEN_OPSLAG = "De casusregistratie is niet beschikbaar."
GEEN_KOPPELING = "Niet gekoppeld aan een casus binnen uw thema's."
TREFFER_KNOP = "Komt dit voor in een casus (alle thema's)?"
TREFFER_HULP = ("U krijgt alleen ja of nee, en bij ja wie u kunt benaderen; nooit welke casus of welk thema. "
                "De vraag wordt vastgelegd.")


def render(object_type: str, object_id: str, buurtcode: str | None = None,
           related: Iterable[tuple[str, str]] = ()) -> None:
    """Cases for one map object, for the logged-in user.

    `related`: objects shown on the same card, as (object_type, id) pairs (the addresses and
    vestigingen in a pand, say); cases linked to those are listed too ("via adres …") and the
    hit/no-hit question covers them. Linking always links the object itself.
    """
    gebruiker = cases_data.user()
    if gebruiker is None:
        st.caption(GEEN_OPSLAG)
        return
    try:
        objects = [object_identifier(object_type, object_id)] + [object_identifier(t, i) for t, i in related]
    except OngeldigeInvoer as exc:
        st.caption(md_escape(exc))
        return
    kind, ident = objects[0]
    key = f"{kind.value}_{ident}"
    st.markdown("**Casussen**")
    cases_data.show_flash()
    linked = _linked(gebruiker, objects) if gebruiker.datarollen else set()
    if gebruiker.datarollen:
        _link_form(gebruiker, kind, ident, buurtcode, key, linked)
    if set(Thema) - set(gebruiker.datarollen):
        _hit_button(gebruiker, [(k.value, i) for k, i in objects], key, bool(linked))


def _linked(gebruiker: Gebruiker, objects: list[tuple[ObjectType, str]]) -> set[str]:
    """List the visible cases linked to any of the objects; the ids of those linked to the first."""
    shown: set[str] = set()
    first: set[str] = set()
    for n, (kind, ident) in enumerate(objects):
        for casus in cases_data.cases_for_object(gebruiker, kind, ident):
            if n == 0:
                first.add(casus.id)
            if casus.id not in shown:
                shown.add(casus.id)
                via = "" if n == 0 else f"via {OBJECT_LABELS[kind].split(' (')[0].lower()} {ident}"
                casus_link(casus, via)
    if not shown:
        st.caption(GEEN_KOPPELING)
    return first


def linkable_cases(gebruiker: Gebruiker) -> list:
    """Open cases this user may edit (archived cases are read-only)."""
    return [c for c in cases_data.visible_cases(gebruiker)
            if access.may_edit(gebruiker, c) and not c.status.gearchiveerd]


def _link_form(gebruiker: Gebruiker, kind: ObjectType, ident: str, buurtcode: str | None,
               key: str, linked: set[str]) -> None:
    if not gebruiker.heeft_rol(*access.EDIT_ROLES):
        return
    cases = [c for c in linkable_cases(gebruiker) if c.id not in linked]
    if not cases:
        return
    versies = {c.id: c.versie for c in cases}
    labels = {c.id: f"{c.casusnummer} · {c.titel}" for c in cases}
    with st.popover("Koppel aan casus", icon=":material/link:"), st.form(f"koppel_{key}", border=False):
        st.selectbox("Casus", list(labels), format_func=labels.get, key=f"koppel_casus_{key}")
        st.text_input("Waarom (kort, optioneel)", key=f"koppel_omschrijving_{key}", max_chars=200)
        st.caption(f"{OBJECT_LABELS[kind]} {md_escape(ident)}")
        st.form_submit_button("Koppelen", type="primary", on_click=_link,
                              args=(gebruiker, kind, ident, buurtcode, versies, key))


def _link(gebruiker: Gebruiker, kind: ObjectType, ident: str, buurtcode: str | None,
          versies: dict[str, int], key: str) -> None:
    case_id = st.session_state.get(f"koppel_casus_{key}")
    if case_id not in versies:
        cases_data.flash("error", "Kies een casus om aan te koppelen.")
        return
    try:
        casus = workflow.link_object(cases_data.store(), gebruiker, case_id, versies[case_id], kind, ident,
                                     omschrijving=st.session_state.get(f"koppel_omschrijving_{key}"),
                                     buurtcode=buurtcode)
    except CasusFout as exc:
        cases_data.flash("error", str(exc))
        return
    cases_data.counts_changed()
    cases_data.flash("success", f"{OBJECT_LABELS[kind]} gekoppeld aan casus {casus.casusnummer}.")


def _hit_button(gebruiker: Gebruiker, objects: list[tuple[str, str]], key: str, sees_some: bool) -> None:
    if st.button(TREFFER_KNOP, key=f"treffer_{key}", icon=":material/help:", help=TREFFER_HULP):
        treffer = case_hit.ask(gebruiker, case_hit.card_identifiers(objects))
        case_hit.show_answer(treffer, "dit object")
        if treffer.treffer and sees_some:
            st.caption("Dat kan ook de casus zijn die u hierboven ziet; of er daarbuiten nog casussen zijn, "
                       "vertelt Zicht niet.")
