"""The UI's way to the case register: the open store, the logged-in user, per-run reads, audit.

The store is opened once per process (cases.open_for_app, which runs retention first) and shared
by all sessions; every operation takes its own cursor. The session holds only the user NAME; the
user record is re-read from the store on every run, so a disabled account or a revoked datarol
counts at once.

Reads of case content are audited by cases.access, so they are never cached across runs (that
would skip both the audit line and the access check). Within one run a read is done once and
memoised (`per_run`): the page and the object card share it. Aggregated counts per buurt hold no
personal data and are cached briefly for the map.

For the map and other pages: `log_view(object_type, object_id)`, `log_search(text)`,
`log_export(what)` write an audit line for the logged-in user; `signal_counts_per_buurt(thema)`
gives {buurtcode: number of cases} for a map layer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

import cases
from cases import access, accounts, audit, file_modes, sessions
from cases.mode import decide
from cases.model import Casus, CasusFout, Gebruiker, GeenToegang
from cases.store import Store, configured_key, default_path
from geo.db import data_dir
from ui.text import md_escape

SESSION_USER = "zicht_gebruiker"      # the logged-in user's name (a string, nothing else)
SESSION_METHOD = "zicht_inlogmethode"  # demo | wachtwoord | oidc
SESSION_BEGIN = "zicht_sessie_begin"   # when this login began (datetime)
SESSION_ACTIVE = "zicht_sessie_actief"  # the last run the user caused (datetime)
_RUN = "_zicht_run"                   # memo of this run only (reset by begin_run)
SECRET_KEY = "zicht_cases_key"
COUNTS_TTL = 60  # seconds
T = TypeVar("T")


def secret(name: str) -> Any:
    """A value from Streamlit secrets, or None when there is no secrets file or no such key."""
    try:
        return st.secrets.get(name)
    except (StreamlitSecretNotFoundError, FileNotFoundError):
        return None


@st.cache_resource(max_entries=4, show_spinner="De casusregistratie wordt geopend…")
def _open(path: str, mode: str, _key: str | None) -> Store:
    # `_key` is left out of the cache key (leading underscore): one store per file and mode.
    return cases.open_for_app(path, _key, mode=mode)


def store() -> Store:
    """The open case store; CasusFout (Dutch) when it cannot be opened (key, lock, mode)."""
    return _open(str(default_path()), mode(), _key())


def mode() -> str:
    """demo or productie (cases.mode.decide); EchteGegevens when demo is asked for on real data."""
    return decide(data_dir(), _key())


def check_secret_files() -> None:
    """SleutelFout when a Streamlit secrets file (it may hold the key) can be read by others."""
    for name in st.get_option("secrets.files") or []:
        file_modes.require_private(Path(name).expanduser(), "het secrets-bestand")


def _key() -> str | None:
    return secret(SECRET_KEY) or configured_key()


def begin_run() -> None:
    """Forget the previous run's memo; the gate calls this first on every run."""
    st.session_state[_RUN] = {}


