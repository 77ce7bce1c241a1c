"""Map layers as pure builders: plain data in (dicts, GeoJSON geometry in lon/lat), folium out.

No database and no Streamlit here. Every text that comes from data (street and company names)
is HTML-escaped in this module before it reaches a tooltip, because Leaflet puts tooltip
content into the page as HTML. Callers pass plain text; a newline becomes a line break.

The map references only the Leaflet files the app serves itself (ASSET_BASE): folium's
defaults point at CDNs, which a closed network cannot reach and which would tell a third party
what an analyst is looking at.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Sequence

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

ASSET_BASE = "/app/static/vendor"
ACCENT = "#154273"
# Sequential single-hue scale from the accent colour: colour-blind safe, readable when projected.
PALETTE = ("#dfe7f1", "#adc2dc", "#7396c0", "#3f6a9d", "#154273")
NUL_KLEUR = "#ffffff"
# Opaque while there is no base map (best contrast on a projector); the legend uses the same
# value, so lower it here, not in a layer, once tiles lie underneath.
FILL_OPACITY = 1.0
PAND_KLEUR = "#dde1e6"
GRENS = {
    "buurt": {"color": "#6b7785", "weight": 1, "dashArray": None},
    "bedrijventerrein": {"color": "#1f1f1f", "weight": 2.5, "dashArray": "6 4"},
    "gemeente": {"color": "#1f1f1f", "weight": 3, "dashArray": None},
}
MAX_ZOOM = 19
MIN_ZOOM = 8
NL_CENTRUM = (52.1, 5.3)

Bounds = tuple[float, float, float, float]  # (west, south, east, north) in degrees


def base_map(bounds: Bounds | None, asset_base: str = ASSET_BASE) -> folium.Map:
    """An empty map with no base tiles, canvas rendering and only self-served assets."""
    m = folium.Map(
        location=NL_CENTRUM,
        zoom_start=MIN_ZOOM,
        tiles=None,
        prefer_canvas=True,
        # folium hands max_zoom/min_zoom to its tile layer only; with tiles=None the Leaflet
        # options must be set directly (plugins such as marker clusters need maxZoom).
        maxZoom=MAX_ZOOM,
        minZoom=MIN_ZOOM,
        control_scale=False,  # folium's scale bar adds feet; _Setup adds a metric one
        attribution_control=False,
    )
    use_local_assets(m, asset_base)
    _Setup(f"{asset_base}/leaflet/images/").add_to(m)
    m.get_root().header.add_child(Element(_MAP_CSS), name="zicht_css")
    if bounds is not None:
        west, south, east, north = bounds
        m.fit_bounds([[south, west], [north, east]])
    return m


def use_local_assets(element: MacroElement, asset_base: str = ASSET_BASE) -> None:
    """Replace folium's CDN scripts and styles on one element by the app's own Leaflet."""
    element.default_js = [("leaflet", f"{asset_base}/leaflet/leaflet.js")]
    element.default_css = [("leaflet_css", f"{asset_base}/leaflet/leaflet.css")]


def outlines(areas: Sequence[dict], soort: str, *, interactive: bool = True) -> folium.GeoJson:
    """Boundaries of areas of one kind (buurt, bedrijventerrein, gemeente), with a tooltip.

    Each area: {"id", "geometry", "label"}. Unfilled, but the (transparent) fill still catches
    the mouse so hovering anywhere inside shows the name.
    """
    line = GRENS[soort]
    style = {**line, "fill": interactive, "fillOpacity": 0.0, "opacity": 0.9}
    return _geojson(
        _features(areas), name=f"grens_{soort}", style=lambda _f: style,
        tooltip=interactive, interactive=interactive,
    )


def choropleth(areas: Sequence[dict], breaks: Sequence[int]) -> folium.GeoJson:
    """Areas filled by class of their "waarde" (see class_breaks); each area also needs
    "id", "geometry" and "label"."""
    colours = class_colours(len(breaks))

    def style(feature: dict) -> dict:
        klasse = class_index(feature["properties"]["waarde"], breaks)
        if klasse is None:  # white on white needs a visible edge
            return {"color": GRENS["buurt"]["color"], "weight": 1, "fillColor": NUL_KLEUR,
                    "fillOpacity": FILL_OPACITY}
        return {"color": "#ffffff", "weight": 1, "fillColor": colours[klasse],
                "fillOpacity": FILL_OPACITY}

    def highlight(_feature: dict) -> dict:
        return {"color": "#000000", "weight": 3}

    return _geojson(_features(areas), name="vlakken", style=style, highlight=highlight)


def footprints(items: Sequence[dict]) -> folium.GeoJson:
    """Building footprints as quiet grey shapes for context; each item {"id", "geometry"}.
    Not interactive (yet): hovering reaches the points and areas."""
    features = [
        {"type": "Feature", "id": str(i["id"]), "geometry": i["geometry"], "properties": {}}
        for i in items
    ]
    style = {"color": "#aab2bc", "weight": 0.5, "fillColor": PAND_KLEUR, "fillOpacity": 1.0}
    return _geojson(features, name="panden", style=lambda _f: style,
                    tooltip=False, interactive=False)


def points(items: Sequence[dict], colour: str = ACCENT) -> folium.GeoJson:
    """Point objects as canvas circle markers; each item: {"id", "lat", "lon", "label"}."""
    features = [
        {
            "type": "Feature",
            "id": str(item["id"]),
            "geometry": {"type": "Point", "coordinates": [item["lon"], item["lat"]]},
            "properties": {"tip": tooltip_html(item["label"])},
        }
        for item in items
    ]
    style = {"color": "#ffffff", "weight": 1, "fillColor": colour, "fillOpacity": 0.95}
    marker = folium.CircleMarker(radius=5, fill=True)
    return _geojson(features, name="punten", style=lambda _f: style, marker=marker)


def class_breaks(values: Iterable[int | float], n: int = len(PALETTE)) -> list[float]:
    """Upper bounds (inclusive) of at most n quantile classes over the positive values.

    Zero gets no class (drawn as NUL_KLEUR); every class returned is used by some value.
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


