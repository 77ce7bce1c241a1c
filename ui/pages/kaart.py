"""Kaart: the explorer, the landing page. In the sidebar the selection and the map settings; in
the main area gemeente, peildatum and headline counts, the search box, the map with beside it
the card of what was clicked or found (or the selection in figures), and below it the analysis
of a drawn area. The sources every figure rests on close the sidebar.

The map, the panel beside it and the area analysis form one fragment: a pan, a click or a
drawing reruns only that part, not the sidebar and the header.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import streamlit as st

from exports.mapshot.view import DEFAULT_MARK as VERTROUWELIJK
from geo import db
from geo.branches import load_branches
from geo.peildata import peildata
from maps.config import ConfigError, KaartConfig
from maps.klik import Klik, getekend_gebied, nieuwe_klik
from ui import data, state, theme
from ui.components import (
    focus,
    gebied,
    kaartlagen,
    leaflet_map,
    object_card,
    overlays,
    overzicht,
    selectie,
    werkblad,
    zoekbalk,
)
from ui.components.thema_lagen import Context
from ui.format import datum, datumtijd, getal, kies, meervoud
from ui.text import md_escape, md_html

DEMO_MELDING = (
    "Demostad is een fictieve demogemeente; alle adressen, bedrijven en personen zijn verzonnen."
)
GEEN_DATA = (
    "Er is nog geen gegevensbestand. Start `make run` opnieuw of bouw de demo met `zicht demo`."
)
LEESFOUT = (
    "Het gegevensbestand kon niet worden gelezen. Laat de beheerder het opnieuw bouwen met "
    "`zicht build` (of `zicht demo` voor de demogemeente) en laad deze pagina daarna opnieuw."
)
CONFIGFOUT = ("De kaartinstellingen (kaart.toml) zijn niet bruikbaar; de kaart wordt zonder "
              "achtergrond getoond. Laat de beheerder dit herstellen: {fout}")
GEEN_PAND = "Op deze plek staat geen pand. Klik op een gebouw of op een punt."
MELDING = "kaart_melding"


def render() -> None:
    theme.apply()
    werkblad.stijl()
    snapshot = data.snapshot_path()
    if snapshot is None:
        _leeg()
        return
    try:
        _pagina(snapshot)
    except duckdb.Error as exc:
        st.error(LEESFOUT, icon=":material/error:")
        with st.expander("Technische details voor de beheerder"):
            st.code(f"{Path(snapshot).name}\n{type(exc).__name__}: {exc}", language=None)


def _pagina(snapshot: str) -> None:
    meta = data.meta(snapshot)
    peildatum = meta.get("peildatum") or date.today().isoformat()
    config = _config()
    branches = load_branches()
    gebieden = data.gebieden(snapshot)
    bronnamen = _bronnamen(data.bronnen(snapshot), gebieden)
    start = config.start_achtergrond(meta.get("is_demo") == "1")
    signalen = {i.id: i.naam for i in data.zichtbare_indicatoren()}
    defaults = {**state.DEFAULTS, state.K_LAGEN: kaartlagen.standaard_lagen(bronnamen),
                state.K_ACHTERGROND: start}
    _uit_url(snapshot, defaults)
    with st.sidebar:
        selectie.render(snapshot, peildatum, branches)
        st.divider()
        kaartlagen.render(config, start, bronnamen, signalen)
        st.divider()
        _bronnen(snapshot, meta, data.bronnen(snapshot))
    filt = state.selection(st.session_state, peildatum, {g.id for g in branches.groepen})
    lagen = {overlays.BUURT, overlays.WIJK, overlays.PANDEN, overlays.PLAATSEN} | {
        f"{overlays.BT}{b}" for b in bronnamen}
    keuze = state.map_choice(st.session_state, {a.id for a in config.achtergronden},
                             set(signalen), lagen, start)
    demo = DEMO_MELDING if meta.get("is_demo") == "1" else None
    if werkblad.presentatie():
        werkblad.presentatie_kop(meta.get("gemeentenaam") or "Gemeente onbekend",
                                 datum(peildatum), VERTROUWELIJK, demo)
    else:
        _kop(snapshot, meta, peildatum)
        with werkblad.zoekregel(demo):  # results come and go inside; the map keeps its place
            zoekbalk.render(snapshot)
    ctx = Context(snapshot, filt, keuze, None, gebieden, branches, bronnamen,
                  met_achtergrond=keuze.achtergrond != "geen",
                  oppervlakte=config.oppervlakte, bouwjaar=config.bouwjaar)
    _verkenner(ctx, config)
    state.write_url(st.session_state, st.query_params, defaults)


def _uit_url(snapshot: str, defaults: dict) -> None:
    """Selection and map settings from a shared link (once per session), the map position
    from ?zicht=, and an object to open from a case page (?pand=…, ?vestiging=…)."""
    eerste = not st.session_state.get(state.URL_GELEZEN)
    state.read_url(st.session_state, st.query_params, defaults)
    zicht = state.Zicht.parse(st.query_params.get(state.K_ZICHT)) if eerste else None
    if zicht is not None:
        focus.vlieg(zicht.lat, zicht.lon, zicht.zoom)
    for soort in state.OBJECT_PARAMS:
        waarde = st.query_params.get(soort)
        if waarde:
            del st.query_params[soort]
            focus.open_uit_link(snapshot, soort, waarde)


def _config() -> KaartConfig:
    try:
        return data.kaart_config()
    except ConfigError as exc:
        st.warning(CONFIGFOUT.format(fout=md_escape(exc)), icon=":material/warning:")
        return KaartConfig((), "geen", (50, 100, 250, 1000, 5000), (1944, 1969, 1989, 2009), "")


def _bronnamen(bronnen: list[dict], gebieden: list[dict]) -> dict[str, str]:
    """Bedrijventerrein sources present, with a readable name ('IBIS', 'eigen intekening')."""
    omschrijving = {b["bron"]: b["omschrijving"] for b in bronnen}
    namen = {}
    for g in gebieden:
        if g["soort"] == "bedrijventerrein" and g["bron"] not in namen:
            tekst = omschrijving.get(g["bron"]) or g["bron"]
            namen[g["bron"]] = tekst.split("(", 1)[1].rstrip(")") if "(" in tekst else tekst
    return namen


def _kop(snapshot: str, meta: dict, peildatum: str) -> None:
    """Title, peildatum and key figures on one compact line."""
    pd = peildata(meta, data.bronnen(snapshot))
    c = data.kerncijfers(snapshot, peildatum)
    with werkblad.kop():
        st.header(md_escape(meta.get("gemeentenaam") or "Gemeente onbekend"), anchor=False,
                  width="content")
        st.markdown(f"**Peildatum {datum(peildatum)}**", width="content")
        for sleutel, label in [
            ("panden", "Panden"), ("verblijfsobjecten", "Verblijfsobjecten"),
            ("actieve_vestigingen", "Actieve vestigingen"), ("buurten", "Buurten"),
            ("bedrijventerreinen", "Bedrijventerreinen"),
        ]:
            st.metric(label, getal(c[sleutel]), help=md_escape(f"Bron en peildatum: {pd.van(sleutel)}"),
                      width="content")
    if pd.verschil_tekst():
        st.warning(md_escape(pd.verschil_tekst()), icon=":material/event:")


@st.fragment
def _verkenner(ctx: Context, config: KaartConfig) -> None:
    value = st.session_state.get(leaflet_map.KEY)
    ctx.view = state.Viewport.from_component(value)
    gezien = st.session_state.setdefault(leaflet_map.GEZIEN, {})
    klik = nieuwe_klik(value, gezien, st.session_state.get(leaflet_map.PUNT_INDEX, {}))
    if klik is not None:
        _behandel_klik(ctx.snapshot, klik)
    beeld = leaflet_map.bouw_beeld(ctx)
    kaart, paneel = werkblad.kolommen()
    with paneel:
        keuze_fg, keuze_legenda = _paneel(ctx)
        _voetnoot(ctx)
    groepen = leaflet_map.lagen_voor(ctx, beeld, keuze_fg, keuze_legenda)
    with kaart, werkblad.kaart_vlak():
        leaflet_map.toon(ctx, data.bereik(ctx.snapshot), config.achtergronden, groepen,
                         focus.vliegdoel(), presentatie=werkblad.presentatie())
        leaflet_map.onthoud_punten(beeld)
    if ctx.view is not None:
        zicht = state.Zicht(*ctx.view.center, ctx.view.zoom).text()
        if st.query_params.get(state.K_ZICHT) != zicht:
            st.query_params[state.K_ZICHT] = zicht
    if werkblad.presentatie():
        return  # the meeting sees the map; analysis and exports stay in the workspace
    gebied.render(ctx.snapshot, getekend_gebied(value), ctx.filt, ctx.branches)
    from ui.components import export_panel  # kept next to its one call

    export_panel.render(ctx, config)


def _behandel_klik(snapshot: str, klik: Klik) -> None:
    st.session_state.pop(MELDING, None)
    vestigingen = [i for soort, i in klik.objecten if soort == "vestiging"]
    if len(klik.objecten) == 1 and vestigingen:
        focus.open_vestiging(vestigingen[0])
        return
    soort, ident = klik.objecten[0] if klik.objecten else (None, None)
    if soort == "pand":
        focus.open_pand(ident)
        return
    if soort == "adres":
        pand = data.vbo_pand(snapshot, ident)
        if pand:
            focus.open_pand(pand, adres=ident)
            return
    lon, lat = round(klik.lon, 7), round(klik.lat, 7)
    plaats = data.plaats_op_punt(snapshot, lon, lat)  # house boats and pitches have no pand
    if plaats is not None:
        focus.open_plaats(plaats)
        return
    pand = data.pand_op_punt(snapshot, lon, lat)
    if pand is None:
        focus.sluit()
        st.session_state[MELDING] = GEEN_PAND
    else:
        focus.open_pand(pand)


def _paneel(ctx: Context):
    """The card of what is opened, or the selection; returns its highlight for the map."""
    geopend = focus.geopend()
    if st.session_state.get(MELDING):
        st.info(st.session_state[MELDING], icon=":material/info:")
    if geopend is None:
        _signaal_uitleg(ctx)
        overzicht.render(ctx.snapshot, ctx.filt, ctx.branches)
        return None, None
    st.button("Sluiten", on_click=focus.sluit, icon=":material/close:", key="kaart_sluiten")
    if geopend["soort"] == "pand":
        card = data.pand_card(ctx.snapshot, geopend["id"], ctx.filt.peildatum)
        object_card.pand(card, _buurt_signalen(ctx.snapshot, card))
        vorm = json.loads(card["geojson"]) if card else None
        return overlays.highlight(vorm, []), overlays.highlight_legenda(vorm is not None, 0)
    if geopend["soort"] == "plaats":
        card = data.plaats_card(ctx.snapshot, geopend["id"], ctx.filt.peildatum)
        object_card.plaats(card)
        vorm = json.loads(card["geojson"]) if card else None
        return overlays.highlight(vorm, []), overlays.highlight_legenda(
            vorm is not None, 0, (card or {}).get("soort", "plaats"))
    card = data.vestiging_card(ctx.snapshot, geopend["id"], ctx.filt.peildatum)
    object_card.vestiging(card)
    punten = [{"id": v["vestigingsnummer"], "lat": v["lat"], "lon": v["lon"],
               "label": f"{v['naam'] or v['vestigingsnummer']}\n{v['adres'] or ''}"}
              for v in (card or {}).get("onderneming", []) if v["lat"] is not None]
    return overlays.highlight(None, punten), overlays.highlight_legenda(False, len(punten))


def _signaal_uitleg(ctx: Context) -> None:
    """With the signal layer on: what the signal means, how often it fires, and that it is no
    verdict."""
    if ctx.keuze.thema != "signalen" or not ctx.keuze.signaal:
        return
    uitkomst = data.signalen(ctx.snapshot).get(ctx.keuze.signaal)
    if uitkomst is None:
        return
    ind = uitkomst["indicator"]
    st.markdown(f"#### Signaal: {md_escape(ind.naam)}")
    st.markdown(md_escape(ind.uitleg))
    if uitkomst["fout"]:
        st.error("Dit signaal kon niet worden berekend. De beheerder vindt de foutmelding op de "
                 "pagina Signalen.", icon=":material/error:")
    else:
        st.caption(f"{getal(len(uitkomst['rijen']))} keer gevonden op de peildatum. Een signaal "
                   "is geen oordeel: weeg elk object zelf. Klik op een punt voor het kaartje.")
    st.divider()


def _buurt_signalen(snapshot: str, card: dict | None) -> list[dict]:
    if not card or not card.get("buurtcode"):
        return []
    return data.signalen_index(snapshot).get(("buurt", card["buurtcode"]), [])


def _voetnoot(ctx: Context) -> None:
    totaal = data.totalen(ctx.snapshot, ctx.filt)
    tekst = "Actief: ingeschreven en niet opgeheven op de peildatum."
    if totaal["aantal_zonder_locatie"]:
        n = totaal["aantal_zonder_locatie"]
        tekst += (f" {meervoud(n, 'vestiging', 'vestigingen')} van de selectie {kies(n, 'heeft', 'hebben')} "
                  f"geen locatie en {kies(n, 'staat', 'staan')} niet op de kaart.")
    st.caption(tekst)


def _bronnen(snapshot: str, meta: dict, bronnen: list[dict]) -> None:
    with st.expander("Bronnen en peildata", expanded=False):
        st.markdown(_bronnen_html(bronnen), unsafe_allow_html=True)
        st.caption(
            f"Gegevensbestand {md_escape(Path(snapshot).name)}, "
            f"gebouwd op {md_escape(datumtijd(meta.get('gebouwd_op')))}."
        )


def _bronnen_html(bronnen: list[dict]) -> str:
    """One block per source: name, peildatum and rows, then where it was read from."""
    if not bronnen:
        return "<p>Geen bronnen geregistreerd in dit gegevensbestand.</p>"
    return "".join(_bron_html(b) for b in bronnen)


def _bron_html(b: dict) -> str:
    naam = b["omschrijving"] or b["bron"]
    herkomst = [b["bron"]] if b["omschrijving"] else []
    herkomst.append(_bestand(b["bestand"]))
    return (
        '<div style="margin-bottom:0.9rem;line-height:1.45">'
        f'<div style="font-weight:600">{md_html(naam)}</div>'
        f"<div>Peildatum {md_html(datum(b['peildatum']))} · "
        f"{md_html(getal(b['rijen']))} rijen</div>"
        '<div style="color:#4a5561;font-size:0.85rem;overflow-wrap:anywhere">'
        f"{md_html(' · '.join(herkomst))}</div>"
        "</div>"
    )


def _bestand(bestand: str | None) -> str:
    """A URL as is; of a local path only the file name (the server's folders say nothing)."""
    if not bestand:
        return "bestand onbekend"
    return bestand if "://" in bestand else Path(bestand).name


def _leeg() -> None:
    st.title("Zicht", anchor=False)
    st.info(GEEN_DATA, icon=":material/info:")
    st.caption(f"Gezocht in de gegevensmap {md_escape(db.data_dir())}.")

