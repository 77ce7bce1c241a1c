"""A self-contained interactive map (one HTML file) of a MapView, for a meeting or an e-mail.

Leaflet's JS and CSS (and the images the CSS uses) are read from static/vendor/leaflet at export
time and inlined; the data travels as JSON in a non-executable script block. Opening the file
makes no request at all: no CDN, no tiles (unless a tile URL is explicitly included), and a
Content-Security-Policy that forbids anything else, with the two inline scripts pinned by hash.

Every string from data is either HTML-escaped (legend, texts) or JSON-encoded with <, > and &
escaped and then put on the page as text (tooltips are DOM text nodes, never HTML), so a
handelsnaam like <img src=x onerror=alert(1)> stays text.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
import shapely

from exports.mapshot.data import ViewData, class_breaks, class_of, grid_counts, load, signal_point
from exports.mapshot.draw import PALETTE, PAND_EDGE, PAND_FILL
from exports.mapshot.render import demo_line, made_line, sources_line, subtitle
from exports.mapshot.view import MapView, SnapshotOptions, describe, fit_box
from geo import crs, nlformat
from geo.safe_text import html_text
from maps.basemaps import VENDOR_DIR

VENDOR = VENDOR_DIR / "leaflet"
MAX_PANDEN = 40_000
TOLERANTIE = 0.5  # metres: outlines simplified for the browser


def html_map(con, view: MapView, options: SnapshotOptions | None = None,
             include_tiles: bool = False) -> str:
    """The whole page as a string. `include_tiles` adds options.basemap as a tile layer (the
    file then fetches tiles from that host when opened); off by default."""
    options = options or SnapshotOptions()
    box = fit_box(view.rd_box(), 1.5, margin=0.25)
    data = load(con, view, box, TOLERANTIE)
    tiles = options.basemap if include_tiles and options.basemap else None
    payload = _payload(data, view, options.privacy, tiles)
    return _page(payload, _side_panel(con, data, view, options), options, tiles)


def write_html(con, path: str | Path, view: MapView, options: SnapshotOptions | None = None,
               include_tiles: bool = False) -> None:
    Path(path).write_text(html_map(con, view, options, include_tiles), encoding="utf-8")


def _lonlat(geom):
    """An RD geometry in lon/lat, rounded to ~0.1 m."""
    def to_wgs(coords: np.ndarray) -> np.ndarray:
        lon, lat = crs.rd_to_lonlat(coords[:, 0], coords[:, 1])
        return np.round(np.column_stack([lon, lat]), 6)
    return shapely.transform(geom, to_wgs)


def _geojson(geom) -> dict:
    return json.loads(shapely.to_geojson(_lonlat(geom)))


def _payload(data: ViewData, view: MapView, privacy: bool, tiles: str | None) -> dict:
    west, south = crs.rd_to_lonlat(view.rd_box()[0], view.rd_box()[1])
    east, north = crs.rd_to_lonlat(view.rd_box()[2], view.rd_box()[3])
    out = {"grenzen": [[south, west], [north, east]], "tegels": tiles, "lagen": []}
    if len(data.panden) and len(data.panden) <= MAX_PANDEN:
        features = [{"type": "Feature", "properties": {}, "geometry": json.loads(g)}
                    for g in shapely.to_geojson(_lonlat(data.panden))]
        out["lagen"].append({"naam": "Panden (BAG)", "soort": "vlakken", "stijl": {
            "color": PAND_EDGE, "weight": 0.5, "fillColor": PAND_FILL, "fillOpacity": 1},
            "items": [{"g": {"type": "FeatureCollection", "features": features}}]})
    # fillOpacity 0 (not fill false): hovering anywhere inside still shows the name.
    for soort, naam, stijl in (("buurt", "Buurtgrenzen", {"color": "#6b7785", "weight": 1, "fillOpacity": 0}),
                               ("bedrijventerrein", "Bedrijventerreinen",
                                {"color": "#1f1f1f", "weight": 2.5, "dashArray": "6 4", "fillOpacity": 0})):
        areas = [g for g in data.gebieden if g["soort"] == soort]
        if areas:
            out["lagen"].append({"naam": naam, "soort": "grenzen", "stijl": stijl,
                                 "items": [{"g": _geojson(a["geom"]), "t": [a["naam"]]} for a in areas]})
    if data.punten is not None:
        out["lagen"].append(_cells_layer(data) if privacy else _points_layer(data))
    if data.signalen:
        out["lagen"].append(_signal_cells(data) if privacy else _signal_points(data))
    return out


def _points_layer(data: ViewData) -> dict:
    legenda = {r.groep: r for r in data.group_counts()}
    p = data.punten
    lon, lat = crs.rd_to_lonlat(p.x, p.y)
    items = [{"p": [round(float(b), 6), round(float(a), 6)], "k": legenda[g].kleur,
              "t": [naam, legenda[g].naam]}
             for a, b, g, naam in zip(lon, lat, p.groep, p.naam, strict=True)]
    return {"naam": "Vestigingen", "soort": "punten", "items": items}


def _cell_classes(data: ViewData):
    """(counts per cell, class upper bounds, class colours) of the vestigingen in view."""
    counts = grid_counts(data.punten.x, data.punten.y, data.cel)
    breaks = class_breaks([n for _, _, n in counts], len(PALETTE))
    return counts, breaks, _colours(len(breaks))


def _cells_layer(data: ViewData) -> dict:
    cel = data.cel
    counts, breaks, colours = _cell_classes(data)
    items = [{"g": _geojson(shapely.box(i * cel, j * cel, (i + 1) * cel, (j + 1) * cel)),
              "k": colours[class_of(n, breaks)],
              "t": [nlformat.meervoud(n, "actieve vestiging", "actieve vestigingen") + " in dit vak"]}
             for i, j, n in counts]
    return {"naam": f"Vestigingen per vak van {cel} m", "soort": "vakken", "items": items}


def _colours(n: int) -> list[str]:
    if n <= 1:
        return [PALETTE[2]] * n
    return [PALETTE[k] for k in np.linspace(0, len(PALETTE) - 1, n).round().astype(int)]


def _signal_points(data: ViewData) -> dict:
    items = []
    for s in data.signalen:
        x, y = signal_point(s)
        lon, lat = crs.rd_to_lonlat(x, y)
        items.append({"p": [round(lat, 6), round(lon, 6)], "t": [s.naam, s.label, s.reden]})
    return {"naam": "Signalen (indicatoren)", "soort": "signalen", "items": items}


def _signal_cells(data: ViewData) -> dict:
    cel = data.cel
    xy = np.array([signal_point(s) for s in data.signalen])
    items = [{"g": _geojson(shapely.box(i * cel, j * cel, (i + 1) * cel, (j + 1) * cel)),
              "t": [nlformat.meervoud(n, "signaal", "signalen") + " in dit vak"]}
             for i, j, n in grid_counts(xy[:, 0], xy[:, 1], cel)]
    return {"naam": "Signalen per vak", "soort": "signaalvakken", "items": items}


def _side_panel(con, data: ViewData, view: MapView, options: SnapshotOptions) -> str:
    e = _text
    parts = [f"<h1>{e(options.title)}</h1>", f"<p class='sub'>{e(subtitle(data, options.privacy))}</p>"]
    demo = demo_line(data)
    if demo:
        parts.append(f"<p class='demo'>{e(demo)}</p>")
    parts.append("<h2>Legenda</h2><ul class='legenda'>" + "".join(_legend(data, options.privacy))
                 + "</ul>")
    parts.append("<h2>Selectie</h2><ul>" + "".join(f"<li>{e(t)}</li>"
                                                   for t in describe(view, options.privacy)) + "</ul>")
    parts.append(f"<p class='klein'>{e(sources_line(con))}</p>")
    parts.append(f"<p class='klein'>{e(made_line(options.author))}</p>")
    return "\n".join(parts)


def _legend(data: ViewData, privacy: bool) -> list[str]:
    e = _text
    rows = []
    if len(data.panden):
        rows.append(_row(f"background:{PAND_FILL};border:1px solid {PAND_EDGE}", "Pand (BAG)"))
    if any(g["soort"] == "buurt" for g in data.gebieden):
        rows.append(_row("border-top:2px solid #6b7785;height:0", "Buurtgrens (CBS)"))
    if any(g["soort"] == "bedrijventerrein" for g in data.gebieden):
        rows.append(_row("border-top:3px dashed #1f1f1f;height:0", "Bedrijventerrein"))
    if privacy and data.punten is not None:
        rows.append(f"<li class='kop'>Vestigingen van de selectie per vak van "
                    f"{e(nlformat.getal(data.cel))} m (wijs een vak aan voor het aantal)</li>")
        _, breaks, colours = _cell_classes(data)
        low = 1
        for colour, bound in zip(colours, breaks, strict=True):
            text = nlformat.getal(bound) if low == bound else f"{nlformat.getal(low)}–{nlformat.getal(bound)}"
            rows.append(_row(f"background:{colour}", text))
            low = bound + 1
        rows.append("<li class='kop'>Aantal per branchegroep in beeld</li>")
    for r in data.group_counts():
        rows.append(_row(f"background:{r.kleur};border-radius:50%", f"{r.naam} ({nlformat.getal(r.aantal)})"))
    sign = "border:2px solid #000" + ("" if privacy else ";border-radius:50%")
    if privacy and data.signalen:
        rows.append(_row(sign, "Vak met minstens één signaal"))
    for naam in dict.fromkeys(s.naam for s in data.signalen):
        n = sum(s.naam == naam for s in data.signalen)
        rows.append(_row(sign, f"Signaal: {naam} ({nlformat.getal(n)})") if not privacy else
                    f"<li class='kop'>{e(naam)} ({e(nlformat.getal(n))})</li>")
    rows += [f"<li class='let-op'>Let op: {e(f)}</li>" for f in data.fouten]
    return rows


def _row(style: str, label: str) -> str:
    return f"<li><span class='teken' style='{html.escape(style)}'></span>{_text(label)}</li>"


def json_for_script(value) -> str:
    """JSON safe inside a <script> block: no '<', '>' or '&' survives literally."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                       ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return text


