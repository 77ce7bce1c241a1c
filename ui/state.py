"""Typed state of the Kaart page: what the browser reports about the map (Viewport), what the
analyst selected (geo.concentration.Filter) and how the map shows it (KaartKeuze).

Widgets keep their values in st.session_state under the keys below, and those keys are also
the URL query parameters, so a view can be shared as a link: read_url() fills the session from
the URL once per session, write_url() puts every value that differs from its default back.
(Streamlit's own bind="query-params" writes a widget's *label* into the URL, which changes with
counts and wording, so it is not used.) Values are plain strings, dates and lists; nothing is
pickled. Everything read back from the session or the URL is checked here or where the widget
is drawn, so a hand-edited link cannot break the page.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from geo import crs
from geo.concentration import SBI_KEUZE_RE, STATUSSEN, Filter

RdBox = tuple[float, float, float, float]  # (xmin, ymin, xmax, ymax) in RD metres

# Widget keys = URL query parameters.
K_GROEP, K_SBI, K_STATUS, K_SOORT = "groep", "sbi", "status", "soort"
K_VAN, K_TOT, K_TREFWOORD, K_HOOFDACT = "van", "tot", "trefwoord", "hoofdactiviteit"
K_THEMA, K_PER, K_MAAT, K_CEL, K_SIGNAAL = "thema", "per", "maat", "cel", "signaal"
K_ACHTERGROND, K_LAGEN, K_KLEUR = "achtergrond", "lagen", "kleur"
K_ZICHT = "zicht"  # map view in the URL: "lat,lon,zoom" (set by the page, not a widget)
URL_GELEZEN = "_url_gelezen"
# Links from the case pages open an object: ?pand=…, ?adres=…, ?vestiging=…, … (cases.model
# ObjectType values).
OBJECT_PARAMS = ("pand", "adres", "vestiging", "maatschappelijke_activiteit", "buurt", "wijk")

THEMAS = ("vestigingen", "concentratie", "woonfunctie", "oppervlakte", "bouwjaar", "signalen")
BAG_THEMAS = ("woonfunctie", "oppervlakte", "bouwjaar")
MATEN = ("aantal", "per_1000", "lq")
CELLEN = (100, 250, 500, 1000)
KLEUREN = ("groep", "selectie")
SOORTEN_VESTIGING = ("alle", "hoofd", "neven")
LIJSTEN = {K_GROEP, K_SBI, K_LAGEN}
DATUMS = {K_VAN, K_TOT}
DEFAULTS: dict[str, object] = {
    K_GROEP: [], K_SBI: [], K_STATUS: "actief", K_SOORT: "alle", K_VAN: None, K_TOT: None,
    K_TREFWOORD: False, K_HOOFDACT: False, K_THEMA: "vestigingen", K_PER: "buurt",
    K_MAAT: "aantal", K_CEL: 250, K_SIGNAAL: None, K_KLEUR: "groep",
}


@dataclass(frozen=True)
class Viewport:
    """What the browser shows: zoom level and the visible box in degrees."""

    zoom: int
    south: float
    west: float
    north: float
    east: float

    @classmethod
    def from_component(cls, value: object) -> Viewport | None:
        """Parse st_folium's return value; None until the browser has reported a view."""
        if not isinstance(value, dict):
            return None
        try:
            sw, ne = value["bounds"]["_southWest"], value["bounds"]["_northEast"]
            numbers = [value["zoom"], sw["lat"], sw["lng"], ne["lat"], ne["lng"]]
            if any(v is None for v in numbers):
                return None
            zoom, south, west, north, east = (float(v) for v in numbers)
        except (KeyError, TypeError, ValueError):
            return None
        return cls(int(zoom), south, west, north, east)

    @property
    def center(self) -> tuple[float, float]:
        return ((self.south + self.north) / 2, (self.west + self.east) / 2)

    def rd_box(self, snap: float) -> RdBox:
        """The view as an RD box, widened outward to multiples of `snap` metres.

        Snapping makes small pans ask for the same box, so the cached query answers and the
        browser receives an identical layer, which it does not redraw.
        """
        xs, ys = crs.lonlat_to_rd(
            [self.west, self.east, self.west, self.east],
            [self.south, self.south, self.north, self.north],
        )
        return (
            math.floor(min(xs) / snap) * snap,
            math.floor(min(ys) / snap) * snap,
            math.ceil(max(xs) / snap) * snap,
            math.ceil(max(ys) / snap) * snap,
        )


@dataclass(frozen=True)
class KaartKeuze:
    """How the map shows the selection: theme, its options, base map and overlays."""

    thema: str = "vestigingen"
    per: str = "buurt"  # buurt | wijk | raster | bedrijventerrein:<bron>
    maat: str = "aantal"
    cel: int = 250
    signaal: str | None = None
    achtergrond: str = "geen"
    lagen: tuple[str, ...] = ("buurt",)
    kleur: str = "groep"


