"""Who uses the app: the login gate, the login screen, and the user box in the sidebar.

Production (ZICHT_MODE=productie): nobody sees anything but the login screen until they log in,
either through the municipality's own identity provider (OpenID Connect via Streamlit's
st.login, configured in the `[auth]` section of .streamlit/secrets.toml; the verified e-mail
address is mapped onto a Zicht user by cases.accounts.user_for_oidc) or with a local account
(argon2 password, lockout after repeated failures). Without a key for the case store the app
shows only a refusal.

Demo (ZICHT_MODE=demo, the default): everyone is the demo user, no password, with a visible
"Demogebruiker" badge on every page. When the case store cannot be opened in demo mode (for
instance because another process holds it), the map still works and the case pages say why
they cannot.
"""

from __future__ import annotations

import importlib.util
import re
import urllib.parse

import streamlit as st

from cases import accounts, sessions
from cases.audit import Actie
from cases.mode import EchteGegevens
from cases.model import AuditFout, CasusFout, Gebruiker, InlogFout, OpslagFout, Rol, SleutelFout
from cases.store import DEMO, PRODUCTIE, Store
from ui import cases_data
from ui.text import md_escape

TITEL = "Zicht"
UITLEG = ("Zicht toont BAG- en KVK-gegevens en de casusregistratie van het team ondermijning. "
          "De casussen bevatten persoonsgegevens (AVG): alleen medewerkers met een account hebben "
          "toegang, en elk gebruik wordt vastgelegd.")
OIDC_KNOP = "Inloggen met uw gemeenteaccount"
LOKAAL_KOP = "Inloggen met een Zicht-account"
ONBEKEND_EMAIL = ("U bent bij de gemeente aangemeld als {email}, maar dit e-mailadres heeft geen "
                  "(actief) account in Zicht. Vraag de beheerder van Zicht om een account met dit "
                  "e-mailadres, of log uit en meld u aan met een ander account.")
NIET_GEVERIFIEERD = ("Uw identiteitsprovider meldt dat het e-mailadres {email} niet is geverifieerd. "
                     "Zicht laat u daarom niet binnen. Neem contact op met de beheerder.")
GEEN_OPSLAG_PRODUCTIE = "Zicht kan niet starten: de casusregistratie is niet beschikbaar."
GEEN_OPSLAG_DEMO = "De casusregistratie is niet beschikbaar; de kaart werkt wel."
AUDIT_VERBROKEN = "Het auditlog is niet in orde."
DEMO_BADGE = "Demogebruiker"
DEMO_UITLEG = "Demomodus: fictieve gegevens, iedereen werkt als demogebruiker (zonder wachtwoord)."
_OIDC_GELOGD = "zicht_oidc_gelogd"
_UITGELOGD = "zicht_uitgelogd_omdat"  # why the last session ended, for the login screen


def gate() -> Gebruiker | None:
    """The logged-in user; otherwise show the login screen and stop this run.

    Returns None only in demo mode when the case store is unavailable (the map still works).
    """
    cases_data.begin_run()
    # Tables must not offer an unlogged "download as CSV": every export goes through a logged
    # button. (Also set client.disableDataExport in .streamlit/config.toml: this line only
    # reaches sessions that start after the first run.)
    st.set_option("client.disableDataExport", True)
    try:
        cases_data.check_secret_files()
        mode = cases_data.mode()
        store = cases_data.store()
    except CasusFout as exc:
        return _store_unavailable(exc)
    if mode == DEMO and not st.session_state.get(cases_data.SESSION_USER):
        cases_data.set_session_user(accounts.DEMO_NAAM, "demo")
    gebruiker = cases_data.user() or _from_oidc(store)
    if gebruiker is not None and not gebruiker.is_demo:
        gebruiker = _session_lasts(store, gebruiker)
    if gebruiker is None:
        cases_data.clear_session_user()
        _login_screen(store)
        st.stop()
    _user_box(gebruiker, mode)
    _audit_banner(store, gebruiker)
    return gebruiker


# --- Session lifetime -----------------------------------------------------------------------------

