"""The base map and its controls (folium; no data from the snapshot goes in here): only the
app's own Leaflet files, the tile servers from maps.config, the drawing tools in Dutch, the
legend control and the choice of base map.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import folium
from branca.element import Element, MacroElement
from folium.plugins import Draw
from jinja2 import Template

from maps.config import Achtergrond

ASSET_BASE = "/app/static/vendor"  # the URL under which Streamlit serves VENDOR_DIR
VENDOR_DIR = Path(__file__).resolve().parents[1] / "static" / "vendor"  # Makefile: from npm
MAX_ZOOM = 19
MIN_ZOOM = 8
NL_CENTRUM = (52.1, 5.3)
TEKEN_KLEUR = "#e66100"  # orange: stands apart from every branch-group colour

Bounds = tuple[float, float, float, float]  # (west, south, east, north) in degrees


def base_map(bounds: Bounds | None, achtergronden: Sequence[Achtergrond] = (),
             asset_base: str = ASSET_BASE, *, tekenen: bool = True) -> folium.Map:
    """An empty map: canvas rendering, only self-served assets, the configured tile servers
    ready to switch on (none is asked anything until then), and the drawing tools."""
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
    _Setup(f"{asset_base}/leaflet/images/", achtergronden).add_to(m)
    m.get_root().header.add_child(Element(_MAP_CSS), name="zicht_css")
    if tekenen:
        add_draw_control(m, asset_base)
    if bounds is not None:
        west, south, east, north = bounds
        m.fit_bounds([[south, west], [north, east]])
    return m


def use_local_assets(element: MacroElement, asset_base: str = ASSET_BASE) -> None:
    """Replace folium's CDN scripts and styles on one element by the app's own Leaflet."""
    element.default_js = [("leaflet", f"{asset_base}/leaflet/leaflet.js")]
    element.default_css = [("leaflet_css", f"{asset_base}/leaflet/leaflet.css")]


def add_draw_control(m: folium.Map, asset_base: str = ASSET_BASE) -> Draw:
    """Polygon and rectangle drawing (leaflet-draw, served locally, texts in Dutch). Starting a
    new shape removes the previous one: an analysis is about one area at a time."""
    _DrawDutch().add_to(m)
    shape = {"color": TEKEN_KLEUR, "weight": 3, "fillOpacity": 0.08}
    draw = Draw(
        position="topleft",
        show_geometry_on_click=False,
        draw_options={"polyline": False, "circle": False, "marker": False,
                      "circlemarker": False,
                      "polygon": {"allowIntersection": False, "showArea": False,
                                  "showLength": False, "shapeOptions": shape},
                      "rectangle": {"showArea": False, "shapeOptions": shape}},
        edit_options={"edit": False, "remove": True},
    )
    draw.default_js = [("leaflet_draw_js", f"{asset_base}/leaflet-draw/leaflet.draw.js")]
    draw.default_css = [("leaflet_draw_css", f"{asset_base}/leaflet-draw/leaflet.draw.css")]
    draw.add_to(m)
    return draw


def legend_control(legend_html: str) -> MacroElement:
    """The legend as a map control (top right), replacing the previous one. `legend_html`
    must already be safe HTML (maps.layers.tooltip_html / html.escape on every data text)."""
    return _Legenda(legend_html)


def forget_old_layers(keep: int) -> MacroElement:
    """streamlit-folium removes the previous layers from the map but keeps them in its list
    window.feature_group, which grows with every pan: over a working day that is a leak. Put
    this in the LAST feature group of a set of `keep` + 1; it drops all but this set's."""
    return _Vergeet(keep)


def background_choice(achtergrond_id: str) -> MacroElement:
    """Switch the base map to a configured server (or 'geen'); does nothing when unchanged."""
    return _KiesAchtergrond(achtergrond_id)


