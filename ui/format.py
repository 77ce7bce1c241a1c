"""Formats for everything the UI shows. Dutch numbers and dates (1.234,5 and 28-11-2026) are
decided in geo.nlformat, which exports also use. Text from data is shown through ui.text;
md_escape is re-exported here only so older imports keep working."""

from __future__ import annotations

from geo.nlformat import LEEG, datum, datumtijd, getal, kies, meervoud
from ui.text import md_escape

__all__ = ["LEEG", "datum", "datumtijd", "getal", "kies", "md_escape", "meervoud"]
