"""Demo or productie: the one decision, from ZICHT_MODE and what the data folder holds.

Demo mode lets anyone in without a password, so it may only ever open demo data. Real data is
present when a snapshot in the data folder is not the demo (its meta says is_demo = 0), or when a
key of its own is configured for the case store (a store under a real key holds real cases; a
store that will not open with the public demo key is refused in demo mode by cases.store).

- ZICHT_MODE=productie: productie.
- ZICHT_MODE unset: demo on demo data only; with real data present, productie (login required).
- ZICHT_MODE=demo with real data present: refused, with a Dutch message that says what to set.
Anything else in ZICHT_MODE is refused, so a typo never means demo.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from cases.errors import OpslagFout

MODE_ENV = "ZICHT_MODE"
DEMO, PRODUCTIE = "demo", "productie"
DEMO_KEY = "DEMO-SLEUTEL-zicht-alleen-voor-fictieve-gegevens"
ZET_PRODUCTIE = ("Zet ZICHT_MODE=productie en een eigen sleutel (ZICHT_CASES_KEY of de secret "
                 "'zicht_cases_key'), of kies met ZICHT_DATA_DIR een map met alleen de demo.")


class EchteGegevens(OpslagFout):
    """Demo mode was asked for on a data folder with real data."""


def current_mode(value: str | None = None) -> str:
    """The mode ZICHT_MODE (or `value`) asks for: `demo` (also when unset) or `productie`."""
    mode = (value if value is not None else os.environ.get(MODE_ENV, DEMO)).strip().lower() or DEMO
    if mode not in (DEMO, PRODUCTIE):
        raise OpslagFout(f"Onbekende modus {MODE_ENV}={mode!r}: kies 'demo' of 'productie'.")
    return mode


def decide(data_dir: Path, key: str | None, asked: str | None = None) -> str:
    """The mode to run in; EchteGegevens when demo is asked for explicitly on real data."""
    asked = (asked if asked is not None else os.environ.get(MODE_ENV, "")).strip().lower()
    mode = current_mode(asked)
    if mode == PRODUCTIE:
        return PRODUCTIE
    reasons = real_data(data_dir, key)
    if not reasons:
        return DEMO
    if asked == DEMO:
        raise EchteGegevens(refusal(data_dir, reasons))
    return PRODUCTIE


def real_data(data_dir: Path, key: str | None) -> list[str]:
    """Why `data_dir` holds (or would open) real data, in Dutch; empty for demo data only."""
    from geo import snapshots

    found = snapshots.list_snapshots(data_dir)
    reasons = [f"snapshot {p.name} bevat echte gegevens (geen demo)" for p in found
               if _is_real_snapshot(str(p), p.stat().st_mtime_ns)]
    if key and key != DEMO_KEY:
        reasons.append("er is een eigen sleutel voor de casusopslag ingesteld")
    return reasons


def refusal(data_dir: Path, reasons: list[str]) -> str:
    return (f"Zicht start niet in demomodus: de datamap {data_dir} bevat echte gegevens ("
            + "; ".join(reasons) + "). De demomodus laat iedereen zonder wachtwoord binnen en opent "
            "daarom alleen demogegevens. " + ZET_PRODUCTIE)


@functools.lru_cache(maxsize=16)
def _is_real_snapshot(path: str, mtime_ns: int) -> bool:  # noqa: ARG001 (cache key)
    """True when the snapshot's meta says is_demo is not 1. Every build writes is_demo; a file
    without it (unreadable, half-made) is one the app cannot show at all (it says so), so it does
    not count as real data."""
    import duckdb

    from geo import db
    from geo.sqlfiles import execute_checked, sql_text

    try:
        con = db.connect(path, read_only=True)
    except duckdb.Error:
        return False
    try:
        meta = dict(execute_checked(con, sql_text("kaart_meta")).fetchall())
    except duckdb.Error:
        meta = {}
    finally:
        con.close()
    return meta.get("is_demo", "1") != "1"