@dataclass(frozen=True)
class Zicht:
    """A map position from the URL (lat, lon, zoom), to open a shared view where it was."""

    lat: float
    lon: float
    zoom: int

    @classmethod
    def parse(cls, text: object) -> Zicht | None:
        try:
            lat, lon, zoom = str(text).split(",")
            zicht = cls(float(lat), float(lon), int(zoom))
        except (TypeError, ValueError):
            return None
        ok = -90 <= zicht.lat <= 90 and -180 <= zicht.lon <= 180 and 5 <= zicht.zoom <= 20
        return zicht if ok else None

    def text(self) -> str:
        return f"{self.lat:.5f},{self.lon:.5f},{self.zoom}"


def selection(state: Mapping, peildatum: str, groepen: set[str]) -> Filter:
    """The Filter the widgets describe; unknown values fall back to the defaults."""
    van, tot = _date(state.get(K_VAN)), _date(state.get(K_TOT))
    if van and tot and van > tot:
        van, tot = tot, van
    return Filter(
        peildatum=peildatum,
        status=_one_of(state.get(K_STATUS), STATUSSEN, "actief"),
        soort=_one_of(state.get(K_SOORT), SOORTEN_VESTIGING, "alle"),
        van=van, tot=tot,
        groepen=tuple(g for g in _list(state.get(K_GROEP)) if g in groepen),
        sbi=tuple(k for k in _list(state.get(K_SBI)) if SBI_KEUZE_RE.match(k)),
        alleen_hoofd=bool(state.get(K_HOOFDACT, False)),
        trefwoord=bool(state.get(K_TREFWOORD, False)),
    )


def map_choice(state: Mapping, achtergronden: set[str], signalen: set[str],
               lagen: set[str], standaard_achtergrond: str = "geen") -> KaartKeuze:
    """The KaartKeuze the widgets describe; unknown values fall back to the defaults."""
    d = KaartKeuze()
    per = str(state.get(K_PER) or d.per)
    if per not in ("buurt", "wijk", "raster") and not per.startswith("bedrijventerrein:"):
        per = d.per
    cel = state.get(K_CEL)
    signaal = state.get(K_SIGNAAL)
    return KaartKeuze(
        thema=_one_of(state.get(K_THEMA), THEMAS, d.thema),
        per=per,
        maat=_one_of(state.get(K_MAAT), MATEN, d.maat),
        cel=int(cel) if cel in CELLEN or str(cel) in map(str, CELLEN) else d.cel,
        signaal=signaal if signaal in signalen else None,
        achtergrond=_one_of(state.get(K_ACHTERGROND), achtergronden | {"geen"},
                            standaard_achtergrond),
        lagen=tuple(x for x in _list(state.get(K_LAGEN, d.lagen)) if x in lagen),
        kleur=_one_of(state.get(K_KLEUR), KLEUREN, d.kleur),
    )


def _one_of(value, allowed, default):
    return value if value in allowed else default


def _list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _date(value) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def read_url(session, query_params, defaults: dict[str, object]) -> None:
    """Once per session: widget values from the URL (unparseable values are skipped); then make
    sure every key has a value, so widgets are drawn without a default of their own."""
    if not session.get(URL_GELEZEN):
        session[URL_GELEZEN] = True
        for key, default in defaults.items():
            if key in query_params:
                waarde = _from_text(query_params.get_all(key), default, key)
                if waarde is not None or default is None:
                    session[key] = waarde
    for key, default in defaults.items():
        if key not in session:
            session[key] = list(default) if isinstance(default, list | tuple) else default


def write_url(session, query_params, defaults: dict[str, object]) -> None:
    """Every value that differs from its default into the URL; defaults leave it."""
    for key, default in defaults.items():
        waarde = session.get(key, default)
        tekst = _to_text(waarde)
        if waarde == default or (isinstance(default, list | tuple) and
                                 list(waarde or []) == list(default)) or tekst is None:
            if key in query_params:
                del query_params[key]
        elif query_params.get_all(key) != tekst:
            query_params[key] = tekst


def keep_valid(session, key: str, options, default) -> None:
    """Before a widget is drawn: a value (from a link, an older snapshot) it cannot show is
    replaced by the default; from a list only the valid entries stay."""
    value = session.get(key, default)
    if isinstance(value, list | tuple):
        session[key] = [v for v in value if v in options]
    elif value not in options and value is not None:
        session[key] = default


def _from_text(values: list[str], default, key: str):
    if key in LIJSTEN:
        return [v for v in values if v]
    text = values[-1] if values else ""
    if key in DATUMS:
        return _date(text)
    if isinstance(default, bool):
        return text == "1"
    if isinstance(default, int):
        return int(text) if text.isdigit() else None
    return text or None


def _to_text(value) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return ["1" if value else "0"]
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    if isinstance(value, date):
        return [value.isoformat()]
    return [str(value)]