def leaflet_assets() -> tuple[str, str]:
    """(css, js) of the vendored Leaflet, with the CSS images inlined as data: URIs."""
    try:
        css = (VENDOR / "leaflet.css").read_text(encoding="utf-8")
        js = (VENDOR / "leaflet.js").read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise RuntimeError("Leaflet ontbreekt in static/vendor/leaflet: voer 'make static/vendor/.stamp' "
                           "uit en probeer de export opnieuw.") from exc

    def inline(match: re.Match) -> str:
        image = VENDOR / "images" / match.group(1)
        data = base64.b64encode(image.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{data})"

    css = re.sub(r"url\(images/([A-Za-z0-9_.-]+\.png)\)", inline, css)
    return css, js.replace("</script", "<\\/script")


def _csp(scripts: list[str], tiles: str | None) -> str:
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
                      for s in scripts)
    img = "data:"
    if tiles:
        parsed = urlparse(tiles)
        img += f" {parsed.scheme}://{parsed.netloc}"
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src {img}; "
            "connect-src 'none'; font-src 'none'; form-action 'none'; base-uri 'none'")


def _page(payload: dict, panel: str, options: SnapshotOptions, tiles: str | None) -> str:
    css, js = leaflet_assets()
    e = html.escape
    scripts = [js, _APP_JS]
    return _TEMPLATE.format(
        csp=e(_csp(scripts, tiles)), title=_text(options.title), leaflet_css=css, css=_CSS,
        mark=_text(options.mark), panel=panel, data=json_for_script(payload), leaflet_js=js,
        app_js=_APP_JS)


