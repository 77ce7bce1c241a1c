"""The theme layer of the map for vestigingen and concentrations, decided by the view.

Only what the view needs goes to the browser: the selected vestigingen in (a snapped box
around) the viewport as canvas points when there are at most MAX_PUNTEN; otherwise counts per
buurt (zoomed out) or per grid cell (zoomed in). Concentrations cover the whole municipality
and do not depend on the view, so panning does not redraw them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import folium

from geo.branches import Branches
from geo.concentration import HEEL_NEDERLAND, MIN_BASIS, Filter
from geo.legenda import group_rows
from geo.nlformat import datum
from maps import layers
from maps.klik import punt_sleutel
from ui import data
from ui.components.legend import Legenda, Rij, klassen, lq_klassen
from ui.format import getal, meervoud
from ui.state import KaartKeuze, Viewport

PUNTEN_VANAF_ZOOM = 15
MAX_PUNTEN = 2500
VESTIGINGEN = ("vestiging", "vestigingen")
MAATNAAM = {"aantal": "aantal vestigingen", "per_1000": "vestigingen per 1.000 inwoners",
            "lq": "locatiequotiënt (LQ)"}
GEEN_INWONERS = ("Per 1.000 inwoners kan alleen per buurt of wijk (CBS telt inwoners per buurt); "
                 "hier het aantal.")
LQ_UITLEG = ("LQ = (selectie in gebied ÷ alle vestigingen in gebied) ÷ (selectie in gemeente ÷ "
             "alle vestigingen in gemeente). ‘Alle’: dezelfde filters, elke branche. LQ 2 = twee "
             "keer zo veel als gemiddeld in de gemeente.")


@dataclass
class Context:
    """Everything a layer builder needs, gathered once per run."""

    snapshot: str
    filt: Filter
    keuze: KaartKeuze
    view: Viewport | None
    gebieden: list[dict]
    branches: Branches
    bronnamen: dict[str, str]  # bedrijventerrein source -> readable name
    met_achtergrond: bool = False
    oppervlakte: tuple[int, ...] = ()
    bouwjaar: tuple[int, ...] = ()

    @property
    def opacity(self) -> float:
        return layers.fill_opacity(self.met_achtergrond)


@dataclass
class Beeld:
    """The theme layer, its legend and the points it drew (to resolve clicks)."""

    groep: folium.FeatureGroup
    legenda: Legenda
    punten: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    soort: str = ""


def snap_m(zoom: int) -> float:
    """Grid (metres) the viewport box snaps to: 500 m at zoom 15, halving per level, at least
    125 m. Small pans then ask for the same box and reuse the cached answer."""
    return max(125.0, 500.0 / 2 ** max(zoom - PUNTEN_VANAF_ZOOM, 0))


def view_box(view: Viewport | None) -> tuple:
    return HEEL_NEDERLAND if view is None else view.rd_box(snap_m(view.zoom))


def vestigingen(ctx: Context) -> Beeld:
    """Points when the view holds few enough, else counts per buurt or grid cell."""
    box = view_box(ctx.view)
    rows = data.punten(ctx.snapshot, ctx.filt, box, MAX_PUNTEN + 1)
    if len(rows) <= MAX_PUNTEN:
        return _punten(ctx, rows)
    te_veel = f"Te veel vestigingen om los te tonen (meer dan {getal(MAX_PUNTEN)})."
    if ctx.view is None or ctx.view.zoom < PUNTEN_VANAF_ZOOM:
        beeld = gebied_beeld(ctx, "buurt", None, "aantal")
        beeld.legenda.uitleg.insert(0, f"{te_veel} Zoom in om ze per vak en daarna los te zien.")
        return beeld
    cel = max(25.0, 100.0 * 2 ** (PUNTEN_VANAF_ZOOM - ctx.view.zoom))
    beeld = raster_beeld(ctx, cel, box, "aantal")
    beeld.legenda.uitleg.insert(0, f"{te_veel} Zoom verder in.")
    return beeld


def _punten(ctx: Context, rows: list[dict]) -> Beeld:
    per_groep = ctx.keuze.kleur == "groep"
    items, index = [], {}
    for r in rows:
        kleur = ctx.branches.kleur(r["groep"]) if per_groep else layers.ACCENT
        items.append({"id": r["vestigingsnummer"], "lat": r["lat"], "lon": r["lon"],
                      "label": punt_label(r, ctx.branches), "kleur": kleur,
                      "open": not r["actief"]})
        index.setdefault(punt_sleutel(r["lat"], r["lon"]), []).append(
            ("vestiging", r["vestigingsnummer"]))
    groep = folium.FeatureGroup(name="vestigingen")
    layers.points(items).add_to(groep)
    legenda = Legenda("Vestigingen in de selectie", _groep_rijen(ctx, rows, per_groep))
    if any(not r["actief"] for r in rows):
        legenda.rijen.append(Rij("ring", "#7a8591", "Beëindigd (open rondje)"))
    legenda.uitleg.append(f"{meervoud(len(rows), *VESTIGINGEN)} in en rond dit kaartbeeld.")
    return Beeld(groep, legenda, index, "punten")


def _groep_rijen(ctx: Context, rows: list[dict], per_groep: bool) -> list[Rij]:
    if not per_groep:
        return [Rij("punt", layers.ACCENT, "Vestiging in de selectie")]
    totaal = {r["groep"]: r["aantal"] for r in data.per_groep(ctx.snapshot, ctx.filt)}
    return [Rij("punt", r.kleur, f"{r.naam} ({getal(r.aantal)})")
            for r in group_rows(totaal, ctx.filt, ctx.branches)]


def concentratie(ctx: Context) -> Beeld:
    """The concentration choropleth the analyst chose (per buurt, wijk, terrein or grid cell)."""
    k = ctx.keuze
    if k.per == "raster":
        return raster_beeld(ctx, float(k.cel), HEEL_NEDERLAND, k.maat)
    if k.per.startswith("bedrijventerrein:"):
        return gebied_beeld(ctx, "bedrijventerrein", k.per.split(":", 1)[1], k.maat)
    return gebied_beeld(ctx, k.per, None, k.maat)


def gebied_beeld(ctx: Context, soort: str, bron: str | None, maat: str) -> Beeld:
    rows = data.concentratie_gebied(ctx.snapshot, ctx.filt, soort, bron)
    noot = ""
    if maat == "per_1000" and soort not in ("buurt", "wijk"):
        maat, noot = "aantal", GEEN_INWONERS
    per = soort if soort in ("buurt", "wijk") else (
        f"bedrijventerrein ({ctx.bronnamen.get(bron, bron)})")
    vlakken = [{"id": r["gebied_id"], "geometry": r["geometrie"],
                "label": gebied_label(r, soort), "waarde": _waarde(r, maat)} for r in rows]
    beeld = _vlakken_beeld(ctx, vlakken, maat, f"per {per}")
    if noot:
        beeld.legenda.uitleg.insert(0, noot)
    if not rows:
        beeld.legenda.uitleg.insert(0, "Dit gegevensbestand bevat zulke gebieden niet.")
    return beeld


def raster_beeld(ctx: Context, cel: float, box: tuple, maat: str) -> Beeld:
    rows = data.concentratie_raster(ctx.snapshot, ctx.filt, cel, box)
    noot = ""
    if maat == "per_1000":
        maat, noot = "aantal", GEEN_INWONERS
    titel = f"vak van {getal(cel)} × {getal(cel)} m"
    vakken = [{"id": f"{r['i']}_{r['j']}", "geometry": r["geometrie"],
               "label": f"Vak van {getal(cel)} × {getal(cel)} m\n" + cijfers_tekst(r),
               "waarde": _waarde(r, maat)} for r in rows if maat == "lq" or r["aantal"]]
    beeld = _vlakken_beeld(ctx, vakken, maat, f"per {titel}")
    beeld.soort = "raster"
    if noot:
        beeld.legenda.uitleg.insert(0, noot)
    return beeld


def _waarde(r: dict, maat: str) -> float | None:
    if maat == "lq":
        return r["lq"]
    if maat == "per_1000":
        return r["per_1000_inwoners"]
    return r["aantal"]


def _vlakken_beeld(ctx: Context, vlakken: list[dict], maat: str, per: str) -> Beeld:
    legenda = Legenda(f"Selectie {per}: {MAATNAAM[maat]}")
    if maat == "lq":
        for v in vlakken:
            v["kleur"] = layers.lq_colour(v["waarde"])
        legenda.rijen = lq_klassen(f"geen LQ (minder dan {MIN_BASIS} vestigingen)")
        legenda.uitleg.append(LQ_UITLEG)
    else:
        decimalen = 1 if maat == "per_1000" else 0
        breaks = layers.class_breaks(v["waarde"] for v in vlakken)
        for v in vlakken:
            v["kleur"] = layers.sequential_colour(v["waarde"], breaks)
        onbekend = "inwoners onbekend of 0" if any(v["waarde"] is None for v in vlakken) else ""
        nul = any(v["waarde"] == 0 for v in vlakken)
        legenda.rijen = klassen(breaks, nul=nul, onbekend=onbekend, decimalen=decimalen)
    groep = folium.FeatureGroup(name="concentratie")
    layers.filled(vlakken, ctx.opacity).add_to(groep)
    return Beeld(groep, legenda, soort="vlakken")


def gebied_label(r: dict, soort: str) -> str:
    naam = r["naam"] or r["code"] or "(zonder naam)"
    kop = f"Bedrijventerrein {naam}" if soort == "bedrijventerrein" else naam
    regels = [kop, cijfers_tekst(r)]
    if soort in ("buurt", "wijk"):
        inwoners = "inwoners onbekend" if r["inwoners"] is None else meervoud(
            r["inwoners"], "inwoner", "inwoners")
        per = r["per_1000_inwoners"]
        regels.append(inwoners if per is None else f"{getal(per, 1)} per 1.000 inwoners ({inwoners})")
    return "\n".join(regels)


def cijfers_tekst(r: dict) -> str:
    lq = "geen LQ (te weinig vestigingen)" if r["lq"] is None else f"LQ {getal(r['lq'], 2)}"
    return f"{getal(r['aantal'])} van {meervoud(r['alle'], *VESTIGINGEN)} in de selectie · {lq}"


def punt_label(r: dict, branches: Branches) -> str:
    sbi = " ".join(p for p in (r["sbi_hoofd"], r.get("sbi_omschrijving")) if p)
    status = "" if r.get("actief", True) else f"beëindigd op {datum(r.get('datum_einde'))}"
    regels = [r["naam"] or "(naam onbekend)", *adres_regels(r),
              f"KVK {r['kvk_nummer']}" if r["kvk_nummer"] else "",
              f"SBI {sbi}" if sbi else "",
              branches.naam(r["groep"]) if r.get("groep") else "", status]
    return "\n".join(regel for regel in regels if regel)


def adres_regels(r: dict) -> list[str]:
    """Address lines as KVK delivered them; a shielded address (afgeschermd) is not shown."""
    if r["adres_afgeschermd"]:
        return ["adres afgeschermd in het Handelsregister"]
    nummer = "".join(str(p) for p in (r["huisnummer"], r["huisletter"]) if p)
    if r["toevoeging"]:
        nummer += f"-{r['toevoeging']}"
    straat = " ".join(p for p in (r["straat"], nummer) if p)
    return [straat, " ".join(p for p in (r["postcode"], r["plaats"]) if p)]