def per_run(key: tuple, compute: Callable[[], T]) -> T:
    """`compute()` once per run for this key (reads are audited: no second line for one view)."""
    memo = st.session_state.setdefault(_RUN, {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def set_session_user(gebruikersnaam: str, methode: str) -> None:
    st.session_state[SESSION_USER] = gebruikersnaam
    st.session_state[SESSION_METHOD] = methode
    st.session_state[SESSION_BEGIN] = st.session_state[SESSION_ACTIVE] = datetime.now()
    st.session_state.get(_RUN, {}).pop(("gebruiker",), None)


def clear_session_user() -> None:
    for key in (SESSION_USER, SESSION_METHOD, SESSION_BEGIN, SESSION_ACTIVE):
        st.session_state.pop(key, None)
    st.session_state.get(_RUN, {}).clear()


def session_ended(duur: sessions.Sessieduur) -> str | None:
    """Why this session is over (inactivity, maximum lifetime), or None; cases.sessions decides."""
    now = datetime.now()
    begun = st.session_state.get(SESSION_BEGIN, now)
    return sessions.ended(duur, begun, st.session_state.get(SESSION_ACTIVE, begun), now)


def session_active() -> None:
    """This run is activity: the inactivity period starts again."""
    st.session_state[SESSION_ACTIVE] = datetime.now()


def login_method() -> str | None:
    return st.session_state.get(SESSION_METHOD)


def user() -> Gebruiker | None:
    """The logged-in user as the store knows them now; None when nobody (or no longer) is."""
    name = st.session_state.get(SESSION_USER)
    if not name:
        return None
    return per_run(("gebruiker",), lambda: _fresh_user(name))


def _fresh_user(name: str) -> Gebruiker | None:
    try:
        return accounts.current_user(store(), name)
    except GeenToegang:
        return None


def visible_cases(gebruiker: Gebruiker, thema: str | None = None,
                  statussen: tuple[str, ...] | None = None) -> list[Casus]:
    """cases.access.list_cases, once per run for these filters (it writes an audit line)."""
    key = ("list_cases", gebruiker.gebruikersnaam, thema, statussen)
    return per_run(key, lambda: access.list_cases(store(), gebruiker, thema=thema, statussen=statussen))


def cases_for_object(gebruiker: Gebruiker, object_type: str, object_id: str) -> list[Casus]:
    key = ("object", gebruiker.gebruikersnaam, object_type, object_id)
    return per_run(key, lambda: access.cases_for_object(store(), gebruiker, object_type, object_id))


def log_view(object_type: str, object_id: str, **details) -> None:
    """Audit: the logged-in user opened the card of a map object (pand, adres, vestiging, …)."""
    _log(audit.Actie.OBJECTKAART_BEKEKEN, object_type=object_type, object_id=str(object_id),
         details=details or None)


def log_search(text: str, **details) -> None:
    """Audit: the logged-in user searched (the map's search box, a filter on names, …)."""
    _log(audit.Actie.ZOEKOPDRACHT, details={"zoektekst": str(text), **details})


def log_export(what: str, **details) -> None:
    """Audit: the logged-in user exported something (say what: 'kaart PNG', 'vestigingen CSV', …)."""
    _log(audit.Actie.EXPORT, details={"soort": str(what), **details})


def _log(actie: audit.Actie, **fields) -> None:
    gebruiker = user()
    if gebruiker is None:
        return  # nobody logged in: only possible in demo mode without a case store
    audit.log_event(store(), gebruiker, actie, **fields)


# The one way pages audit what they show and hand out. A card or a search is logged once per
# opening (pages rerun on every click); a download is logged when its file is made.

def log_card(opening: tuple, object_type: str, object_id: str, **details) -> str | None:
    """Audit an object card (pand, verblijfsobject, vestiging) the first run of this opening.

    Returns a Dutch refusal when the line cannot be written: then the card is not shown."""
    return _once("card", opening, lambda: log_view(object_type, object_id, **details))


def log_search_once(veld: str, text: str, **details) -> str | None:
    """Audit a search the first run its text is shown (`veld` names the search box)."""
    return _once(f"zoek_{veld}", text, lambda: log_search(text, veld=veld, **details))


def _once(slot: str, key: object, write: Callable[[], None]) -> str | None:
    name = f"_zicht_gelogd_{slot}"
    if st.session_state.get(name) == key:
        return None
    try:
        write()
    except CasusFout as exc:
        return str(exc)
    st.session_state[name] = key
    return None


def audited(what: str, make: Callable[[], bytes | str], **details) -> Callable[[], bytes | str]:
    """`make` for a download button, writing the export's audit line when the file is made.

    Streamlit runs it on the click, outside the page's run, so who and where are bound now. When
    the line cannot be written, the 'file' is a Dutch note saying so instead of the data."""
    try:
        gebruiker = user()
        target = store() if gebruiker is not None else None
    except CasusFout:  # demo mode without a case store: nobody to log
        gebruiker = target = None

    def made() -> bytes | str:
        if target is not None:
            try:
                audit.log_event(target, gebruiker, audit.Actie.EXPORT, details={"soort": what, **details})
            except CasusFout as exc:
                return f"Export niet gemaakt: {exc}\n".encode()
        return make()

    return made


def signal_counts_per_buurt(thema: str | None = None) -> dict[str, int]:
    """{buurtcode: number of cases linked in that buurt}; counts only, for anyone with map access."""
    try:
        return dict(_counts(str(default_path()), mode(), thema))
    except CasusFout:
        return {}


@st.cache_data(ttl=COUNTS_TTL, max_entries=16, show_spinner=False)
def _counts(path: str, mode: str, thema: str | None) -> dict[str, int]:
    return access.signal_counts_per_buurt(store(), thema)


def counts_changed() -> None:
    """Call after linking or unlinking an object, so the map shows the new counts and the card
    the new links: the map card reruns as a fragment, which does not pass the gate that starts
    a fresh memo, so this run's reads are forgotten here."""
    _counts.clear()
    st.session_state[_RUN] = {}


_FLASH = "zicht_melding"


def flash(kind: str, text: str) -> None:
    """Remember a message for the next run (set in a callback, shown by show_flash)."""
    st.session_state[_FLASH] = (kind, text)


def show_flash() -> None:
    """Show and forget the message a callback left (success or error), escaped."""
    kind, text = st.session_state.pop(_FLASH, (None, None))
    if kind == "success":
        st.success(md_escape(text), icon=":material/check_circle:")
    elif kind == "error":
        st.error(md_escape(text), icon=":material/error:")
