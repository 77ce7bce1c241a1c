"""User management for the beheerder: accounts, roles, datarollen, (de)activation, passwords.

Every change goes through cases.accounts, which checks the beheerder role again and audits it.
A beheerder sees no case content by virtue of that role; datarollen are granted here like any
other right."""

from __future__ import annotations

import streamlit as st

from cases import accounts, clock
from cases.accounts import MIN_WACHTWOORD
from cases.model import CasusFout, Gebruiker, Rol, Thema
from ui import cases_data
from ui.format import LEEG, datumtijd
from ui.text import md_escape

ROL_UITLEG = ("Rollen: beheerder (accounts, geen casusinhoud), coördinator (alles binnen de thema's, "
              "archiveren, auditlog), analist (signalen en casussen binnen de thema's), kernteamlid "
              "(alleen lezen). Datarollen bepalen welke thema's iemand ziet.")


def render(beheerder: Gebruiker) -> None:
    store = cases_data.store()
    users = accounts.list_users(store, beheerder)
    st.caption(ROL_UITLEG)
    _table(users)
    links, rechts = st.columns(2, gap="large")
    with links:
        _create_form(beheerder)
    with rechts:
        _edit(beheerder, [u for u in users if not u.is_demo])


def _table(users: list[Gebruiker]) -> None:
    now = clock.now()
    rows = [{"Gebruikersnaam": u.gebruikersnaam, "Naam": u.weergavenaam, "E-mail": u.email or LEEG,
             "Rollen": ", ".join(sorted(r.label for r in u.rollen)),
             "Thema's": ", ".join(sorted(t.label for t in u.datarollen)) or "geen",
             "Actief": "ja" if u.actief else "nee",
             "Inloggen": _login_kind(u),
             "Geblokkeerd tot": datumtijd(u.geblokkeerd_tot) if u.geblokkeerd_tot and u.geblokkeerd_tot > now
             else LEEG} for u in users]
    st.dataframe(rows, hide_index=True, width="stretch")


def _login_kind(u: Gebruiker) -> str:
    if u.is_demo:
        return "demomodus"
    kinds = (["wachtwoord"] if u.heeft_wachtwoord else []) + (["gemeenteaccount"] if u.email else [])
    return " en ".join(kinds) or "kan niet inloggen"


def _role_fields(prefix: str, user: Gebruiker | None = None) -> None:
    st.multiselect("Rollen", [r.value for r in Rol], format_func=lambda v: Rol(v).label,
                   default=sorted(r.value for r in user.rollen) if user else None, key=f"{prefix}_rollen",
                   placeholder="Kies een of meer rollen")
    st.multiselect("Datarollen (thema's)", [t.value for t in Thema], format_func=lambda v: Thema(v).label,
                   default=sorted(t.value for t in user.datarollen) if user else None,
                   key=f"{prefix}_datarollen", placeholder="Geen thema's: ziet geen casussen")


def _create_form(beheerder: Gebruiker) -> None:
    with st.form("gebruiker_nieuw"):
        st.markdown("##### Nieuwe gebruiker")
        st.text_input("Gebruikersnaam", key="nieuw_naam", placeholder="bijvoorbeeld j.jansen")
        st.text_input("Naam", key="nieuw_weergavenaam")
        st.text_input("E-mailadres (voor inloggen met het gemeenteaccount)", key="nieuw_email")
        _role_fields("nieuw")
        st.text_input(f"Wachtwoord (minstens {MIN_WACHTWOORD} tekens; leeg = alleen gemeenteaccount)",
                      type="password", key="nieuw_wachtwoord")
        st.form_submit_button("Gebruiker aanmaken", type="primary", on_click=_create, args=(beheerder,))


def _create(beheerder: Gebruiker) -> None:
    v = {k: st.session_state.get(f"nieuw_{k}") for k in
         ("naam", "weergavenaam", "email", "rollen", "datarollen", "wachtwoord")}
    _do(lambda: accounts.create_user(cases_data.store(), beheerder, v["naam"], v["weergavenaam"],
                                     v["rollen"] or [], v["datarollen"] or [], email=v["email"] or None,
                                     wachtwoord=v["wachtwoord"] or None),
        "Gebruiker {naam} aangemaakt.", [f"nieuw_{k}" for k in v])