_TEMPLATE = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{leaflet_css}</style>
<style>{css}</style>
</head><body>
<div class="merk">{mark}</div>
<main><div id="kaart"></div><aside>{panel}</aside></main>
<div class="merk onder">{mark}</div>
<script type="application/json" id="zicht-gegevens">{data}</script>
<script>{leaflet_js}</script>
<script>{app_js}</script>
</body></html>
"""

_CSS = """
html,body{margin:0;height:100%;font-family:"DejaVu Sans",Arial,sans-serif;color:#1f1f1f}
body{display:flex;flex-direction:column}
.merk{background:#fbeaea;color:#7a1b1b;font-weight:bold;padding:6px 12px;border-bottom:1px solid #7a1b1b}
.merk.onder{border-top:1px solid #7a1b1b;border-bottom:none;font-size:13px}
main{flex:1;display:flex;min-height:0}
#kaart{flex:1;min-height:400px;background:#fff}
aside{width:340px;overflow:auto;padding:10px 16px;border-left:1px solid #c8ced6;font-size:14px}
h1{font-size:20px;margin:4px 0}
h2{font-size:16px;margin:14px 0 6px}
.sub{color:#4a5561;margin:2px 0}
.demo{color:#154273;font-weight:bold}
.klein{color:#4a5561;font-size:12px}
ul{padding-left:18px;margin:4px 0}
ul.legenda{list-style:none;padding-left:0}
ul.legenda li{margin:3px 0;display:flex;align-items:center;gap:8px}
li.kop{font-style:italic;color:#4a5561}
li.let-op{color:#7a1b1b}
.teken{display:inline-block;width:14px;height:12px;flex:none}
.leaflet-tooltip{white-space:normal;max-width:320px}
@media print{aside{width:300px}}
"""

_APP_JS = """
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('zicht-gegevens').textContent);
  var map = L.map('kaart', {preferCanvas: true, attributionControl: false, zoomSnap: 0.25});
  map.fitBounds(D.grenzen);
  L.control.scale({imperial: false}).addTo(map);
  if (D.tegels) { L.tileLayer(D.tegels, {maxZoom: 19}).addTo(map).bringToBack(); }
  function tekst(regels) {
    var div = document.createElement('div');
    regels.forEach(function (r, i) {
      if (i) { div.appendChild(document.createElement('br')); }
      div.appendChild(document.createTextNode(String(r)));
    });
    return div;
  }
  function vorm(laag, item, stijl) {
    var g = L.geoJSON(item.g, {style: function () { return stijl; }, interactive: !!item.t});
    if (item.t) { g.bindTooltip(tekst(item.t), {sticky: true}); }
    return g;
  }
  var teller = {}, overlays = {};
  D.lagen.forEach(function (laag) {
    var groep = L.featureGroup();
    laag.items.forEach(function (item) {
      var l;
      if (laag.soort === 'punten') {
        l = L.circleMarker(item.p, {radius: 5, color: '#fff', weight: 1, fillColor: item.k,
                                    fillOpacity: 0.95});
        l.bindTooltip(tekst(item.t));
      } else if (laag.soort === 'signalen') {
        l = L.circleMarker(item.p, {radius: 9, color: '#000', weight: 2.5, fill: false});
        l.bindTooltip(tekst(item.t));
      } else if (laag.soort === 'vakken') {
        l = vorm(laag, item, {color: '#fff', weight: 1, fillColor: item.k, fillOpacity: 0.75});
      } else if (laag.soort === 'signaalvakken') {
        l = vorm(laag, item, {color: '#000', weight: 2.5, fill: false});
      } else {
        l = vorm(laag, item, laag.stijl);
      }
      groep.addLayer(l);
    });
    groep.addTo(map);
    overlays[laag.naam] = groep;
    teller[laag.naam] = laag.items.length;
  });
  L.control.layers(null, overlays, {collapsed: false}).addTo(map);
  window.zicht = {kaart: map, aantallen: teller};
}());
"""


def _text(value) -> str:
    """Text from data or the analyst, as HTML text (geo.safe_text)."""
    return html_text(value)
