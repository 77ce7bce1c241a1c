"""Theme layers for the BAG themes (woonfunctie, oppervlakte, bouwjaar, as DOOK has them) and
for the results of one indicator (signalen).

BAG themes show verblijfsobjecten as points coloured by class when the view holds at most
MAX_VBO of them; otherwise, per grid cell, the class most objects in it have.
"""

from __future__ import annotations

import folium

from maps import layers
from maps.klik import punt_sleutel
from ui import data
from ui.components.legend import Legenda, Rij
from ui.components.thema_lagen import Beeld, Context, view_box
from ui.format import getal, meervoud

MAX_VBO = 4000
VBO_VANAF_ZOOM = 16
WOONFUNCTIE = ("Alleen woonfunctie", "Woonfunctie en andere functie", "Geen woonfunctie")
VBO = ("verblijfsobject", "verblijfsobjecten")
BAG_TITEL = {"woonfunctie": "Verblijfsobjecten naar woonfunctie",
             "oppervlakte": "Verblijfsobjecten naar oppervlakte",
             "bouwjaar": "Verblijfsobjecten naar bouwjaar van het pand"}


def klassen(thema: str, grenzen: tuple[int, ...]) -> list[tuple[str, str]]:
    """(colour, label) per class index of a BAG theme."""
    if thema == "woonfunctie":
        return list(zip(layers.WOONFUNCTIE_KLEUREN, WOONFUNCTIE, strict=True))
    if thema == "oppervlakte":
        labels = [f"t/m {getal(grenzen[0])} m²"]
        labels += [f"{getal(a + 1)}–{getal(b)} m²" for a, b in zip(grenzen, grenzen[1:], strict=False)]
        labels.append(f"meer dan {getal(grenzen[-1])} m²")
        palette = layers.OPPERVLAKTE_KLEUREN
    else:
        labels = [f"vóór {grenzen[0] + 1}"]
        labels += [f"{a + 1}–{b}" for a, b in zip(grenzen, grenzen[1:], strict=False)]
        labels.append(f"{grenzen[-1] + 1} en later")
        palette = layers.BOUWJAAR_KLEUREN
    return list(zip(layers.ordinal_colours(len(labels), palette), labels, strict=True))


def bag(ctx: Context) -> Beeld:
    thema = ctx.keuze.thema
    grenzen = {"oppervlakte": ctx.oppervlakte, "bouwjaar": ctx.bouwjaar}.get(thema, ())
    indeling = klassen(thema, grenzen)
    box = view_box(ctx.view)
    if ctx.view is not None and ctx.view.zoom >= VBO_VANAF_ZOOM:
        rows = data.bag_punten(ctx.snapshot, thema, grenzen, box, MAX_VBO + 1)
        if len(rows) <= MAX_VBO:
            return _bag_punten(thema, rows, indeling)
    zoom = ctx.view.zoom if ctx.view else 12
    cel = 250.0 if zoom < 15 else 100.0 if zoom < 16 else 50.0
    cellen = data.bag_raster(ctx.snapshot, thema, grenzen, box, cel)
    return _bag_raster(ctx, thema, cellen, indeling, cel)


def _bag_punten(thema: str, rows: list[dict], indeling) -> Beeld:
    items = []
    for r in rows:
        kleur = layers.ONBEKEND_KLEUR if r["klasse"] is None else indeling[r["klasse"]][0]
        items.append({"id": r["identificatie"], "lat": r["lat"], "lon": r["lon"],
                      "label": _vbo_label(r), "kleur": kleur})
    groep = folium.FeatureGroup(name="bag")
    layers.points(items, radius=4, edge="#4a5561").add_to(groep)
    legenda = Legenda(BAG_TITEL[thema], [Rij("punt", k, t) for k, t in indeling])
    if any(r["klasse"] is None for r in rows):
        legenda.rijen.append(Rij("punt", layers.ONBEKEND_KLEUR, "onbekend"))
    legenda.uitleg.append(f"{meervoud(len(rows), *VBO)} in en rond dit kaartbeeld; "
                          "ingetrokken en niet gerealiseerde objecten niet getoond.")
    index = {punt_sleutel(r["lat"], r["lon"]): [("adres", r["identificatie"])] for r in rows}
    return Beeld(groep, legenda, index, "bag_punten")


