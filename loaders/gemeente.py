"""Gemeentecodes as users type them ('0637', '637', 'GM0637'): the one place that reads them."""

from __future__ import annotations

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
