"""Gemeentecodes as users type them ('0637', '637', 'GM0637'), and the gemeente's name from the
CBS list in data/gemeenten.toml: the one place that reads them."""

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


def cbs_gemeentecode(gemeente: str) -> str:
    """The CBS form: 'GM0637'."""
    return "GM" + gemeentecode(gemeente)


LIJST = Path(__file__).resolve().parents[1] / "data" / "gemeenten.toml"


@cache
def _lijst() -> list[dict]:
    with open(LIJST, "rb") as f:
        return tomllib.load(f)["gemeenten"]


def gemeentenaam(code: str, op: str | None = None) -> str | None:
    """The CBS name of gemeente `code` on date `op` (YYYY-MM-DD; default: its latest name), or
    None for a code the CBS list does not hold (such as the demo's 9999)."""
    code = gemeentecode(code)
    namen = sorted((g for g in _lijst() if g["code"] == code), key=lambda g: g["begin"])
    if not namen:
        return None
    geldig = [g for g in namen if op is None or (g["begin"] <= op < g.get("einde", "9999"))]
    return (geldig or namen)[-1]["naam"]
