"""Local user accounts in the case store: argon2id passwords, lockout, roles and datarollen.

Production login is expected to go through OIDC (Streamlit's st.login); `user_for_oidc(email)`
maps the verified e-mail address onto the same user records, so roles and datarollen are managed
in one place. Local passwords are for small set-ups without an identity provider.

Passwords are hashed with argon2id (argon2-cffi); verification is constant-time, and an unknown
user name costs the same work as a wrong password. After MAX_POGINGEN failures an account is
blocked for BLOKKADE (a beheerder can lift it earlier).

The demo user "demo" (role analist, all datarollen, no password) exists only while the store is
opened in demo mode: it is created on opening in demo mode and removed on opening in productie.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, NoReturn

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from cases import clock
from cases.audit import Actie
from cases.mode import PRODUCTIE
from cases.model import Gebruiker, GeenToegang, InlogFout, OngeldigeInvoer, Rol, Thema

if TYPE_CHECKING:  # open_store calls sync_demo_user: the store must not be imported back
    from cases.store import Store

MAX_POGINGEN = 5
BLOKKADE = timedelta(minutes=15)
MIN_WACHTWOORD = 12
DEMO_NAAM = "demo"
DEMO_WEERGAVENAAM = "Demo-gebruiker (alleen demomodus, fictieve gegevens)"
_NAAM_RE = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,63}$")
_HASHER = PasswordHasher()
_DUMMY_HASH = _HASHER.hash("zicht-dummy-wachtwoord-voor-gelijke-rekentijd")
# One answer for an unknown name, a wrong password and a blocked account, given after the same
# minimum time: the login screen must not tell which names exist or which accounts are blocked.
ONJUIST = ("Inloggen is niet gelukt: onbekende gebruikersnaam of onjuist wachtwoord, of het account is "
           f"tijdelijk geblokkeerd na {MAX_POGINGEN} mislukte pogingen. Probeer het opnieuw, na een "
           f"blokkade over {BLOKKADE.seconds // 60} minuten, of vraag de beheerder om hulp.")
MIN_DUUR_MISLUKT = 1.0  # seconds; every failed login takes at least this long


def get_user(store: Store, gebruikersnaam: str) -> Gebruiker | None:
    rows = store.query("gebruikers", gebruikersnaam=_naam(gebruikersnaam), email=None)
    return _user(rows[0]) if rows else None


def current_user(store: Store, user: Gebruiker | str) -> Gebruiker:
    """The user as the store knows them now (revoked rights count at once); GeenToegang if inactive."""
    name = user if isinstance(user, str) else user.gebruikersnaam
    fresh = get_user(store, name)
    if fresh is None or not fresh.actief or (fresh.is_demo and store.mode == PRODUCTIE):
        raise GeenToegang("Uw account is niet (meer) actief in Zicht. Neem contact op met de beheerder.")
    return fresh


def user_for_oidc(store: Store, email: str) -> Gebruiker | None:
    """The active user whose e-mail matches the OIDC identity, or None (no access)."""
    rows = store.query("gebruikers", gebruikersnaam=None, email=(email or "").strip().lower())
    users = [u for u in map(_user, rows) if u.actief and not u.is_demo]
    return users[0] if len(users) == 1 else None


def list_users(store: Store, beheerder: Gebruiker) -> list[Gebruiker]:
    _require_beheerder(store, beheerder)
    return [_user(r) for r in store.query("gebruikers", gebruikersnaam=None, email=None)]


def register_user(store: Store, door: str, gebruikersnaam: str, weergavenaam: str,
                  rollen: Iterable[Rol | str], datarollen: Iterable[Thema | str] = (), *,
                  email: str | None = None, wachtwoord: str | None = None,
                  is_demo: bool = False) -> Gebruiker:
    """Create a user without a permission check: for the command line. The UI uses create_user."""
    name = _naam(gebruikersnaam)
    if name == DEMO_NAAM and not is_demo:
        raise OngeldigeInvoer("De gebruikersnaam 'demo' is gereserveerd voor de demomodus.")
    if get_user(store, name) is not None:
        raise OngeldigeInvoer(f"Gebruiker '{name}' bestaat al.")
    rollen, datarollen = _rollen(rollen), _datarollen(datarollen)
    values = dict(gebruikersnaam=name, weergavenaam=_tekst(weergavenaam, "naam"),
                  email=_email_free(store, email, name),
                  wachtwoord_hash=_hash(wachtwoord) if wachtwoord else None, is_demo=is_demo,
                  nu=clock.now(), door=door)
    with store.transaction() as cur:
        store.run(cur, "gebruiker_nieuw", **values)
        _write_roles(store, cur, name, rollen, datarollen)
        store.log(door, Actie.GEBRUIKERSBEHEER, details={"handeling": "aangemaakt", "gebruiker": name,
                  "rollen": sorted(rollen), "datarollen": sorted(datarollen)})
    return _existing(store, name)


def create_user(store: Store, beheerder: Gebruiker, gebruikersnaam: str, weergavenaam: str,
                rollen: Iterable[Rol | str], datarollen: Iterable[Thema | str] = (), *,
                email: str | None = None, wachtwoord: str | None = None) -> Gebruiker:
    actor = _require_beheerder(store, beheerder)
    return register_user(store, actor.gebruikersnaam, gebruikersnaam, weergavenaam, rollen, datarollen,
                         email=email, wachtwoord=wachtwoord)


def set_roles(store: Store, beheerder: Gebruiker, gebruikersnaam: str, rollen: Iterable[Rol | str],
              datarollen: Iterable[Thema | str]) -> Gebruiker:
    """Replace a user's roles and datarollen (every grant and revocation is audited)."""
    actor = _require_beheerder(store, beheerder)
    target = _existing(store, gebruikersnaam)
    rollen, datarollen = _rollen(rollen), _datarollen(datarollen)
    if Rol.BEHEERDER not in rollen:
        _keep_a_beheerder(store, target)
    with store.transaction() as cur:
        store.run(cur, "gebruiker_rollen_wis", gebruikersnaam=target.gebruikersnaam)
        store.run(cur, "gebruiker_datarollen_wis", gebruikersnaam=target.gebruikersnaam)
        _write_roles(store, cur, target.gebruikersnaam, rollen, datarollen)
        _change(store, cur, actor, target, {}, "rollen gewijzigd",
                rollen=sorted(rollen), datarollen=sorted(datarollen))
    return _existing(store, target.gebruikersnaam)