def _session_lasts(store: Store, gebruiker: Gebruiker) -> Gebruiker | None:
    """The user while the session lasts (this run counts as activity); None once it has ended.

    A timer checks again while the tab is left alone, so an idle tab shows the login again."""
    duur = sessions.limits(store)
    reden = cases_data.session_ended(duur)
    if reden is not None:
        oidc = cases_data.login_method() == "oidc"
        cases_data.clear_session_user()
        st.session_state[_UITGELOGD] = reden
        if oidc:
            st.logout()  # else the identity provider's cookie would log straight back in
        return None
    cases_data.session_active()
    interval = max(1.0, min(30.0, duur.inactief.total_seconds() / 4))
    st.fragment(_session_timer, run_every=interval)(duur)
    return gebruiker


def _session_timer(duur: sessions.Sessieduur) -> None:
    # Runs on its own (not counted as activity); a full rerun lets the gate end the session.
    if cases_data.session_ended(duur) is not None:
        st.rerun(scope="app")


def _audit_banner(store: Store, gebruiker: Gebruiker) -> None:
    """A red banner on every page for coordinators (and beheerders) while the audit log fails its check."""
    if not gebruiker.heeft_rol(Rol.COORDINATOR, Rol.BEHEERDER):
        return
    controle = store.audit_status()
    if not controle.in_orde:
        st.error(f"**{AUDIT_VERBROKEN}** {md_escape(controle.melding)} Zicht schrijft niets meer bij in dit "
                 "log, en handelingen die vastgelegd moeten worden lukken niet, tot het is opgelost. Bewaar "
                 "het bestand zoals het is, meld het bij de functionaris gegevensbescherming en laat de "
                 "beheerder 'zicht audit verify' draaien.", icon=":material/gpp_bad:")


def _store_unavailable(exc: CasusFout) -> None:
    try:
        mode = cases_data.mode()
    except OpslagFout:
        mode = PRODUCTIE  # an unknown ZICHT_MODE, or demo on real data, never means demo
    if mode == PRODUCTIE or isinstance(exc, EchteGegevens | SleutelFout):
        st.title(TITEL, anchor=False)
        st.error(f"{GEEN_OPSLAG_PRODUCTIE} {md_escape(exc)}", icon=":material/lock:")
        st.caption("Vraag de beheerder dit op te lossen; daarna deze pagina opnieuw laden.")
        st.stop()
    _demo_badge()
    st.sidebar.warning(f"{GEEN_OPSLAG_DEMO} {md_escape(exc)}", icon=":material/warning:")
    return None


# --- OpenID Connect -------------------------------------------------------------------------------

def oidc_provider() -> str | None:
    """The st.login provider configured in secrets: None for none, "default" for a flat [auth]."""
    section = cases_data.secret("auth")
    if not section:
        return None
    if section.get("client_id"):
        return "default"
    named = [name for name, value in section.items() if hasattr(value, "get") and value.get("client_id")]
    return named[0] if named else None


def _from_oidc(store: Store) -> Gebruiker | None:
    """The Zicht user behind a verified OIDC login; a Dutch refusal (and stop) for an unknown one."""
    if oidc_provider() is None or not st.user.get("is_logged_in"):
        return None
    email = str(st.user.get("email") or "").strip()
    refusal = NIET_GEVERIFIEERD if st.user.get("email_verified") is False else None
    gebruiker = None if refusal else accounts.user_for_oidc(store, email)
    if gebruiker is None:
        _oidc_refused(store, (refusal or ONBEKEND_EMAIL).format(email=email or "(geen e-mailadres)"))
    try:
        accounts.log_oidc_login(store, gebruiker)
    except AuditFout as exc:  # a login that cannot be logged does not happen
        st.error(md_escape(exc), icon=":material/gpp_bad:")
        st.stop()
    cases_data.set_session_user(gebruiker.gebruikersnaam, "oidc")
    return gebruiker


def _oidc_refused(store: Store, message: str) -> None:
    if not st.session_state.get(_OIDC_GELOGD):
        # The address itself is not logged: data minimisation; the person sees it on screen.
        store.log("onbekend", Actie.INLOGGEN_MISLUKT,
                  details={"methode": "oidc", "reden": "e-mailadres zonder actief account"})
        st.session_state[_OIDC_GELOGD] = True
    st.title(TITEL, anchor=False)
    st.error(md_escape(message), icon=":material/block:")
    if st.button("Uitloggen bij de gemeente", type="primary"):
        st.session_state.pop(_OIDC_GELOGD, None)
        st.logout()
    st.stop()


