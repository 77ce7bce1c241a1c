"""The logged-in user's map rights (cases/kaartrollen.py decides) on their way to every snapshot query.

`huidige()` is what this run's user may see: None while the setting is off, else a
geo.kaartrechten.Kaartrechten. It is read from the store once per run (a revoked datarol or a
changed setting counts at the next click) and never kept in the session.

The snapshot caches (ui/data.py, ui/data_analyse.py) are shared by all sessions, so the rights
must be part of every cache key: `per_rechten(st.cache_data(...))` wraps a cached function so that
the caller's rights become its first, hashed argument, and the function body (and the cursors it
opens) runs with exactly those rights (`actief()`). ui.data.cursor applies them to each cursor
with geo.kaartrechten.beperk, so a query cannot run without them.
"""

from __future__ import annotations

import contextvars
import functools
from collections.abc import Callable
from typing import TypeVar

from cases import kaartrollen
from cases.model import CasusFout
from geo.kaartrechten import Kaartrechten
from ui import cases_data

F = TypeVar("F", bound=Callable)
_ONBEKEND = object()
_ACTIEF: contextvars.ContextVar = contextvars.ContextVar("zicht_kaartrechten", default=_ONBEKEND)


def huidige() -> Kaartrechten | None:
    """What the logged-in user may see on the map now (None: the setting is off)."""
    return cases_data.per_run(("kaartrechten",), _lees)


def _lees() -> Kaartrechten | None:
    try:
        store = cases_data.store()
    except CasusFout:
        return None  # no case store: there is no setting either (demo without a store)
    gebruiker = cases_data.user()
    return kaartrollen.kaartrechten(store, gebruiker or "")


def actief() -> Kaartrechten | None:
    """The rights the current cached computation runs with, else this run's user's."""
    rechten = _ACTIEF.get()
    return huidige() if rechten is _ONBEKEND else rechten


def met(rechten: Kaartrechten | None, doe: Callable[[], object]) -> object:
    """Run `doe` with these rights (for work outside a page run, such as warming a cache)."""
    token = _ACTIEF.set(rechten)
    try:
        return doe()
    finally:
        _ACTIEF.reset(token)


def per_rechten(cache: Callable[[Callable], Callable]) -> Callable[[F], F]:
    """Wrap `cache` (st.cache_data(...) or st.cache_resource(...)) so the caller's map rights key it."""

    def decorate(fn: F) -> F:
        def met_rechten(kaartrechten, *args, **kwargs):
            return met(kaartrechten, lambda: fn(*args, **kwargs))

        # Streamlit keys a cache on module, qualified name and source: give each its own name.
        met_rechten.__module__ = fn.__module__
        met_rechten.__qualname__ = f"{fn.__qualname__}[kaartrechten]"
        cached = cache(met_rechten)

        @functools.wraps(fn)
        def aanroep(*args, **kwargs):
            return cached(actief(), *args, **kwargs)

        aanroep.clear = cached.clear  # type: ignore[attr-defined]
        return aanroep  # type: ignore[return-value]

    return decorate
