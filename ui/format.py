"""Formats for everything the UI shows. Dutch numbers and dates (1.234,5 and 28-11-2026) are
decided in geo.nlformat, which exports also use. Text from data is shown through ui.text."""

from __future__ import annotations

from geo.nlformat import LEEG, datum, datumtijd, getal, meervoud

__all__ = ["LEEG", "datum", "datumtijd", "getal", "meervoud"]
