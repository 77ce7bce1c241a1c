"""Gemeentecodes as users type them ('0637', '637', 'GM0637') or sources give them (a number, a
code without its leading zeros), and the gemeente's name from the CBS list in data/gemeenten.toml:
the one place that reads them. Every way a code enters (the CLI, the source registry, the BAG files
and API, the CBS list) goes through here, so the rest of Zicht only sees '0637'."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from loaders.errors import InvoerFout


def gemeentecode(gemeente: str) -> str:
    """'0637', '637' or 'GM0637' -> '0637'; InvoerFout otherwise."""
    code = str(gemeente).strip().upper().removeprefix("GM")
    if not (code.isdigit() and len(code) <= 4):
        raise InvoerFout("--gemeente", f"'{gemeente}' is geen gemeentecode (verwacht bv. 0637)")
    return code.zfill(4)


def bronhouder_code(value: object) -> str | None:
    """A gemeentecode as a BAG source gives it (bronhouder, gemeente-woonplaatsrelatie): '0637',
    None when empty. Source data is not refused here; the BAG checks its own codes."""
    return None if value in (None, "") else str(value).strip().zfill(4)


def cbs_gemeentecode(gemeente: str) -> str:
    """The CBS form: 'GM0637'."""
    return "GM" + gemeentecode(gemeente)


LIJST = Path(__file__).resolve().parents[1] / "data" / "gemeenten.toml"


@cache
def _lijst() -> list[dict]:
    with open(LIJST, "rb") as f:
        return [{**g, "code": gemeentecode(g["code"])} for g in tomllib.load(f)["gemeenten"]]


def gemeentenaam(code: str, op: str | None = None) -> str | None:
    """The CBS name of gemeente `code` on date `op` (YYYY-MM-DD; default: its latest name), or
    None for a code the CBS list does not hold (such as the demo's 9999)."""
    code = gemeentecode(code)
    namen = sorted((g for g in _lijst() if g["code"] == code), key=lambda g: g["begin"])
    if not namen:
        return None
    geldig = [g for g in namen if op is None or (g["begin"] <= op < g.get("einde", "9999"))]
    return (geldig or namen)[-1]["naam"]
