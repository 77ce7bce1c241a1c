"""The map widget: a stable base map plus one detail layer chosen from the current view.

The base map (buurt and bedrijventerrein outlines) depends only on the snapshot, so the script
streamlit-folium sends is identical on every rerun and the browser keeps its map, zoom and
position. What changes with the view travels as `feature_group_to_add`, which the component
swaps in place (and skips when unchanged):

- zoomed out (zoom < PUNTEN_VANAF_ZOOM): a choropleth of active vestigingen per buurt;
- zoomed in: the active vestigingen in (a snapped box around) the viewport as canvas points,
  or, when that box holds more than MAX_PUNTEN, their counts per grid cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import folium
import streamlit as st
from streamlit_folium import st_folium

from geo import layers
from ui import data
from ui.components import legend
from ui.format import meervoud
from ui.state import MapView

KEY = "kaart"
HOOGTE = 560  # with the header above it, fits a 1280 × 800 projector
PUNTEN_VANAF_ZOOM = 15
MAX_PUNTEN = 2500
PANDEN_VANAF_ZOOM = 17  # without a base map, footprints are what makes a street recognisable
MAX_PANDEN = 5000
VESTIGINGEN = ("actieve vestiging", "actieve vestigingen")


@dataclass
class Detail:
    """The view-dependent layer and what the legend needs to explain it."""

    soort: str  # "buurten" | "raster" | "punten"
    groep: folium.FeatureGroup
    breaks: list[float] = field(default_factory=list)
    aantal: int = 0
    cel: float = 0.0
    heeft_nul: bool = False
    panden: str = ""  # "getoond" | "te_veel" | "" (not zoomed in far enough)


def toon_kaart(snapshot: str, peildatum: str, voetnoot: str = "") -> None:
    """Draw the map with its legend (and a note on what it leaves out) beside it."""
    gebieden = data.gebieden(snapshot, peildatum)
    view = MapView.from_component(st.session_state.get(KEY))
    detail = kies_detail(snapshot, peildatum, gebieden, view)
    kaart_kolom, legenda_kolom = st.columns([4, 1], gap="small")
    with kaart_kolom:
        st_folium(
            basiskaart(data.bereik(snapshot), gebieden),
            key=KEY,
            height=HOOGTE,
            use_container_width=True,
            returned_objects=["bounds", "zoom"],  # no reruns for clicks or hovering
            feature_group_to_add=detail.groep,
        )
    with legenda_kolom:
        st.markdown(legend.legenda_html(detail, MAX_PUNTEN), unsafe_allow_html=True)
        if voetnoot:
            st.caption(voetnoot)


def basiskaart(bereik, gebieden: list[dict]) -> folium.Map:
    """The part of the map that only changes with the snapshot."""
    m = layers.base_map(bereik)
    for soort in ("buurt", "bedrijventerrein"):
        layers.outlines(_vlakken(gebieden, soort), soort).add_to(m)
    layers.outlines(_vlakken(gebieden, "gemeente"), "gemeente", interactive=False).add_to(m)
    return m


def kies_detail(
    snapshot: str, peildatum: str, gebieden: list[dict], view: MapView | None
) -> Detail:
    """Aggregate or points, decided by zoom level and by how many points the view holds."""
    if view is None or view.zoom < PUNTEN_VANAF_ZOOM:
        return _buurten(gebieden)
    box = view.rd_box(snap_m(view.zoom))
    rows = data.punten(snapshot, peildatum, box, MAX_PUNTEN + 1)
    if len(rows) > MAX_PUNTEN:
        cel = max(25.0, 100.0 * 2 ** (PUNTEN_VANAF_ZOOM - view.zoom))
        return _raster(data.raster(snapshot, peildatum, box, cel), cel)
    groep = folium.FeatureGroup(name="vestigingen")
    status = ""
    if view.zoom >= PANDEN_VANAF_ZOOM:
        panden = _panden(snapshot, box)
        status = "getoond" if panden else "te_veel"
        if panden:
            layers.footprints(panden).add_to(groep)  # first: the points draw on top
    layers.points([_punt(r) for r in rows]).add_to(groep)
    return Detail("punten", groep, aantal=len(rows), panden=status)


def snap_m(zoom: int) -> float:
    """Grid (metres) the viewport box snaps to: 500 m at zoom 15, halving per level, at least
    125 m. Small pans then ask for the same box and reuse the cached answer."""
    return max(125.0, 500.0 / 2 ** max(zoom - PUNTEN_VANAF_ZOOM, 0))


def _panden(snapshot: str, box) -> list[dict]:
    """Footprints in the box, or none at all when there are too many to send."""
    rows = data.panden(snapshot, box, MAX_PANDEN + 1)
    if len(rows) > MAX_PANDEN:
        return []
    return [{"id": r["identificatie"], "geometry": r["geometrie"]} for r in rows]


def _buurten(gebieden: list[dict]) -> Detail:
    buurten = _vlakken(gebieden, "buurt")
    breaks = layers.class_breaks(b["waarde"] for b in buurten)
    groep = folium.FeatureGroup(name="buurten")
    layers.choropleth(buurten, breaks).add_to(groep)
    # The fill would cover the outlines of the base map: draw these on top again.
    layers.outlines(_vlakken(gebieden, "bedrijventerrein"), "bedrijventerrein").add_to(groep)
    layers.outlines(_vlakken(gebieden, "gemeente"), "gemeente", interactive=False).add_to(groep)
    heeft_nul = any(not b["waarde"] for b in buurten)
    return Detail("buurten", groep, breaks, len(buurten), heeft_nul=heeft_nul)


def _raster(cellen: list[dict], cel: float) -> Detail:
    vakken = [
        {"id": f"{c['i']}_{c['j']}", "geometry": c["geometrie"], "waarde": c["vestigingen"],
         "label": meervoud(c["vestigingen"], *VESTIGINGEN) + f"\nin dit vak van {cel:.0f} m"}
        for c in cellen
    ]
    breaks = layers.class_breaks(v["waarde"] for v in vakken)
    groep = folium.FeatureGroup(name="raster")
    layers.choropleth(vakken, breaks).add_to(groep)
    return Detail("raster", groep, breaks, len(vakken), cel=cel)


def _vlakken(gebieden: list[dict], soort: str) -> list[dict]:
    return [
        {"id": g["gebied_id"], "geometry": g["geometrie"], "waarde": g["vestigingen"],
         "label": _gebied_label(g)}
        for g in gebieden
        if g["soort"] == soort
    ]


def _gebied_label(g: dict) -> str:
    naam = g["naam"] or g["code"] or "(zonder naam)"
    if g["soort"] == "gemeente":
        return naam
    kop = f"Bedrijventerrein {naam}" if g["soort"] == "bedrijventerrein" else naam
    return f"{kop}\n{meervoud(g['vestigingen'], *VESTIGINGEN)}"


def _punt(r: dict) -> dict:
    sbi = " ".join(p for p in (r["sbi_hoofd"], r.get("sbi_omschrijving")) if p)
    regels = [r["naam"] or "(naam onbekend)", *_adres(r),
              f"KVK {r['kvk_nummer']}" if r["kvk_nummer"] else "",
              f"SBI {sbi}" if sbi else ""]
    return {"id": r["vestigingsnummer"], "lat": r["lat"], "lon": r["lon"],
            "label": "\n".join(regel for regel in regels if regel)}


def _adres(r: dict) -> list[str]:
    """Address lines as KVK delivered them; a shielded address (afgeschermd) is not shown."""
    if r["adres_afgeschermd"]:
        return ["adres afgeschermd in het Handelsregister"]
    nummer = "".join(str(p) for p in (r["huisnummer"], r["huisletter"]) if p)
    if r["toevoeging"]:
        nummer += f"-{r['toevoeging']}"
    straat = " ".join(p for p in (r["straat"], nummer) if p)
    return [straat, " ".join(p for p in (r["postcode"], r["plaats"]) if p)]
