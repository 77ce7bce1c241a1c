"""The case register: signals and cases along the werkproces, in an encrypted store, with audit.

Modules: model (vocabulary, records, errors), workflow (phases and the transition table), store
(the encrypted DuckDB file), access (who sees what; all reads of case content), accounts (users,
passwords, OIDC mapping), retention (bewaartermijn, vernietiging), audit (hash-chained log),
cli (the `zicht retentie`, `zicht audit verify`, `zicht gebruiker toevoegen` commands).

Nothing here imports streamlit; the UI calls these functions with a Store and a Gebruiker.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from cases.store import Store, open_store

__all__ = ["Store", "open_store", "open_for_app"]


def open_for_app(path: Path | str | None = None, key: str | None = None, *,
                 today: date | None = None, mode: str | None = None) -> Store:
    """Open the store for the app and run retention first (destroys expired archived cases)."""
    from cases.kaartrollen import zaai_demo
    from cases.retention import run_retention

    store = open_store(path, key, mode=mode)
    try:
        run_retention(store, today, door="systeem (start app)")
        zaai_demo(store)
    except BaseException:
        store.close()
        raise
    return store
