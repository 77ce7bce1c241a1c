"""Map layers as pure builders: plain data in (dicts, GeoJSON geometry in lon/lat), folium out.

No database and no Streamlit here. Every text that comes from data (street and company names)
is HTML-escaped in this module before it reaches a tooltip, because Leaflet puts tooltip
content into the page as HTML, and no '{' from data reaches folium (geo.safe_text.no_template).
Callers pass plain text; a newline becomes a line break.

The map references only the Leaflet files the app serves itself (ASSET_BASE): folium's
defaults point at CDNs, which a closed network cannot reach and which would tell a third party
what an analyst is looking at. Tiles come only from servers an administrator configured
(maps.basemaps, which also builds the base map and its controls).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import folium

from geo.safe_text import html_text, no_template
from maps.basemaps import ASSET_BASE, base_map, use_local_assets

__all__ = ["ASSET_BASE", "base_map", "use_local_assets"]

ACCENT = "#154273"
# Sequential single-hue scale from the accent colour: colour-blind safe, readable when projected.
PALETTE = ("#dfe7f1", "#adc2dc", "#7396c0", "#3f6a9d", "#154273")
# Location quotient: diverging around 1 (Paul Tol's BuRd), fixed classes so maps compare.
LQ_GRENZEN = (0.5, 0.8, 1.25, 2.0)
LQ_KLEUREN = ("#4393c3", "#d1e5f0", "#ececec", "#f4a582", "#b2182b")
NUL_KLEUR = "#ffffff"
ONBEKEND_KLEUR = "#c9ced4"
PAND_KLEUR = "#dde1e6"
# Ligplaatsen (water) and standplaatsen (land): own colours, distinct from panden and themes.
PLAATS_KLEUR = {"ligplaats": "#2b8cbe", "standplaats": "#8c6d31"}
HIGHLIGHT = "#000000"
SIGNAAL_KLEUR = "#b2182b"
# BAG themes: categorical for woonfunctie (Paul Tol's "bright"), ordinal ramps for the classes.
WOONFUNCTIE_KLEUREN = ("#4477aa", "#ccbb44", "#ee6677")
OPPERVLAKTE_KLEUREN = ("#fee391", "#fec44f", "#fb9a29", "#ec7014", "#cc4c02", "#8c2d04")
BOUWJAAR_KLEUREN = ("#440154", "#3b528b", "#21918c", "#5ec962", "#fde725")
GRENS = {
    "buurt": {"color": "#6b7785", "weight": 1, "dashArray": None},
    "wijk": {"color": "#3d4651", "weight": 2, "dashArray": None},
    "bedrijventerrein": {"color": "#1f1f1f", "weight": 2.5, "dashArray": "6 4"},
    "bedrijventerrein_eigen": {"color": "#7a3e00", "weight": 2.5, "dashArray": "2 4"},
    "gemeente": {"color": "#1f1f1f", "weight": 3, "dashArray": None},
}


def fill_opacity(met_achtergrond: bool) -> float:
    """Opaque without a base map (best contrast on a projector), see-through on top of one."""
    return 0.7 if met_achtergrond else 1.0


def outlines(areas: Sequence[dict], soort: str, *, interactive: bool = True) -> folium.GeoJson:
    """Boundaries of areas of one kind (a key of GRENS), with a tooltip.

    Each area: {"id", "geometry", "label"}. Unfilled, but the (transparent) fill still catches
    the mouse so hovering anywhere inside shows the name.
    """
    line = GRENS[soort]
    style = {**line, "fill": interactive, "fillOpacity": 0.0, "opacity": 0.9}
    return _geojson(
        _features(areas), name=f"grens_{soort}", style=lambda _f: style,
        tooltip=interactive, interactive=interactive,
    )


def filled(areas: Sequence[dict], opacity: float = 1.0) -> folium.GeoJson:
    """Areas filled with their own colour; each area: {"id", "geometry", "label", "kleur"}.
    A white area (zero) gets a visible grey edge."""

    def style(feature: dict) -> dict:
        kleur = feature["properties"]["kleur"]
        edge = GRENS["buurt"]["color"] if kleur == NUL_KLEUR else "#ffffff"
        return {"color": edge, "weight": 1, "fillColor": kleur, "fillOpacity": opacity}

    def highlight(_feature: dict) -> dict:
        return {"color": HIGHLIGHT, "weight": 3}

    return _geojson(_features(areas), name="vlakken", style=style, highlight=highlight)


def footprints(items: Sequence[dict]) -> folium.GeoJson:
    """Building footprints as quiet grey shapes for context; each item {"id", "geometry"}.
    Not interactive: a click on the map finds the pand under it (geo.cards.pand_at)."""
    features = [
        {"type": "Feature", "id": no_template(str(i["id"])), "geometry": i["geometry"],
         "properties": {}}
        for i in items
    ]
    style = {"color": "#aab2bc", "weight": 0.5, "fillColor": PAND_KLEUR, "fillOpacity": 1.0}
    return _geojson(features, name="panden", style=lambda _f: style,
                    tooltip=False, interactive=False)


def plots(items: Sequence[dict]) -> folium.GeoJson:
    """Ligplaatsen and standplaatsen as outlined plots, each in its kind's colour (PLAATS_KLEUR),
    with a tooltip; each item {"id", "geometry", "soort", "label"}. A click on the map opens the
    plot under it (geo.cards.plaats_at)."""
    features = [
        {"type": "Feature", "id": str(i["id"]), "geometry": i["geometry"],
         "properties": {"tip": tooltip_html(i["label"]), "kleur": PLAATS_KLEUR[i["soort"]]}}
        for i in items
    ]

    def style(feature: dict) -> dict:
        kleur = feature["properties"]["kleur"]
        return {"color": kleur, "weight": 2, "fillColor": kleur, "fillOpacity": 0.35}

    return _geojson(features, name="plaatsen", style=style)


def points(items: Sequence[dict], colour: str = ACCENT, radius: int = 5,
           edge: str = "#ffffff") -> folium.GeoJson:
    """Point objects as canvas circle markers; each item: {"id", "lat", "lon", "label"} and
    optionally its own "kleur" and "open" (drawn as a ring: an ended vestiging)."""
    features = [
        {
            "type": "Feature",
            "id": no_template(str(item["id"])),
            "geometry": {"type": "Point", "coordinates": [item["lon"], item["lat"]]},
            "properties": {"tip": tooltip_html(item["label"]),
                           "kleur": item.get("kleur") or colour, "open": bool(item.get("open"))},
        }
        for item in items
    ]

    def style(feature: dict) -> dict:
        kleur, open_ = feature["properties"]["kleur"], feature["properties"]["open"]
        if open_:
            return {"color": kleur, "weight": 2, "fillColor": "#ffffff", "fillOpacity": 0.9}
        return {"color": edge, "weight": 1, "fillColor": kleur, "fillOpacity": 0.95}

    marker = folium.CircleMarker(radius=radius, fill=True)
    return _geojson(features, name="punten", style=style, marker=marker)


def highlight_shape(geometry: dict, label: str = "") -> folium.GeoJson:
    """One selected shape (a pand) drawn with a thick outline over everything else."""
    feature = {"type": "Feature", "id": "keuze", "geometry": geometry,
               "properties": {"tip": tooltip_html(label) if label else ""}}
    style = {"color": HIGHLIGHT, "weight": 4, "fill": False, "opacity": 1.0}
    return _geojson([feature], name="keuze", style=lambda _f: style,
                    tooltip=bool(label), interactive=False)


def rings(items: Sequence[dict]) -> folium.GeoJson:
    """Rings around selected points (all vestigingen of one company); items as for points()."""
    features = [
        {"type": "Feature", "id": no_template(f"ring_{item['id']}"),
         "geometry": {"type": "Point", "coordinates": [item["lon"], item["lat"]]},
         "properties": {"tip": tooltip_html(item["label"])}}
        for item in items
    ]
    style = {"color": HIGHLIGHT, "weight": 3, "fill": False, "opacity": 1.0}
    marker = folium.CircleMarker(radius=10, fill=False)
    return _geojson(features, name="ringen", style=lambda _f: style, marker=marker)


def class_breaks(values: Iterable[int | float | None], n: int = len(PALETTE)) -> list[float]:
    """Upper bounds (inclusive) of at most n quantile classes over the positive values.

    Zero and None get no class; every class returned is used by some value.
    """
    positive = sorted(v for v in values if v and v > 0)
    found: list[float] = []
    for k in range(1, n + 1):
        bound = positive[math.ceil(k * len(positive) / n) - 1] if positive else None
        if bound is not None and (not found or bound > found[-1]):
            found.append(bound)
    return found


def class_index(value: float | None, breaks: Sequence[float]) -> int | None:
    """Index of the class `value` falls in; None for zero, missing or no classes."""
    if not value or value <= 0 or not breaks:
        return None
    return next((i for i, bound in enumerate(breaks) if value <= bound), len(breaks) - 1)


def class_colours(n: int) -> list[str]:
    """n colours spread over PALETTE, light to dark, always ending in the accent colour."""
    if n <= 0:
        return []
    if n == 1:
        return [PALETTE[-1]]
    last = len(PALETTE) - 1
    return [PALETTE[round(last - (n - 1 - i) * last / (n - 1))] for i in range(n)]


def sequential_colour(value: float | None, breaks: Sequence[float]) -> str:
    """Fill for a count or rate: white for zero, ONBEKEND_KLEUR for unknown (None)."""
    if value is None:
        return ONBEKEND_KLEUR
    klasse = class_index(value, breaks)
    return NUL_KLEUR if klasse is None else class_colours(len(breaks))[klasse]


def lq_colour(lq: float | None) -> str:
    """Fill for a location quotient in the fixed classes of LQ_GRENZEN."""
    if lq is None:
        return ONBEKEND_KLEUR
    return LQ_KLEUREN[sum(lq >= g for g in LQ_GRENZEN)]


def ordinal_colours(n: int, palette: Sequence[str]) -> list[str]:
    """n colours spread evenly over an ordinal palette (first and last always used)."""
    if n <= 0:
        return []
    if n == 1:
        return [palette[-1]]
    last = len(palette) - 1
    return [palette[round(i * last / (n - 1))] for i in range(n)]


def tooltip_html(text: str) -> str:
    """Plain text (from data) as safe tooltip HTML: escaped, newlines as <br>, first line bold."""
    lines = html_text(text, lines=True).split("<br>")
    head, rest = f"<b>{lines[0]}</b>", lines[1:]
    return "<br>".join([head, *rest])


def _features(areas: Sequence[dict]) -> list[dict]:
    return [
        {
            "type": "Feature",
            "id": no_template(str(area["id"])),
            "geometry": area["geometry"],
            "properties": {"tip": tooltip_html(area["label"]),
                           "kleur": area.get("kleur", NUL_KLEUR)},
        }
        for area in areas
    ]


def _geojson(features, *, name, style, highlight=None, tooltip=True, interactive=True, marker=None):
    # folium's tooltip checks its field against the first feature, so an empty layer gets none.
    with_tip = tooltip and bool(features)
    return folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name=name,
        style_function=style,
        highlight_function=highlight,
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False) if with_tip else None,
        marker=marker,
        interactive=interactive,
        zoom_on_click=False,
    )
