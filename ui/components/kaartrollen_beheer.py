"""Beheer, tab Kaartrechten: per datarol which branch groups, layers and signals it shows on the
map, and the switch that turns this on (beheerder only; cases.kaartrollen checks and audits)."""

from __future__ import annotations

import streamlit as st

from cases import kaartrollen
from cases.model import CasusFout, Gebruiker, Thema
from ui import cases_data

K_AAN = "kaartrollen_aan"
SOORT_NAAM = {"groep": "Branchegroepen", "laag": "Kaartlagen", "signaal": "Signalen"}
UITLEG = (
    "Staat dit **aan**, dan bepalen de datarollen van een gebruiker ook welke kaartgegevens hij ziet, "
    "zoals in DOOK: de branchegroepen (vestigingen), de RDW-laag en de signalen die hieronder bij zijn "
    "datarollen zijn aangevinkt, op elke pagina en in elke export. Heeft iemand meerdere datarollen, dan "
    "ziet hij wat een van die rollen toestaat. Wie geen datarol heeft, ziet alleen de openbare basis "
    "(BAG-panden, adressen en gebieden). Aantallen tellen alleen wat de gebruiker mag zien; dat er meer "
    "is, wordt niet gemeld. Staat dit **uit**, dan ziet iedereen alle kaartgegevens (zoals voorheen).")


def sleutel(thema: Thema, soort: str) -> str:
    return f"kaartrol_{thema.value}_{soort}"


def render(gebruiker: Gebruiker) -> None:
    try:
        instelling = kaartrollen.instelling(cases_data.store(), gebruiker)
    except CasusFout as exc:
        st.error(str(exc), icon=":material/error:")
        return
    st.markdown(UITLEG)
    st.markdown(f"**Nu:** kaartrechten per datarol staan **{'aan' if instelling.aan else 'uit'}**.")
    keuzes = kaartrollen.keuzes()
    with st.form("kaartrollen"):
        st.toggle("Kaartrechten per datarol aan", value=instelling.aan, key=K_AAN)
        for thema in Thema:
            rechten = instelling.per_thema[thema]
            gekozen = {"groep": rechten.groepen, "laag": rechten.lagen, "signaal": rechten.signalen}
            with st.expander(f"Datarol {thema.label}", expanded=False):
                for soort, naam in SOORT_NAAM.items():
                    opties = keuzes[soort]
                    st.multiselect(naam, list(opties), default=[k for k in gekozen[soort] if k in opties],
                                   format_func=opties.get, key=sleutel(thema, soort),
                                   placeholder="Niets (deze datarol toont hier niets)")
        st.form_submit_button("Kaartrechten opslaan", on_click=_save, args=(gebruiker, instelling))


def _save(gebruiker: Gebruiker, oud: kaartrollen.Instelling) -> None:
    """Write what changed (each change is one audit line), then the switch."""
    ss, store = st.session_state, cases_data.store()
    try:
        for thema in Thema:
            nieuw = {s: ss.get(sleutel(thema, s), []) for s in SOORT_NAAM}
            huidig = oud.per_thema[thema]
            if (tuple(sorted(nieuw["groep"])), tuple(sorted(nieuw["laag"])),
                    tuple(sorted(nieuw["signaal"]))) != (huidig.groepen, huidig.lagen, huidig.signalen):
                kaartrollen.zet_rechten(store, gebruiker, thema, groepen=nieuw["groep"],
                                        lagen=nieuw["laag"], signalen=nieuw["signaal"])
        if bool(ss.get(K_AAN)) != oud.aan:
            kaartrollen.zet_aan(store, gebruiker, bool(ss.get(K_AAN)))
    except CasusFout as exc:
        cases_data.flash("error", str(exc))
        return
    cases_data.flash("success", "Kaartrechten opgeslagen. Ze gelden vanaf de volgende klik van elke "
                     "gebruiker.")
