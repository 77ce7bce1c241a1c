"""Beheer: how long a login lasts (inactivity and maximum lifetime), set by the beheerder."""

from __future__ import annotations

from datetime import timedelta

import streamlit as st

from cases import sessions
from cases.model import CasusFout, Gebruiker
from ui import cases_data

K_INACTIEF, K_MAXIMAAL = "sessie_inactief_minuten", "sessie_maximaal_uren"


def render(gebruiker: Gebruiker) -> None:
    duur = sessions.limits(cases_data.store())
    st.markdown(f"**Nu:** uitloggen na **{_minuten(duur.inactief)} minuten** zonder activiteit en in elk "
                f"geval na **{_uren(duur.maximaal)} uur**. Een tabblad dat open blijft staan, toont daarna "
                "weer het inlogscherm. Wijzigingen gelden vanaf de volgende paginaweergave van elke sessie.")
    with st.columns([1, 2])[0], st.form("sessieduur"):
        st.number_input("Uitloggen na zoveel minuten zonder activiteit", min_value=1, max_value=480,
                        value=_minuten(duur.inactief), step=1, key=K_INACTIEF)
        st.number_input("Maximale duur van een sessie (uren)", min_value=1, max_value=24,
                        value=_uren(duur.maximaal), step=1, key=K_MAXIMAAL)
        st.form_submit_button("Sessieduur opslaan", on_click=_save, args=(gebruiker,))


def _minuten(td: timedelta) -> int:
    return max(1, round(td.total_seconds() / 60))


def _uren(td: timedelta) -> int:
    return max(1, round(td.total_seconds() / 3600))


def _save(gebruiker: Gebruiker) -> None:
    try:
        sessions.set_limits(cases_data.store(), gebruiker,
                            timedelta(minutes=int(st.session_state[K_INACTIEF])),
                            timedelta(hours=int(st.session_state[K_MAXIMAAL])))
    except CasusFout as exc:
        cases_data.flash("error", str(exc))
        return
    cases_data.flash("success", "Sessieduur opgeslagen.")