_SETUP_JS = """
L.Icon.Default.imagePath = {{ this.image_path|tojson }};
(function (kaart) {
  window.zichtKaart = kaart;
  // Leaflet focuses the map on mousedown; in Streamlit's iframe that scrolls the page when the
  // map is partly out of view, so the click lands elsewhere than aimed. Focus without scrolling.
  if (kaart.keyboard) {
    kaart.keyboard.disable();
    L.Map.Keyboard.prototype._onMouseDown = function () {
      if (!this._focused) { this._map._container.focus({preventScroll: true}); }
    };
    kaart.keyboard.enable();
  }
  if (kaart.zoomControl) {  // Leaflet's own buttons say "Zoom in"/"Zoom out": say it in Dutch
    [[kaart.zoomControl._zoomInButton, 'Inzoomen'], [kaart.zoomControl._zoomOutButton, 'Uitzoomen']]
      .forEach(function (k) { k[0].title = k[1]; k[0].setAttribute('aria-label', k[1]); });
  }
  L.control.scale({imperial: false, maxWidth: 160}).addTo(kaart);
  L.control.attribution({prefix: false}).addTo(kaart);
  var lagen = {{ this.lagen|tojson }};
  var melding = L.control({position: 'topright'});
  melding.onAdd = function () {
    var div = L.DomUtil.create('div', 'zicht-melding');
    div.style.display = 'none';
    return div;
  };
  melding.addTo(kaart);
  function meld(tekst) {
    var div = melding.getContainer();
    div.textContent = tekst;
    div.style.display = tekst ? '' : 'none';
  }
  var actief = null;
  window.zichtAchtergrondId = 'geen';
  window.zichtAchtergrond = function (id) {
    if (id === window.zichtAchtergrondId) { return; }
    if (actief) { kaart.removeLayer(actief); actief = null; }
    window.zichtAchtergrondId = id;
    meld('');
    var def = lagen.filter(function (l) { return l.id === id; })[0];
    if (!def) { return; }
    var laag = L.tileLayer(def.url, {attribution: def.attributie, maxZoom: 19,
                                     maxNativeZoom: def.max_zoom});
    var geladen = 0, fouten = 0;
    laag.on('tileload', function () { geladen += 1; });
    laag.on('tileerror', function () {
      fouten += 1;
      if (geladen === 0 && fouten >= 3 && actief === laag) {
        kaart.removeLayer(laag);
        actief = null;
        meld('Achtergrondkaart \u2018' + def.naam + '\u2019 is niet bereikbaar. ' +
             'De kaart wordt getoond zonder achtergrond.');
      }
    });
    actief = laag;
    laag.addTo(kaart);
    laag.bringToBack();
  };
})({{ this._parent.get_name() }});
"""


class _Setup(MacroElement):
    """Leaflet 1.9 guesses its marker image folder from the CSS URL and gets it wrong when served
    by Streamlit, so set it explicitly; a metric-only scale bar; attribution without Leaflet's
    advertising; and the configured tile layers, off until chosen (window.zichtAchtergrond).
    A server that fails before it delivered a single tile is switched off again, with a message
    on the map."""

    _template = Template("{% macro script(this, kwargs) %}" + _SETUP_JS + "{% endmacro %}")

    def __init__(self, image_path: str, achtergronden: Sequence[Achtergrond]):
        super().__init__()
        self._name = "Setup"
        self.image_path = image_path
        self.lagen = [{"id": a.id, "naam": a.naam, "url": a.url, "attributie": a.attributie,
                       "max_zoom": a.max_zoom} for a in achtergronden]


_DRAW_NL_JS = """
(function () {
  var d = L.drawLocal.draw, e = L.drawLocal.edit;
  d.toolbar.buttons.polygon = 'Gebied tekenen (vlak)';
  d.toolbar.buttons.rectangle = 'Gebied tekenen (rechthoek)';
  d.toolbar.actions = {title: 'Tekenen stoppen', text: 'Stoppen'};
  d.toolbar.finish = {title: 'Vlak afronden', text: 'Afronden'};
  d.toolbar.undo = {title: 'Laatste punt verwijderen', text: 'Laatste punt weg'};
  d.handlers.polygon.tooltip = {start: 'Klik om het eerste hoekpunt te zetten.',
    cont: 'Klik voor het volgende hoekpunt.',
    end: 'Klik op het eerste hoekpunt om het vlak te sluiten.'};
  d.handlers.polyline.error = 'De randen van het vlak mogen elkaar niet kruisen.';
  d.handlers.rectangle.tooltip = {start: 'Klik en sleep om een rechthoek te tekenen.'};
  d.handlers.simpleshape.tooltip = {end: 'Laat de muisknop los om af te ronden.'};
  e.toolbar.buttons = {edit: 'Gebied bewerken', editDisabled: 'Geen gebied getekend',
    remove: 'Gebied wissen', removeDisabled: 'Geen gebied getekend'};
  e.toolbar.actions = {save: {title: 'Klaar', text: 'Klaar'},
    cancel: {title: 'Annuleren', text: 'Annuleren'},
    clearAll: {title: 'Alle gebieden wissen', text: 'Alles wissen'}};
  e.handlers.remove.tooltip = {text: 'Klik op het gebied om het te wissen.'};
  {{ this._parent.get_name() }}.on('draw:drawstart', function () {
    var items = window.drawnItems;
    if (items && items.clearLayers) { items.clearLayers(); }
  });
})();
"""