def tooltip_html(text: str) -> str:
    """Plain text (from data) as safe tooltip HTML: escaped, newlines as <br>, first line bold."""
    lines = [html.escape(line) for line in str(text).splitlines()] or [""]
    head, rest = f"<b>{lines[0]}</b>", lines[1:]
    return "<br>".join([head, *rest])


def _features(areas: Sequence[dict]) -> list[dict]:
    return [
        {
            "type": "Feature",
            "id": str(area["id"]),
            "geometry": area["geometry"],
            "properties": {"tip": tooltip_html(area["label"]), "waarde": area.get("waarde", 0)},
        }
        for area in areas
    ]


def _geojson(features, *, name, style, highlight=None, tooltip=True, interactive=True, marker=None):
    # folium's tooltip checks its field against the first feature, so an empty layer gets none.
    with_tip = tooltip and bool(features)
    layer = folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name=name,
        style_function=style,
        highlight_function=highlight,
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False) if with_tip else None,
        marker=marker,
        interactive=interactive,
        zoom_on_click=False,
    )
    return layer


class _Setup(MacroElement):
    """Leaflet 1.9 guesses its marker image folder from the CSS URL and gets it wrong when served
    by Streamlit, so set it explicitly; and a metric-only scale bar."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "L.Icon.Default.imagePath = {{ this.image_path|tojson }};"
        "L.control.scale({imperial: false, maxWidth: 160}).addTo({{ this._parent.get_name() }});"
        "{% endmacro %}"
    )

    def __init__(self, image_path: str):
        super().__init__()
        self._name = "Setup"
        self.image_path = image_path


# No base map under a fictional town: a quiet paper colour, and tooltips large enough to read
# on a projector.
_MAP_CSS = """<style>
.leaflet-container { background: #f5f6f8; }
.leaflet-tooltip { font-size: 14px; line-height: 1.35; }
.leaflet-tooltip table td { padding: 0; }
</style>"""