def _do(change, success: str, clear: list[str] = ()) -> None:
    try:
        user = change()
    except CasusFout as exc:
        cases_data.flash("error", str(exc))
        return
    for key in clear:
        st.session_state.pop(key, None)
    cases_data.flash("success", success.format(naam=user.gebruikersnaam if user else ""))


def _edit(beheerder: Gebruiker, users: list[Gebruiker]) -> None:
    st.markdown("##### Gebruiker wijzigen")
    if not users:
        st.caption("Nog geen gebruikers.")
        return
    by_name = {u.gebruikersnaam: u for u in users}
    naam = st.selectbox("Gebruiker", list(by_name), key="wijzig_wie",
                        format_func=lambda n: f"{by_name[n].weergavenaam} ({n})")
    user = by_name[naam]
    _edit_form(beheerder, user)
    _status_buttons(beheerder, user)
    _password_form(beheerder, user)


def _edit_form(beheerder: Gebruiker, user: Gebruiker) -> None:
    prefix = f"wijzig_{user.gebruikersnaam}"
    with st.form(f"form_{prefix}"):
        st.text_input("Naam", value=user.weergavenaam, key=f"{prefix}_weergavenaam")
        st.text_input("E-mailadres", value=user.email or "", key=f"{prefix}_email")
        _role_fields(prefix, user)
        st.form_submit_button("Wijzigingen opslaan", on_click=_save, args=(beheerder, user.gebruikersnaam))


def _save(beheerder: Gebruiker, naam: str) -> None:
    prefix = f"wijzig_{naam}"
    v = {k: st.session_state.get(f"{prefix}_{k}") for k in ("weergavenaam", "email", "rollen", "datarollen")}

    def change():
        store = cases_data.store()
        accounts.update_user(store, beheerder, naam, weergavenaam=v["weergavenaam"], email=v["email"] or "")
        return accounts.set_roles(store, beheerder, naam, v["rollen"] or [], v["datarollen"] or [])

    _do(change, "Gebruiker {naam} gewijzigd.")


def _status_buttons(beheerder: Gebruiker, user: Gebruiker) -> None:
    a, b = st.columns(2)
    naam = user.gebruikersnaam
    if user.actief:
        a.button("Account uitschakelen", key=f"uit_{naam}", icon=":material/person_off:", on_click=_do,
                 args=(lambda: accounts.disable_user(cases_data.store(), beheerder, naam),
                       "Account {naam} uitgeschakeld."))
    else:
        a.button("Account weer inschakelen", key=f"aan_{naam}", icon=":material/person_check:", on_click=_do,
                 args=(lambda: accounts.update_user(cases_data.store(), beheerder, naam, actief=True),
                       "Account {naam} weer ingeschakeld."))
    if user.geblokkeerd_tot and user.geblokkeerd_tot > clock.now():
        b.button("Blokkade opheffen", key=f"deblokkeer_{naam}", icon=":material/lock_open:", on_click=_do,
                 args=(lambda: accounts.update_user(cases_data.store(), beheerder, naam, deblokkeer=True),
                       "Blokkade van {naam} opgeheven."))


def _password_form(beheerder: Gebruiker, user: Gebruiker) -> None:
    prefix = f"ww_{user.gebruikersnaam}"
    with st.form(f"form_{prefix}"):
        st.markdown(f"**Wachtwoord instellen voor {md_escape(user.gebruikersnaam)}**")
        st.text_input("Nieuw wachtwoord", type="password", key=f"{prefix}_1")
        st.text_input("Nogmaals", type="password", key=f"{prefix}_2")
        st.form_submit_button("Wachtwoord instellen", on_click=_set_password,
                              args=(beheerder, user.gebruikersnaam))


def _set_password(beheerder: Gebruiker, naam: str) -> None:
    first, second = (st.session_state.get(f"ww_{naam}_{n}") for n in (1, 2))
    if first != second:
        cases_data.flash("error", "De twee wachtwoorden zijn niet gelijk.")
        return

    def change():
        accounts.set_password(cases_data.store(), beheerder, naam, first or "")
        return accounts.get_user(cases_data.store(), naam)

    _do(change, "Wachtwoord van {naam} ingesteld.", [f"ww_{naam}_1", f"ww_{naam}_2"])