# --- Login screen ---------------------------------------------------------------------------------

def _login_screen(store: Store) -> None:
    _, midden, _ = st.columns([1, 1.6, 1])
    with midden:
        st.title(TITEL, anchor=False)
        st.markdown(UITLEG)
        if st.session_state.get(_UITGELOGD):
            st.info(md_escape(st.session_state[_UITGELOGD]), icon=":material/timer_off:")
        provider = oidc_provider()
        if provider is not None:
            _oidc_button(provider)
        _password_form(store, primary=provider is None)


def _oidc_button(provider: str) -> None:
    if importlib.util.find_spec("authlib") is None:
        st.warning("Inloggen met het gemeenteaccount is ingesteld, maar het pakket Authlib ontbreekt op de "
                   "server. Vraag de beheerder het te installeren; tot dan kunt u alleen met een "
                   "Zicht-account inloggen.", icon=":material/warning:")
        return
    if st.button(OIDC_KNOP, type="primary", icon=":material/account_balance:", width="stretch"):
        st.login(provider)
    st.caption("U wordt doorgestuurd naar de inlogpagina van uw gemeente en daarna terug.")
    st.divider()


def _password_form(store: Store, primary: bool) -> None:
    with st.form("inloggen", enter_to_submit=True, border=True):
        st.subheader(LOKAAL_KOP, anchor=False)
        naam = st.text_input("Gebruikersnaam", key="login_naam", autocomplete="username")
        wachtwoord = st.text_input("Wachtwoord", type="password", key="login_wachtwoord",
                                   autocomplete="current-password")
        verstuurd = st.form_submit_button("Inloggen", type="primary" if primary else "secondary")
    if not verstuurd:
        return
    st.session_state.pop(_UITGELOGD, None)
    try:
        gebruiker = accounts.verify_password(store, naam, wachtwoord)
    except InlogFout as exc:
        st.error(str(exc), icon=":material/error:")
        return
    except AuditFout as exc:  # a login that cannot be logged does not happen
        st.error(md_escape(exc), icon=":material/gpp_bad:")
        return
    cases_data.set_session_user(gebruiker.gebruikersnaam, "wachtwoord")
    st.session_state.pop("login_wachtwoord", None)
    _continue()


def _continue() -> None:
    """Go on to the page asked for before logging in (a link to a case, say), else to the map."""
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    path = urllib.parse.urlparse(st.context.url or "").path.strip("/")
    page = path.removeprefix(base).strip("/")
    if re.fullmatch(r"[a-z0-9_-]+", page):
        st.switch_page(st.Page(lambda: None, url_path=page), query_params=st.query_params.to_dict())
    st.rerun()


# --- Sidebar --------------------------------------------------------------------------------------

def _user_box(gebruiker: Gebruiker, mode: str) -> None:
    if gebruiker.is_demo or mode == DEMO:
        _demo_badge()
    with st.sidebar:
        st.markdown(f"**{md_escape(gebruiker.weergavenaam)}**")
        st.caption(rights_text(gebruiker))
        if not gebruiker.is_demo and st.button("Uitloggen", icon=":material/logout:", key="uitloggen"):
            _logout()


def rights_text(gebruiker: Gebruiker) -> str:
    """'Rol: analist · Thema's: Drugscriminaliteit, Vastgoedcriminaliteit' (markdown-safe)."""
    rollen = ", ".join(sorted(r.label for r in gebruiker.rollen)) or "geen"
    themas = ", ".join(sorted(t.label for t in gebruiker.datarollen)) or "geen (ziet geen casussen)"
    return md_escape(f"Rol: {rollen} · Thema's: {themas}")


def _demo_badge() -> None:
    st.badge(DEMO_BADGE, icon=":material/theater_comedy:", color="orange", help=DEMO_UITLEG)
    st.sidebar.badge(DEMO_BADGE, icon=":material/theater_comedy:", color="orange", help=DEMO_UITLEG)


def _logout() -> None:
    oidc = cases_data.login_method() == "oidc"
    cases_data.clear_session_user()
    if oidc:
        st.logout()
    else:
        st.rerun()
