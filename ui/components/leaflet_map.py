"""The map widget: a stable base map plus the layers chosen from the current view.

The base map (tile servers, drawing tools, scale bar) depends only on the snapshot and the
configuration, so the script streamlit-folium sends is identical on every rerun and the browser
keeps its map, zoom and position. What changes travels as `feature_group_to_add`, which the
component swaps in place (and skips when unchanged): the theme layer, the overlays, the
highlight of the opened object, the legend and the choice of base map.

Reading back: st_folium stores what the browser reports under st.session_state[KEY];
maps.klik turns it into typed events (a click on a drawn point, a click elsewhere, a drawn area).
"""

from __future__ import annotations

import folium
import streamlit as st
from branca.element import Element
from streamlit_folium import st_folium

from maps import basemaps
from ui.components import bag_lagen, overlays, thema_lagen
from ui.components.legend import Legenda, html_legenda
from ui.components.thema_lagen import Beeld, Context

KEY = "kaart"
HOOGTE = 580  # with the header above it, most of it fits a 1280 × 800 projector
PUNT_INDEX = "kaart_punt_index"  # session key: drawn points of the last run, for clicks
GEZIEN = "kaart_gezien"  # session key: the clicks already handled
RETURNED = ["bounds", "zoom", "last_clicked", "last_object_clicked", "all_drawings",
            "last_active_drawing"]
PUNT_THEMAS = {"punten", "bag_punten", "signalen"}
# Readable from the back of the KernCluster room; the legend keeps its cap (40 % × 55 % of the map).
PRESENTATIE_CSS = """<style>
.zicht-legenda { font-size: 17px; line-height: 1.3; max-width: min(360px, 40vw); }
.zicht-legenda-knop { font-size: 15px; }
.leaflet-tooltip { font-size: 19px; }
.leaflet-control-scale-line { font-size: 15px; }
</style>"""


def bouw_beeld(ctx: Context) -> Beeld:
    thema = ctx.keuze.thema
    if thema == "concentratie":
        return thema_lagen.concentratie(ctx)
    if thema in ("woonfunctie", "oppervlakte", "bouwjaar"):
        return bag_lagen.bag(ctx)
    if thema == "signalen":
        return bag_lagen.signalen(ctx)
    return thema_lagen.vestigingen(ctx)


def lagen_voor(ctx: Context, beeld: Beeld, keuze_fg: folium.FeatureGroup | None,
               keuze_legenda: Legenda | None) -> list:
    """Feature groups in drawing order (canvas: later is on top) plus the legend control."""
    vlakken = beeld.soort not in PUNT_THEMAS
    lagen_fg, lagen_legenda = overlays.overlays(ctx, ctx.keuze.lagen, vlakken_eronder=vlakken)
    groepen = [beeld.groep, lagen_fg] if vlakken else [lagen_fg, beeld.groep]
    if keuze_fg is not None:
        groepen.append(keuze_fg)
    bediening = folium.FeatureGroup(name="bediening")
    basemaps.forget_old_layers(len(groepen)).add_to(bediening)
    delen = [beeld.legenda, lagen_legenda] + ([keuze_legenda] if keuze_legenda else [])
    basemaps.legend_control(html_legenda(delen)).add_to(bediening)
    basemaps.background_choice(ctx.keuze.achtergrond).add_to(bediening)
    groepen.append(bediening)
    return groepen


def toon(ctx: Context, bereik, achtergronden, groepen: list, vlieg: dict | None,
         presentatie: bool = False) -> None:
    """Draw the map. `vlieg` ({lat, lon, zoom}) moves it once, after a search. For the
    presentation: no drawing tools, large text, and it opens where the analyst was."""
    if presentatie and vlieg is None and ctx.view is not None:
        vlieg = {"lat": ctx.view.center[0], "lon": ctx.view.center[1], "zoom": ctx.view.zoom}
    center = (vlieg["lat"], vlieg["lon"]) if vlieg else None
    kaart = basemaps.base_map(bereik, achtergronden, tekenen=not presentatie)
    if presentatie:
        kaart.get_root().header.add_child(Element(PRESENTATIE_CSS), name="zicht_presentatie")
    st_folium(
        kaart,
        key=KEY,
        height=HOOGTE,
        use_container_width=True,
        returned_objects=RETURNED,
        feature_group_to_add=groepen,
        center=center,
        zoom=vlieg["zoom"] if vlieg else None,
    )


def onthoud_punten(beeld: Beeld) -> None:
    st.session_state[PUNT_INDEX] = beeld.punten
