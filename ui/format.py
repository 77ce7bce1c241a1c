"""Formats for everything the UI shows. Dutch numbers and dates (1.234,5 and 28-11-2026) are
decided in geo.nlformat, which exports also use; this module adds what only the UI needs."""

from __future__ import annotations

from geo.nlformat import LEEG, datum, datumtijd, getal, kies, meervoud

__all__ = ["LEEG", "datum", "datumtijd", "getal", "kies", "md_escape", "meervoud"]

_MD_SPECIAL = set("\\`*_{}[]()#+-.!|<>~$:")


def md_escape(text: object) -> str:
    """Text from data made inert for st.markdown (a file name like bag_light must not italicise)."""
    return "".join(f"\\{c}" if c in _MD_SPECIAL else c for c in str(text))
