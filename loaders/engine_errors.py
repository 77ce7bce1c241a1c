"""Errors of the engines that read files (DuckDB, GDAL via pyogrio, openpyxl, json, tomllib) in
plain Dutch. Their own text is English, names internals and can echo raw file content: it is
never shown. Set ZICHT_DEBUG=1 to see it on the command line.
"""

from __future__ import annotations

import errno
import json
import re
import tomllib

from loaders.errors import InvoerFout

# (substring of the engine's message, Dutch explanation); the first match wins.
_KNOWN = (
    ("out of memory", "te weinig geheugen om dit bestand te lezen"),
    ("no space left on device", "de schijf is vol; maak ruimte vrij en probeer opnieuw"),
    ("permission denied", "geen leesrechten op het bestand"),
    ("unterminated quote", "een aanhalingsteken wordt niet gesloten"),
    ("expected number of columns", "het aantal velden per rij wisselt"),
    ("invalid unicode", "ongeldige tekens: het bestand is geen UTF-8"),
    ("maximum line size", "een regel is te lang"),
    ("not recognized as being in a supported file format", "geen bekend formaat (verwacht "
     "GeoJSON, GeoPackage of Shapefile)"),
    ("not recognized as a supported file format", "geen bekend formaat (verwacht GeoJSON, "
     "GeoPackage of Shapefile)"),
    ("geojson", "geen geldige GeoJSON"),
    ("json parsing", "geen geldige JSON"),
    ("file is not a zip file", "geen geldig Excel-bestand (beschadigd of onvolledig)"),
    ("bad crc", "het bestand is beschadigd (controlesom klopt niet)"),
    ("truncated", "het bestand is onvolledig (afgebroken download?)"),
    ("there is no item named", "geen geldig Excel-bestand: een onderdeel ontbreekt"),
    ("not a valid", "het bestand heeft niet de verwachte opbouw"),
)
_ENGINES = {"duckdb": "DuckDB", "pyogrio": "GDAL", "openpyxl": "openpyxl", "zipfile": "zip",
            "shapely": "GEOS", "pyarrow": "Arrow"}
GEOS_REDENEN = {  # GEOS validity reasons in plain Dutch
    "Self-intersection": "de rand snijdt zichzelf",
    "Ring Self-intersection": "een ring raakt zichzelf",
    "Hole lies outside shell": "een binnenring ligt buiten de buitenring",
    "Nested holes": "een binnenring ligt in een andere binnenring",
    "Interior is disconnected": "de binnenringen delen het vlak op",
    "Nested shells": "een vlak ligt in een ander vlak",
    "Duplicate Rings": "een ring komt twee keer voor",
    "Too few points in geometry component": "te weinig verschillende punten",
    "Invalid Coordinate": "ongeldige coördinaat",
}
_TOML_AT = re.compile(r"at line (\d+), column (\d+)")


def translate(exc: BaseException, bestand: str) -> InvoerFout:
    """An InvoerFout naming `bestand` that says in Dutch what `exc` means for the user."""
    if isinstance(exc, InvoerFout):
        return exc
    if isinstance(exc, json.JSONDecodeError | tomllib.TOMLDecodeError | UnicodeDecodeError):
        kind = {"JSONDecodeError": "geen geldige JSON", "TOMLDecodeError": "geen geldige TOML"}
        return InvoerFout(bestand, f"{kind.get(type(exc).__name__, 'ongeldige tekens')} "
                                   f"({detail(exc)})", rij=line_of(exc))
    return InvoerFout(bestand, describe(exc))


def line_of(exc: BaseException) -> int | None:
    """The line a JSON or TOML parser stopped at, for the `rij` of a message."""
    if isinstance(exc, json.JSONDecodeError):
        return exc.lineno
    at = _TOML_AT.search(str(exc)) if isinstance(exc, tomllib.TOMLDecodeError) else None
    return int(at[1]) if at else None


def detail(exc: BaseException) -> str:
    """A short Dutch detail for a message that already says what failed: where in the file, or
    what kind of problem."""
    if isinstance(exc, json.JSONDecodeError):
        return f"regel {exc.lineno}, teken {exc.colno}"
    if isinstance(exc, tomllib.TOMLDecodeError):
        at = _TOML_AT.search(str(exc))
        return f"regel {at[1]}, teken {at[2]}" if at else "ongeldige TOML"
    if isinstance(exc, UnicodeDecodeError):
        return "geen UTF-8"
    return describe(exc)


def describe(exc: BaseException) -> str:
    """One Dutch sentence for any exception, without its English text."""
    if isinstance(exc, MemoryError):
        return "te weinig geheugen om dit bestand te lezen"
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return "de schijf is vol; maak ruimte vrij en probeer opnieuw"
    text = str(exc).lower()
    for needle, dutch in _KNOWN:
        if needle in text:
            return dutch
    if isinstance(exc, OSError):
        return f"het bestand kon niet worden gelezen of geschreven (systeemfout {exc.errno})"
    engine = _ENGINES.get(type(exc).__module__.split(".")[0].lstrip("_"), "Zicht")
    return (f"het bestand kon niet worden gelezen ({engine} meldt een {type(exc).__name__}); "
            "controleer het formaat, of meld het aan de beheerder met ZICHT_DEBUG=1")


def is_interrupt(exc: BaseException) -> bool:
    """DuckDB turns Ctrl-C during a query into its own InterruptException."""
    return isinstance(exc, KeyboardInterrupt) or type(exc).__name__ == "InterruptException"


def geos_reason(reden: str, anders: str = "de rand klopt niet") -> str:
    """A GEOS validity reason ('Self-intersection[x y]' without the point) in Dutch."""
    return GEOS_REDENEN.get(reden.split("[")[0].strip(), anders)
