"""The map legend, drawn inside the map (bottom right) so it is always in view and in every
screenshot, in the same colours the layers use. Every text passes ui.text.html_text here."""

from __future__ import annotations

from dataclasses import dataclass, field

from maps import layers
from ui.format import getal
from ui.text import html_text

_VLAK = ("display:inline-block;width:20px;height:13px;margin-right:7px;vertical-align:-2px;"
         "border:1px solid #9aa5b1;background:{kleur}")
_LIJN = "display:inline-block;width:20px;margin-right:7px;vertical-align:3px;border-top:{stijl}"
_PUNT = ("display:inline-block;width:11px;height:11px;margin:0 11px 0 4px;border-radius:50%;"
         "vertical-align:-1px;border:1px solid {rand};background:{kleur}")
_RING = ("display:inline-block;width:13px;height:13px;margin:0 10px 0 3px;border-radius:50%;"
         "vertical-align:-2px;border:3px solid {kleur}")


@dataclass
class Rij:
    symbool: str  # vlak | lijn | punt | ring
    kleur: str
    tekst: str
    stijl: str = ""  # for lijn: "2px dashed" etc.


@dataclass
class Legenda:
    kop: str
    rijen: list[Rij] = field(default_factory=list)
    uitleg: list[str] = field(default_factory=list)


def html_legenda(delen: list[Legenda]) -> str:
    """One block per part (theme first, then overlays), as safe HTML for the map control."""
    return "".join(_deel(d) for d in delen if d.rijen or d.uitleg)


def _deel(d: Legenda) -> str:
    kop = f'<div class="kop">{html_text(d.kop)}</div>' if d.kop else ""
    uitleg = "".join(f'<div class="uitleg">{html_text(u)}</div>' for u in d.uitleg if u)
    return (f'<div style="margin-bottom:5px">{kop}{"".join(_rij(r) for r in d.rijen)}'
            f"{uitleg}</div>")


def _rij(r: Rij) -> str:
    if r.symbool == "lijn":
        stijl = _LIJN.format(stijl=f"{r.stijl} {r.kleur}")
    elif r.symbool == "punt":
        stijl = _PUNT.format(kleur=r.kleur, rand="#ffffff;box-shadow:0 0 0 1px #7a8591")
    elif r.symbool == "ring":
        stijl = _RING.format(kleur=r.kleur)
    else:
        stijl = _VLAK.format(kleur=r.kleur)
    return (f'<div class="rij" title="{html_text(r.tekst)}"><span style="{html_text(stijl)}">'
            f"</span>{html_text(r.tekst)}</div>")


def klasse_labels(breaks: list[float], decimalen: int = 0) -> list[str]:
    """'1–4', '5', '6–12', ... for class upper bounds; with decimals '0,1–2,5' for rates."""
    labels, vorige = [], 0.0
    stap = 10 ** -decimalen
    for bound in breaks:
        laag = (int(vorige) + 1) if decimalen == 0 else vorige + stap
        if decimalen == 0 and laag >= int(bound):
            labels.append(getal(bound))
        elif decimalen == 0:
            labels.append(f"{getal(laag)}–{getal(bound)}")
        else:
            labels.append(f"{getal(laag if vorige else 0, decimalen)}–{getal(bound, decimalen)}")
        vorige = bound
    return labels


def klassen(breaks: list[float], *, nul: bool, onbekend: str = "", decimalen: int = 0
            ) -> list[Rij]:
    """Legend rows for a sequential choropleth: zero, the classes, and unknown when present."""
    rijen = [Rij("vlak", layers.NUL_KLEUR, "0")] if nul or not breaks else []
    kleuren = layers.class_colours(len(breaks))
    rijen += [Rij("vlak", k, t)
              for k, t in zip(kleuren, klasse_labels(breaks, decimalen), strict=True)]
    if onbekend:
        rijen.append(Rij("vlak", layers.ONBEKEND_KLEUR, onbekend))
    return rijen


def lq_klassen(onbekend: str) -> list[Rij]:
    g = layers.LQ_GRENZEN
    teksten = [f"minder dan {getal(g[0], 1)} (ondervertegenwoordigd)",
               f"{getal(g[0], 1)} tot {getal(g[1], 1)}",
               f"{getal(g[1], 1)} tot {getal(g[2], 2)} (rond het gemiddelde)",
               f"{getal(g[2], 2)} tot {getal(g[3], 1)}",
               f"{getal(g[3], 1)} of meer (oververtegenwoordigd)"]
    rijen = [Rij("vlak", k, t) for k, t in zip(layers.LQ_KLEUREN, teksten, strict=True)]
    return rijen + [Rij("vlak", layers.ONBEKEND_KLEUR, onbekend)]


def grenzen(soorten: list[tuple[str, str]]) -> Legenda:
    """Rows for the boundary overlays shown: (GRENS key, label)."""
    rijen = []
    for soort, naam in soorten:
        lijn = layers.GRENS[soort]
        streep = "dashed" if lijn["dashArray"] and lijn["dashArray"].startswith("6") else (
            "dotted" if lijn["dashArray"] else "solid")
        rijen.append(Rij("lijn", lijn["color"], naam, f"{max(lijn['weight'], 1.5)}px {streep}"))
    return Legenda("", rijen)