class _DrawDutch(MacroElement):
    """leaflet-draw's texts in Dutch (set before its toolbar is made); one shape at a time."""

    _template = Template("{% macro script(this, kwargs) %}" + _DRAW_NL_JS + "{% endmacro %}")

    def __init__(self):
        super().__init__()
        self._name = "DrawDutch"


_LEGENDA_JS = """
(function () {
  var kaart = window.zichtKaart;
  if (!kaart) { return; }
  if (window.zichtLegenda) { kaart.removeControl(window.zichtLegenda); }
  var c = L.control({position: 'topright'});
  c.onAdd = function () {
    var div = L.DomUtil.create('div', 'zicht-legenda');
    var knop = L.DomUtil.create('button', 'zicht-legenda-knop', div);
    var inhoud = L.DomUtil.create('div', 'zicht-legenda-inhoud', div);
    inhoud.innerHTML = {{ this.html|tojson }};
    function toon() {
      inhoud.style.display = window.zichtLegendaDicht ? 'none' : '';
      knop.textContent = window.zichtLegendaDicht ? 'Legenda tonen' : 'Legenda verbergen';
    }
    knop.type = 'button';
    knop.onclick = function () { window.zichtLegendaDicht = !window.zichtLegendaDicht; toon(); };
    toon();
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    return div;
  };
  c.addTo(kaart);
  window.zichtLegenda = c;
})();
"""


class _Legenda(MacroElement):
    _template = Template("{% macro script(this, kwargs) %}" + _LEGENDA_JS + "{% endmacro %}")

    def __init__(self, legend_html: str):
        super().__init__()
        self._name = "Legenda"
        self.html = legend_html


class _Vergeet(MacroElement):
    _template = Template(
        "{% macro script(this, kwargs) %}"
        "(function (lijst) { if (lijst && lijst.length > {{ this.keep }}) {"
        " lijst.splice(0, lijst.length - {{ this.keep }}); } })(window.feature_group);"
        "{% endmacro %}"
    )

    def __init__(self, keep: int):
        super().__init__()
        self._name = "Vergeet"
        self.keep = int(keep)


class _KiesAchtergrond(MacroElement):
    _template = Template(
        "{% macro script(this, kwargs) %}"
        "if (window.zichtAchtergrond) { window.zichtAchtergrond({{ this.id|tojson }}); }"
        "{% endmacro %}"
    )

    def __init__(self, achtergrond_id: str):
        super().__init__()
        self._name = "KiesAchtergrond"
        self.id = achtergrond_id


# Tooltips large enough to read on a projector; the legend and the message boxes in the same
# calm style as the page. Without a base map a quiet paper colour. The map fills its iframe,
# whatever height the page gives it (ui.components.werkblad), and the legend, at most 40 % of
# the map's width and 55 % of its height, never covers more than a quarter of it.
_MAP_CSS = """<style>
html, body { margin: 0; height: 100%; overflow: hidden; }
#map_div { height: 100vh !important; }
.leaflet-container { background: #f5f6f8; font-family: "Source Sans Pro", sans-serif; }
.leaflet-tooltip { font-size: 14px; line-height: 1.35; }
.leaflet-tooltip table td { padding: 0; }
.zicht-legenda, .zicht-melding { background: rgba(255, 255, 255, 0.96); border-radius: 4px;
  box-shadow: 0 1px 4px rgba(0, 0, 0, 0.35); padding: 8px 10px; color: #1f1f1f; }
.zicht-legenda { font-size: 12px; line-height: 1.25; max-width: min(215px, 40vw);
  max-height: 55vh; overflow-y: auto; padding: 4px 8px 6px 8px; }
.zicht-legenda-knop { display: block; margin: 0 0 3px auto; border: none; background: none;
  color: #154273; font-size: 11.5px; text-decoration: underline; cursor: pointer; padding: 0; }
.zicht-legenda .kop { font-weight: 600; margin-bottom: 3px; }
.zicht-legenda .rij { margin: 1px 0; padding-left: 28px; text-indent: -28px; }
.zicht-legenda .uitleg { color: #4a5561; margin-top: 4px; white-space: normal; }
.zicht-melding { font-size: 14px; max-width: 300px; border-left: 4px solid #b2182b; }
</style>"""