def _vbo_label(r: dict) -> str:
    doelen = ", ".join(r["gebruiksdoelen"] or []) or "gebruiksdoel onbekend"
    opp = "oppervlakte onbekend" if r["oppervlakte"] is None else f"{getal(r['oppervlakte'])} m²"
    bouwjaar = f"bouwjaar {r['bouwjaar']}" if r["bouwjaar"] else "bouwjaar onbekend"
    plaats = " ".join(p for p in (r["postcode"], r["woonplaats"]) if p)
    return "\n".join([r["adres"] or "(adres onbekend)", plaats, doelen, f"{opp} · {bouwjaar}"])


def _bag_raster(ctx: Context, thema: str, cellen: list[dict], indeling, cel: float) -> Beeld:
    vakken = []
    for c in cellen:
        per = {k["klasse"]: k["aantal"] for k in c["per_klasse"] or []}
        meeste = max(per, key=lambda k: (per[k], -k)) if per else None
        kleur = layers.ONBEKEND_KLEUR if meeste is None else indeling[meeste][0]
        regels = [f"Vak van {getal(cel)} × {getal(cel)} m: {meervoud(c['totaal'], *VBO)}"]
        regels += [f"{indeling[k][1]}: {getal(n)}" for k, n in sorted(per.items())]
        if c["onbekend"]:
            regels.append(f"onbekend: {getal(c['onbekend'])}")
        vakken.append({"id": f"{c['i']}_{c['j']}", "geometry": c["geometrie"],
                       "label": "\n".join(regels), "kleur": kleur})
    groep = folium.FeatureGroup(name="bag")
    layers.filled(vakken, ctx.opacity).add_to(groep)
    legenda = Legenda(BAG_TITEL[thema], [Rij("vlak", k, t) for k, t in indeling])
    legenda.uitleg.append(f"Per vak van {getal(cel)} m de klasse waar de meeste "
                          "verblijfsobjecten in vallen. Zoom in tot straatniveau voor "
                          "afzonderlijke adressen.")
    return Beeld(groep, legenda, soort="bag_raster")


def signalen(ctx: Context) -> Beeld:
    """The objects one indicator returns, with its reason in the tooltip."""
    groep = folium.FeatureGroup(name="signalen")
    uitkomsten = data.signalen(ctx.snapshot)
    uitkomst = uitkomsten.get(ctx.keuze.signaal or "")
    if uitkomst is None:
        return Beeld(groep, Legenda("Signalen", uitleg=["Kies een signaal in de zijbalk."]))
    ind = uitkomst["indicator"]
    legenda = Legenda(f"Signaal: {ind.naam}")
    if uitkomst["fout"]:
        legenda.uitleg.append("Dit signaal kon niet worden berekend; de foutmelding staat op "
                              "de pagina Signalen.")
        return Beeld(groep, legenda)
    rows = uitkomst["rijen"]
    if ind.objectsoort == "buurt":
        _signaal_buurten(ctx, rows, groep)
        legenda.rijen.append(Rij("vlak", layers.SIGNAAL_KLEUR, f"Buurt ({getal(len(rows))})"))
        index = {}
    else:
        items = [{"id": r["object_id"], "lat": r["lat"], "lon": r["lon"],
                  "label": f"{r.get('label') or r['object_id']}\n{r['reden']}"}
                 for r in rows if r.get("lat") is not None]
        layers.points(items, colour=layers.SIGNAAL_KLEUR, radius=7).add_to(groep)
        legenda.rijen.append(Rij("punt", layers.SIGNAAL_KLEUR, f"{_soortnaam(ind.objectsoort)} "
                                                              f"({getal(len(items))})"))
        index = {}
        for r in rows:
            if r.get("lat") is not None:
                index.setdefault(punt_sleutel(r["lat"], r["lon"]), []).append(
                    (ind.objectsoort, str(r["object_id"])))
    legenda.uitleg.append("Een signaal is geen oordeel: weeg elk object zelf. Uitleg naast "
                          "de kaart.")
    return Beeld(groep, legenda, index, "signalen")


def _signaal_buurten(ctx: Context, rows: list[dict], groep: folium.FeatureGroup) -> None:
    vorm = {g["code"]: g["geometrie"] for g in ctx.gebieden if g["soort"] == "buurt"}
    vlakken = [{"id": r["object_id"], "geometry": vorm[r["object_id"]],
                "label": f"{r.get('label') or r['object_id']}\n{r['reden']}",
                "kleur": layers.SIGNAAL_KLEUR} for r in rows if r["object_id"] in vorm]
    layers.filled(vlakken, 0.45).add_to(groep)


def _soortnaam(objectsoort: str) -> str:
    return {"adres": "Adres", "vestiging": "Vestiging", "pand": "Pand"}.get(objectsoort, objectsoort)