def update_user(store: Store, beheerder: Gebruiker, gebruikersnaam: str, *, weergavenaam: str | None = None,
                email: str | None = None, actief: bool | None = None, deblokkeer: bool = False) -> Gebruiker:
    """Change name or e-mail (\"\" clears it), (de)activate, or lift a lockout."""
    actor = _require_beheerder(store, beheerder)
    target = _existing(store, gebruikersnaam)
    if actief is False:
        _keep_a_beheerder(store, target)
    values = dict(weergavenaam=_tekst(weergavenaam, "naam") if weergavenaam is not None else None,
                  email="" if email == "" else _email_free(store, email, target.gebruikersnaam),
                  actief=actief, deblokkeer=deblokkeer)
    with store.transaction() as cur:
        _change(store, cur, actor, target, values, "gegevens gewijzigd",
                velden=sorted(k for k, v in values.items() if v not in (None, False)))
    return _existing(store, target.gebruikersnaam)


def disable_user(store: Store, beheerder: Gebruiker, gebruikersnaam: str) -> Gebruiker:
    return update_user(store, beheerder, gebruikersnaam, actief=False)


def set_password(store: Store, door: Gebruiker, gebruikersnaam: str, wachtwoord: str) -> None:
    """A beheerder sets anyone's password; a user sets their own."""
    actor = current_user(store, door)
    target = _existing(store, gebruikersnaam)
    if actor.gebruikersnaam != target.gebruikersnaam and not actor.heeft_rol(Rol.BEHEERDER):
        raise GeenToegang("U kunt alleen uw eigen wachtwoord wijzigen.")
    if target.is_demo:
        raise OngeldigeInvoer("De demogebruiker heeft geen wachtwoord.")
    with store.transaction() as cur:
        _change(store, cur, actor, target, {"wachtwoord_hash": _hash(wachtwoord)}, "wachtwoord gezet")


