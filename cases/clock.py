"""The one clock of the case register.

Every timestamp in the case store is UTC without a zone (TIMESTAMP columns), whatever the server's
own time zone is, so a stored time is never ambiguous (not even in the hour the clocks go back).
Everything a user sees is Dutch time, through geo.nlformat.datumtijd.
"""

from __future__ import annotations

from datetime import UTC, datetime

from geo.nlformat import datumtijd


def now() -> datetime:
    """The current time as stored: UTC, without a zone."""
    return datetime.now(UTC).replace(tzinfo=None)


def tekst(moment: datetime) -> str:
    """'28-11-2026 15:02' in Dutch time (geo.nlformat.datumtijd: the one rule for showing time)."""
    return datumtijd(moment)
