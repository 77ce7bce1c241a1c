"""The map legend, always visible beside the map, in the same colours the layers use."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from geo import layers
from ui.format import getal, meervoud

if TYPE_CHECKING:
    from ui.components.leaflet_map import Detail

_VLAK = ("display:inline-block;width:22px;height:14px;margin-right:8px;vertical-align:-2px;"
         "border:1px solid #9aa5b1;background:{kleur};opacity:{dekking}")
_LIJN = "display:inline-block;width:22px;margin-right:8px;vertical-align:4px;border-top:{stijl}"
_PUNT = ("display:inline-block;width:12px;height:12px;margin:0 13px 0 5px;border-radius:50%;"
         "border:1px solid #fff;box-shadow:0 0 0 1px #9aa5b1;background:{kleur}")


def legenda_html(detail: Detail, max_punten: int) -> str:
    """HTML for the legend of the current map view. All text passes html.escape."""
    if detail.soort == "punten":
        kop = "Vestigingen"
        rijen = [_rij(_PUNT.format(kleur=layers.ACCENT), "Actieve vestiging")]
        uitleg = f"{meervoud(detail.aantal, *_VESTIGINGEN)} in en rond dit kaartbeeld."
    else:
        per = "buurt" if detail.soort == "buurten" else f"vak van {detail.cel:.0f} × {detail.cel:.0f} m"
        kop = f"Actieve vestigingen per {per}"
        rijen = _klassen(detail.breaks, detail.heeft_nul)
        uitleg = (
            _buurt_uitleg(detail.aantal)
            if detail.soort == "buurten"
            else f"Te veel vestigingen in beeld om los te tonen (meer dan {getal(max_punten)}). "
            "Zoom verder in."
        )
    if detail.panden == "getoond":
        rijen.append(_rij(_vlak(layers.PAND_KLEUR, 1.0), "Pand"))
    elif detail.panden == "te_veel":
        uitleg += " Panden verschijnen als u verder inzoomt."
    elif detail.soort == "punten":
        uitleg += " Panden verschijnen vanaf straatniveau."
    rijen += _grenzen()
    return (
        '<div style="font-size:0.95rem;line-height:1.9">'
        f'<div style="font-weight:600;line-height:1.3;margin-bottom:6px">{html.escape(kop)}</div>'
        + "".join(rijen)
        + f'<div style="margin-top:10px;color:#4a5561;line-height:1.4">{html.escape(uitleg)}</div>'
        "</div>"
    )


_VESTIGINGEN = ("actieve vestiging", "actieve vestigingen")


def _buurt_uitleg(buurten: int) -> str:
    tekst = "Zoom in om vestigingen per vak en daarna afzonderlijk te zien."
    return tekst if buurten else f"Dit gegevensbestand bevat geen buurten. {tekst}"


def klasse_labels(breaks: list[float]) -> list[str]:
    """'1–4', '5', '6–12', ... for integer class upper bounds."""
    labels, vorige = [], 0
    for bound in breaks:
        laag, hoog = int(vorige) + 1, int(bound)
        labels.append(getal(hoog) if laag >= hoog else f"{getal(laag)}–{getal(hoog)}")
        vorige = bound
    return labels


def _klassen(breaks: list[float], heeft_nul: bool) -> list[str]:
    kleuren = layers.class_colours(len(breaks))
    rijen = [_rij(_vlak(layers.NUL_KLEUR), "0")] if heeft_nul or not breaks else []
    rijen += [
        _rij(_vlak(kleur), label)
        for kleur, label in zip(kleuren, klasse_labels(breaks), strict=True)
    ]
    return rijen


def _grenzen() -> list[str]:
    rijen = []
    for soort, naam in (("buurt", "Buurtgrens"), ("bedrijventerrein", "Bedrijventerrein"),
                        ("gemeente", "Gemeentegrens")):
        lijn = layers.GRENS[soort]
        streep = "dashed" if lijn["dashArray"] else "solid"
        rijen.append(_rij(_LIJN.format(stijl=f"{lijn['weight']}px {streep} {lijn['color']}"), naam))
    return rijen


def _vlak(kleur: str, dekking: float = layers.FILL_OPACITY) -> str:
    return _VLAK.format(kleur=kleur, dekking=dekking)


def _rij(symbool_stijl: str, tekst: str) -> str:
    return (f'<div style="white-space:nowrap"><span style="{symbool_stijl}"></span>'
            f"{html.escape(tekst)}</div>")