def verify_password(store: Store, gebruikersnaam: str, wachtwoord: str) -> Gebruiker:
    """Log in with a local password; InlogFout (Dutch) on any failure. Every attempt is audited.

    Every failure does the same work (one argon2 verification, one audit line) and is answered
    with ONJUIST after at least MIN_DUUR_MISLUKT seconds, so neither the text nor the time tells an
    unknown name from a wrong password or a blocked account."""
    started = time.monotonic()
    try:
        return _verify_password(store, gebruikersnaam, wachtwoord)
    except InlogFout:
        time.sleep(max(0.0, started + MIN_DUUR_MISLUKT - time.monotonic()))
        raise


def _verify_password(store: Store, gebruikersnaam: str, wachtwoord: str) -> Gebruiker:
    name = (gebruikersnaam or "").strip().lower()
    rows = store.query("gebruiker_login", gebruikersnaam=name)
    row = rows[0] if rows else None
    if row is None or not row["actief"] or row["is_demo"] or not row["wachtwoord_hash"]:
        _constant_work(wachtwoord)
        _log_failure(store, name if row else None, "onbekend of niet actief")
        raise InlogFout(ONJUIST)
    now = clock.now()
    matches = _matches(row["wachtwoord_hash"], wachtwoord)  # also when blocked: the same work
    if row["geblokkeerd_tot"] and row["geblokkeerd_tot"] > now:
        _log_failure(store, name, "geblokkeerd")
        raise InlogFout(ONJUIST)
    if not matches:
        _fail(store, name, now)
    rehash = _HASHER.hash(wachtwoord) if _HASHER.check_needs_rehash(row["wachtwoord_hash"]) else None
    with store.cursor() as cur:
        store.run(cur, "gebruiker_gelukt", gebruikersnaam=name, nieuwe_hash=rehash)
    store.log(name, Actie.INLOGGEN, details={"methode": "wachtwoord"})
    return current_user(store, name)


def log_oidc_login(store: Store, user: Gebruiker) -> None:
    store.log(user.gebruikersnaam, Actie.INLOGGEN, details={"methode": "oidc"})


def demo_user(store: Store) -> Gebruiker:
    """The demo user; only in demo mode."""
    if store.mode == PRODUCTIE:
        raise GeenToegang("De demogebruiker bestaat niet in productie.")
    return current_user(store, DEMO_NAAM)


def sync_demo_user(store: Store) -> None:
    """Create the demo user in demo mode; remove it in productie."""
    existing = get_user(store, DEMO_NAAM)
    if store.mode == PRODUCTIE:
        if existing is not None:
            with store.transaction() as cur:
                for name in ("gebruiker_rollen_wis", "gebruiker_datarollen_wis", "gebruiker_wis"):
                    store.run(cur, name, gebruikersnaam=DEMO_NAAM)
                store.log("systeem", Actie.GEBRUIKERSBEHEER,
                          details={"handeling": "demogebruiker verwijderd (productie)"})
    elif existing is None:
        register_user(store, "systeem", DEMO_NAAM, DEMO_WEERGAVENAAM, [Rol.ANALIST], list(Thema),
                      is_demo=True)


def _fail(store: Store, name: str, now: datetime) -> NoReturn:
    with store.cursor() as cur:
        result = store.run(cur, "gebruiker_mislukt", gebruikersnaam=name, max=MAX_POGINGEN,
                           tot=now + BLOKKADE)
    blocked = bool(result and result[0][0] and result[0][0] > now)
    _log_failure(store, name, "geblokkeerd na te veel pogingen" if blocked else "onjuist wachtwoord")
    raise InlogFout(ONJUIST)


def _log_failure(store: Store, name: str | None, reden: str) -> None:
    # An unknown name is not logged verbatim: users sometimes type their password there.
    store.log(name or "onbekend", Actie.INLOGGEN_MISLUKT, details={"reden": reden})


def _matches(hashed: str, wachtwoord: str) -> bool:
    try:
        return _HASHER.verify(hashed, wachtwoord or "")
    except (VerificationError, InvalidHashError):
        return False


def _constant_work(wachtwoord: str) -> None:
    _matches(_DUMMY_HASH, wachtwoord)


def _hash(wachtwoord: str) -> str:
    if len(wachtwoord or "") < MIN_WACHTWOORD:
        raise OngeldigeInvoer(f"Een wachtwoord moet minstens {MIN_WACHTWOORD} tekens hebben.")
    return _HASHER.hash(wachtwoord)


