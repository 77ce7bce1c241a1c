"""Kaart: the landing page. The demo notice, gemeente and peildatum, headline counts, the map,
and in the sidebar the sources every figure rests on."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

import duckdb
import streamlit as st

from geo import db
from ui import data, theme
from ui.components import leaflet_map
from ui.format import datum, datumtijd, getal, md_escape

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


def render() -> None:
    theme.apply()
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
    cijfers = data.kerncijfers(snapshot, peildatum)
    _bronnen(snapshot, meta, data.bronnen(snapshot))
    if meta.get("is_demo") == "1":
        st.info(DEMO_MELDING, icon=":material/info:")
    kop, *kolommen = st.columns([2.2, 1, 1.2, 1.2, 1, 1.2], vertical_alignment="bottom")
    with kop:
        st.header(md_escape(meta.get("gemeentenaam") or "Gemeente onbekend"), anchor=False)
        st.markdown(f"##### Peildatum {datum(peildatum)}")
    _kerncijfers(kolommen, cijfers)
    leaflet_map.toon_kaart(snapshot, peildatum, _zonder_locatie(cijfers))


def _kerncijfers(kolommen: list, c: dict) -> None:
    for kolom, (label, waarde) in zip(kolommen, [
        ("Panden", c["panden"]),
        ("Verblijfsobjecten", c["verblijfsobjecten"]),
        ("Actieve vestigingen", c["actieve_vestigingen"]),
        ("Buurten", c["buurten"]),
        ("Bedrijventerreinen", c["bedrijventerreinen"]),
    ], strict=True):
        kolom.metric(label, getal(waarde))


def _zonder_locatie(c: dict) -> str:
    """What the map cannot show, said next to it."""
    tekst = "Actief: ingeschreven en niet opgeheven op de peildatum."
    if c["zonder_locatie"]:
        tekst += f" {getal(c['zonder_locatie'])} actieve vestigingen hebben geen locatie en staan "
        tekst += "niet op de kaart."
    return tekst


def _bronnen(snapshot: str, meta: dict, bronnen: list[dict]) -> None:
    with st.sidebar:
        st.subheader("Bronnen", anchor=False)
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
        f'<div style="font-weight:600">{html.escape(naam)}</div>'
        f"<div>Peildatum {html.escape(datum(b['peildatum']))} · "
        f"{html.escape(getal(b['rijen']))} rijen</div>"
        '<div style="color:#4a5561;font-size:0.85rem;overflow-wrap:anywhere">'
        f"{html.escape(' · '.join(herkomst))}</div>"
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
