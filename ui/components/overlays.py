"""Overlays on top of the theme: area boundaries (buurt, wijk, bedrijventerreinen per source,
gemeente), building footprints and ligplaatsen/standplaatsen when zoomed in, and the highlight
of what the analyst opened."""

from __future__ import annotations

import folium

from geo.nlformat import meervoud
from maps import layers
from ui import data
from ui.components.legend import Legenda, Rij, grenzen
from ui.components.thema_lagen import Context, view_box

PANDEN_VANAF_ZOOM = 16
MAX_PANDEN = 5000
PLAATSEN_VANAF_ZOOM = 14
MAX_PLAATSEN = 2000
PANDEN, BUURT, WIJK, PLAATSEN = "panden", "buurt", "wijk", "plaatsen"
PLAATS_NAAM = {"ligplaats": "Ligplaats (woonboot e.d.)",
               "standplaats": "Standplaats (woonwagen, markt e.d.)"}
BT = "bt:"  # prefix of a bedrijventerrein source in the list of overlays


def bedrijventerrein_stijl(bron: str) -> str:
    """Two sources side by side must look different: a municipality's own drawing is dotted."""
    return "bedrijventerrein_eigen" if "eigen" in bron else "bedrijventerrein"


def overlays(ctx: Context, lagen: tuple[str, ...], *, vlakken_eronder: bool) -> tuple[
        folium.FeatureGroup, Legenda]:
    """The chosen overlays. With a filled theme underneath, the boundaries only outline (the
    fill's own tooltip names the area); otherwise hovering inside an area names it."""
    groep = folium.FeatureGroup(name="lagen")
    legenda_rijen: list[tuple[str, str]] = []
    panden_noot = _panden(ctx, groep) if PANDEN in lagen else ""
    plaatsen_noot = _plaatsen(ctx, groep) if PLAATSEN in lagen else ""
    for soort, naam in ((WIJK, "Wijkgrens"), (BUURT, "Buurtgrens")):
        if soort in lagen:
            _outline(ctx, groep, soort, None, soort, interactive=not vlakken_eronder)
            legenda_rijen.append((soort, naam))
    for laag in lagen:
        if laag.startswith(BT):
            bron = laag[len(BT):]
            stijl = bedrijventerrein_stijl(bron)
            _outline(ctx, groep, "bedrijventerrein", bron, stijl, interactive=not vlakken_eronder)
            legenda_rijen.append((stijl, f"Bedrijventerrein ({ctx.bronnamen.get(bron, bron)})"))
    _outline(ctx, groep, "gemeente", None, "gemeente", interactive=False)
    legenda_rijen.append(("gemeente", "Gemeentegrens"))
    legenda = grenzen(legenda_rijen)
    if panden_noot == "getoond":
        legenda.rijen.insert(0, Rij("vlak", layers.PAND_KLEUR, "Pand"))
    elif panden_noot:
        legenda.uitleg.append(panden_noot)
    if plaatsen_noot == "getoond":
        legenda.rijen[:0] = [Rij("vlak", layers.PLAATS_KLEUR[k], t) for k, t in PLAATS_NAAM.items()]
    elif plaatsen_noot:
        legenda.uitleg.append(plaatsen_noot)
    return groep, legenda


def _outline(ctx: Context, groep, soort: str, bron: str | None, stijl: str, *,
             interactive: bool) -> None:
    vlakken = [{"id": g["gebied_id"], "geometry": g["geometrie"], "label": _label(g)}
               for g in ctx.gebieden
               if g["soort"] == soort and (bron is None or g["bron"] == bron)]
    if vlakken:
        layers.outlines(vlakken, stijl, interactive=interactive).add_to(groep)


def _label(g: dict) -> str:
    naam = g["naam"] or g["code"] or "(zonder naam)"
    return {"bedrijventerrein": f"Bedrijventerrein {naam}", "wijk": f"Wijk {naam}"}.get(
        g["soort"], naam)


def _panden(ctx: Context, groep) -> str:
    """Footprints in the view: 'getoond', or a note on why not."""
    if ctx.view is None or ctx.view.zoom < PANDEN_VANAF_ZOOM:
        return "Panden verschijnen als u verder inzoomt."
    rows = data.panden(ctx.snapshot, view_box(ctx.view), MAX_PANDEN + 1)
    if len(rows) > MAX_PANDEN:
        return "Panden verschijnen als u verder inzoomt."
    items = [{"id": r["identificatie"], "geometry": r["geometrie"]} for r in rows]
    layers.footprints(items).add_to(groep)
    return "getoond"


def _plaatsen(ctx: Context, groep) -> str:
    """Ligplaatsen and standplaatsen in the view: 'getoond', or a note on why not."""
    if ctx.view is None or ctx.view.zoom < PLAATSEN_VANAF_ZOOM:
        return "Lig- en standplaatsen verschijnen als u verder inzoomt."
    rows = data.plaatsen(ctx.snapshot, view_box(ctx.view), MAX_PLAATSEN + 1, ctx.filt.peildatum)
    if len(rows) > MAX_PLAATSEN:
        return "Lig- en standplaatsen verschijnen als u verder inzoomt."
    items = [{"id": r["identificatie"], "geometry": r["geometrie"], "soort": r["soort"],
              "label": _plaats_label(r)} for r in rows]
    if items:
        layers.plots(items).add_to(groep)
    return "getoond"


def _plaats_label(r: dict) -> str:
    plaats = " ".join(p for p in (r["postcode"], r["woonplaats"]) if p)
    return "\n".join([r["adres"] or "(adres onbekend)", plaats,
                      f"{PLAATS_NAAM[r['soort']].split(' (')[0]} · {r['status'] or 'status onbekend'}",
                      meervoud(r["vestigingen"], "actieve vestiging", "actieve vestigingen")
                      + "; klik voor de kaart"])


def highlight(pand_geojson: dict | None, vestigingen: list[dict]) -> folium.FeatureGroup | None:
    """The opened pand (thick outline) and all vestigingen of an opened company (rings)."""
    if pand_geojson is None and not vestigingen:
        return None
    groep = folium.FeatureGroup(name="keuze")
    if pand_geojson is not None:
        layers.highlight_shape(pand_geojson).add_to(groep)
    punten = [v for v in vestigingen if v.get("lat") is not None]
    if punten:
        layers.rings(punten).add_to(groep)
    return groep


def highlight_legenda(pand: bool, vestigingen: int, wat: str = "pand") -> Legenda:
    """`pand`: a shape is opened (a pand, or the ligplaats/standplaats `wat` names)."""
    rijen = []
    if pand:
        rijen.append(Rij("vlak", "#ffffff", f"Geopende {wat} (dikke rand)" if wat != "pand"
                         else "Geopend pand (dikke rand)"))
    if vestigingen:
        rijen.append(Rij("ring", layers.HIGHLIGHT, "Vestigingen van deze onderneming"))
    return Legenda("", rijen)
