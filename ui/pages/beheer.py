"""Beheer: users, roles, datarollen and their map rights (beheerder); the audit log with its chain
check and export (coördinator); the bewaartermijn, destruction records and team contact (beheerder
or coördinator). Each part checks the role again in cases.* before it acts."""

from __future__ import annotations

import streamlit as st

from cases.model import Rol
from ui import cases_data, theme
from ui.components import demo_beheer, kaartrollen_beheer, session_settings
from ui.components.cases import audit as case_audit
from ui.components.cases import users as case_users

GEEN_TOEGANG = ("Deze pagina is voor de beheerder (gebruikers en rechten) en de coördinator (auditlog, "
                "bewaartermijn). Uw account heeft geen van beide rollen.")


def render() -> None:
    theme.apply()
    st.header("Beheer", anchor=False)
    gebruiker = cases_data.user()
    if gebruiker is None:
        st.warning("De casusregistratie is niet beschikbaar; zie de melding in de zijbalk.",
                   icon=":material/warning:")
        return
    beheerder, coordinator = gebruiker.heeft_rol(Rol.BEHEERDER), gebruiker.heeft_rol(Rol.COORDINATOR)
    if not (beheerder or coordinator):
        if gebruiker.is_demo:
            demo_beheer.render()  # a new user sees what an administrator does, with fictional people
        else:
            st.info(GEEN_TOEGANG, icon=":material/lock:")
        return
    cases_data.show_flash()
    names = (["Gebruikers", "Sessies", "Kaartrechten"] if beheerder else []) \
        + (["Auditlog"] if coordinator else []) + ["Bewaartermijn en vernietiging", "Teamcontact"]
    tabs = dict(zip(names, st.tabs(names), strict=True))
    if beheerder:
        with tabs["Gebruikers"]:
            case_users.render(gebruiker)
        with tabs["Sessies"]:
            session_settings.render(gebruiker)
        with tabs["Kaartrechten"]:
            kaartrollen_beheer.render(gebruiker)
    if coordinator:
        with tabs["Auditlog"]:
            case_audit.render_audit(gebruiker)
    with tabs["Bewaartermijn en vernietiging"]:
        case_audit.render_retention(gebruiker)
    with tabs["Teamcontact"]:
        case_audit.render_contact(gebruiker)