def _change(store: Store, cur, actor: Gebruiker, target: Gebruiker, values: dict, handeling: str,
            **details) -> None:
    defaults = dict(weergavenaam=None, email=None, wachtwoord_hash=None, actief=None, deblokkeer=False)
    store.run(cur, "gebruiker_wijzig", **(defaults | values), gebruikersnaam=target.gebruikersnaam,
              nu=clock.now(), door=actor.gebruikersnaam)
    store.log(actor.gebruikersnaam, Actie.GEBRUIKERSBEHEER,
              details={"handeling": handeling, "gebruiker": target.gebruikersnaam, **details})


def _write_roles(store: Store, cur, name: str, rollen: set[str], datarollen: set[str]) -> None:
    store.run(cur, "gebruiker_rollen_zet", gebruikersnaam=name, rollen=sorted(rollen))
    if datarollen:
        store.run(cur, "gebruiker_datarollen_zet", gebruikersnaam=name, datarollen=sorted(datarollen))


def _require_beheerder(store: Store, user: Gebruiker) -> Gebruiker:
    actor = current_user(store, user)
    if not actor.heeft_rol(Rol.BEHEERDER):
        raise GeenToegang("Alleen een beheerder kan gebruikers beheren.")
    return actor


def _existing(store: Store, gebruikersnaam: str) -> Gebruiker:
    user = get_user(store, gebruikersnaam)
    if user is None:
        raise OngeldigeInvoer(f"Gebruiker '{gebruikersnaam}' bestaat niet.")
    return user


def _keep_a_beheerder(store: Store, target: Gebruiker) -> None:
    if Rol.BEHEERDER in target.rollen and target.actief:
        others = store.query("beheerders_overig", gebruikersnaam=target.gebruikersnaam)[0]["aantal"]
        if others == 0:
            raise OngeldigeInvoer("Er moet minstens één actieve beheerder overblijven.")


def _user(row: dict) -> Gebruiker:
    return Gebruiker(gebruikersnaam=row["gebruikersnaam"], weergavenaam=row["weergavenaam"],
                     rollen=frozenset(Rol(r) for r in row["rollen"]),
                     datarollen=frozenset(Thema(t) for t in row["datarollen"]), email=row["email"],
                     actief=row["actief"], is_demo=row["is_demo"],
                     heeft_wachtwoord=row["heeft_wachtwoord"], geblokkeerd_tot=row["geblokkeerd_tot"])


def _naam(gebruikersnaam: str) -> str:
    name = (gebruikersnaam or "").strip().lower()
    if not _NAAM_RE.match(name):
        raise OngeldigeInvoer("Een gebruikersnaam bestaat uit 2 tot 64 kleine letters, cijfers of . _ @ -.")
    return name


def _email(email: str | None) -> str | None:
    if email is None:
        return None
    value = email.strip().lower()
    if "@" not in value or " " in value:
        raise OngeldigeInvoer(f"'{email}' is geen geldig e-mailadres.")
    return value


def _email_free(store: Store, email: str | None, owner: str) -> str | None:
    """The normalised address, refused when another user already has it (OIDC maps on it)."""
    value = _email(email)
    if value and any(r["gebruikersnaam"] != owner
                     for r in store.query("gebruikers", gebruikersnaam=None, email=value)):
        raise OngeldigeInvoer(f"Het e-mailadres {value} hoort al bij een andere gebruiker.")
    return value


def _tekst(value: str | None, veld: str) -> str:
    text = (value or "").strip()
    if not text:
        raise OngeldigeInvoer(f"Vul een {veld} in.")
    return text


def _rollen(rollen: Iterable[Rol | str]) -> set[str]:
    aliases = {"coördinator": "coordinator"}
    try:
        result = {Rol(aliases.get(str(r).lower(), str(r).lower())).value for r in rollen}
    except ValueError as exc:
        raise OngeldigeInvoer(f"Onbekende rol: kies uit {', '.join(r.label for r in Rol)}.") from exc
    if not result:
        raise OngeldigeInvoer("Geef minstens één rol.")
    return result


def _datarollen(datarollen: Iterable[Thema | str]) -> set[str]:
    try:
        return {Thema(str(t).lower()).value for t in datarollen}
    except ValueError as exc:
        raise OngeldigeInvoer(f"Onbekend thema: kies uit {', '.join(t.value for t in Thema)}.") from exc
