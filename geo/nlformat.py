"""Dutch number and date formats (1.234,5 and 28-11-2026): the one place that decides them.

Pure functions, no locale module: the server's locale is not ours to rely on.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

LEEG = "–"


def getal(value: float | int | None, decimalen: int = 0) -> str:
    """1234.5 -> '1.234,5' (with decimalen=1); None -> '–'."""
    if value is None:
        return LEEG
    text = f"{value:,.{decimalen}f}"  # '1,234.5'
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def datum(value: date | datetime | str | None) -> str:
    """A date (or ISO string 'YYYY-MM-DD[...]') as '28-11-2026'; None or unreadable -> '–'."""
    parsed = as_datetime(value)
    return LEEG if parsed is None else parsed.strftime("%d-%m-%Y")


def datumtijd(value: date | datetime | str | None) -> str:
    """A timestamp as '28-11-2026 15:02' in Dutch time (Europe/Amsterdam, daylight saving
    included). A time without a zone is UTC: that is how Zicht stores every timestamp (the case
    store via cases.clock, `bron.geladen_op`); a bare date is shown as midnight."""
    parsed = as_datetime(value)
    if parsed is None:
        return LEEG
    if isinstance(value, date) and not isinstance(value, datetime):
        return parsed.strftime("%d-%m-%Y %H:%M")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(AMSTERDAM).strftime("%d-%m-%Y %H:%M")


def meervoud(aantal: int, enkel: str, meer: str) -> str:
    """'1 vestiging', '1.234 vestigingen'."""
    return f"{getal(aantal)} {kies(aantal, enkel, meer)}"


def kies(aantal: int, enkel: str, meer: str) -> str:
    """The word that agrees with a count: kies(1, 'heeft', 'hebben') -> 'heeft'."""
    return enkel if aantal == 1 else meer


def waarde(value) -> str:
    """Any figure in a sentence: integers with thousands dots, fractions with one decimal."""
    if isinstance(value, bool) or value is None:
        return LEEG if value is None else ("ja" if value else "nee")
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        return getal(value)
    if isinstance(value, float):
        return getal(value, 1)
    if isinstance(value, date | datetime):
        return datum(value)
    return str(value)


def as_datetime(value: date | datetime | str | None) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    try:
        return datetime.fromisoformat(str(value).strip())
    except ValueError:
        return None
