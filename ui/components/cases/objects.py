"""The objects a case is linked to (ZGW ZaakObject types), each with a link to open it on the map;
linking and unlinking for those who may edit."""

from __future__ import annotations

import streamlit as st

from cases import workflow
from cases.model import CasusFout, Dossier, Gebruiker, Koppeling, ObjectType
from ui import cases_data
from ui.components.cases.links import OBJECT_LABELS, kaart_link
from ui.components.cases.object_namen import object_labels
from ui.format import datumtijd
from ui.text import md_escape

HULP_BUURT = ("De buurtcode (bijvoorbeeld BU06370101) telt mee in de aantallen signalen per buurt op de "
              "kaart. Vanaf de objectkaart op de Kaart-pagina wordt hij vanzelf ingevuld.")


def render(gebruiker: Gebruiker, dossier: Dossier, editable: bool) -> None:
    if not dossier.koppelingen:
        st.caption("Nog geen objecten gekoppeld. Koppel vanaf de objectkaart op de Kaart-pagina of "
                   "hieronder.")
    namen = object_labels({(k.object_type.value, k.object_id) for k in dossier.koppelingen})
    for k in dossier.koppelingen:
        _row(gebruiker, dossier, k, editable, namen.get((k.object_type.value, k.object_id)))
    if editable:
        _link_form(gebruiker, dossier)


def _row(gebruiker: Gebruiker, dossier: Dossier, k: Koppeling, editable: bool, naam: str | None) -> None:
    tekst, kaart, actie = st.columns([4, 1.3, 1.2], vertical_alignment="center")
    omschrijving = f" · {k.omschrijving}" if k.omschrijving else ""
    buurt = f" · buurt {k.buurtcode}" if k.buurtcode and k.object_type is not ObjectType.BUURT else ""
    wat = f"{naam} ({k.object_id})" if naam else k.object_id
    tekst.markdown(f"**{OBJECT_LABELS[k.object_type]}** {md_escape(wat + buurt + omschrijving)}")
    tekst.caption(md_escape(f"gekoppeld {datumtijd(k.gekoppeld_op)} door {k.gekoppeld_door}"))
    with kaart:
        kaart_link(k.object_type, k.object_id)
    if editable:
        actie.button("Ontkoppelen", key=f"ontkoppel_{k.id}", icon=":material/link_off:", on_click=_unlink,
                     args=(gebruiker, dossier.casus.id, dossier.casus.versie, k.id))


def _unlink(gebruiker: Gebruiker, case_id: str, versie: int, koppeling_id: str) -> None:
    try:
        casus = workflow.unlink_object(cases_data.store(), gebruiker, case_id, versie, koppeling_id)
    except CasusFout as exc:
        cases_data.flash("error", str(exc))
        return
    cases_data.counts_changed()
    cases_data.flash("success", f"Object ontkoppeld van casus {casus.casusnummer}.")


def _link_form(gebruiker: Gebruiker, dossier: Dossier) -> None:
    casus = dossier.casus
    with st.form(f"koppel_{casus.id}"):
        st.markdown("##### Object koppelen")
        a, b, c = st.columns([1.3, 1.5, 1])
        a.selectbox("Soort object", list(ObjectType), format_func=OBJECT_LABELS.get,
                    key=f"obj_type_{casus.id}")
        b.text_input("Identificatie", key=f"obj_id_{casus.id}",
                     placeholder="BAG-id, vestigingsnummer, KVK-nummer, buurtcode …")
        c.text_input("Buurtcode (optioneel)", key=f"obj_buurt_{casus.id}", help=HULP_BUURT)
        st.text_input("Waarom gekoppeld (optioneel)", key=f"obj_omschrijving_{casus.id}", max_chars=200)
        st.form_submit_button("Koppelen", on_click=_link, args=(gebruiker, casus.id, casus.versie))


def _link(gebruiker: Gebruiker, case_id: str, versie: int) -> None:
    keys = [f"obj_{k}_{case_id}" for k in ("type", "id", "buurt", "omschrijving")]
    kind, ident, buurt, omschrijving = (st.session_state.get(k) for k in keys)
    try:
        casus = workflow.link_object(cases_data.store(), gebruiker, case_id, versie, kind, ident,
                                     omschrijving=omschrijving, buurtcode=buurt or None)
    except CasusFout as exc:
        cases_data.flash("error", str(exc))
        return
    for key in keys[1:]:
        st.session_state.pop(key, None)
    cases_data.counts_changed()
    cases_data.flash("success", f"{OBJECT_LABELS[ObjectType(kind)]} gekoppeld aan casus {casus.casusnummer}.")
