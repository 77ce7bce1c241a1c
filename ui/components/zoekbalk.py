"""One search box: postcode + huisnummer, straat (with or without huisnummer), KVK-nummer,
vestigingsnummer or handelsnaam. A result moves the map there and opens its card
(ui.components.focus); a street has no card, the map shows it."""

from __future__ import annotations

import streamlit as st

from geo.search import MAX_RESULTS
from ui import cases_data, data
from ui.components import focus
from ui.text import md_escape, plain

K_ZOEK, K_GEOPEND, K_KEUZE = "zoek", "zoek_geopend", "zoek_keuze"
STRAAT_ZOOM = 17  # a whole street in view, its panden drawn
PLAATSHOUDER = ("Zoek op postcode en huisnummer, straat en huisnummer, straatnaam, KVK-nummer, "
                "vestigingsnummer of handelsnaam")


def render(snapshot: str) -> None:
    tekst = st.text_input("Zoeken", key=K_ZOEK, placeholder=PLAATSHOUDER,
                          label_visibility="collapsed", icon=":material/search:")
    tekst = (tekst or "").strip()
    if len(tekst) < 2:
        return
    resultaten = data.zoek(snapshot, tekst)
    weigering = cases_data.log_search_once("kaart", tekst, aantal=len(resultaten))
    if weigering:  # a search nobody may do unlogged
        st.error(md_escape(weigering), icon=":material/gpp_bad:")
        return
    if not resultaten:
        st.caption(f"Niets gevonden voor ‘{md_escape(tekst)}’. Voorbeelden: 9999 PA 2, "
                   "Leeghwaterstraat 2, een KVK-nummer (8 cijfers), een vestigingsnummer "
                   "(12 cijfers) of een deel van een handelsnaam.")
        return
    panden = {r.get("pand") for r in resultaten}
    if len(resultaten) == 1 or (len(panden) == 1 and None not in panden):
        # One result, or addresses that all lie in one pand: open it (its card lists them all).
        if st.session_state.get(K_GEOPEND) != tekst:
            st.session_state[K_GEOPEND] = tekst
            open_resultaat(snapshot, resultaten[0])
        _uitleg(resultaten[0], len(resultaten))
        return
    opties = list(range(len(resultaten)))
    aantal = f"{len(resultaten)}" if len(resultaten) < MAX_RESULTS else (
        f"meer dan {len(resultaten) - 1}")
    st.selectbox(f"{aantal} resultaten; kies er een", opties, index=None, key=K_KEUZE,
                 format_func=lambda i: plain(_label(resultaten[i])), placeholder="Kies een resultaat",
                 on_change=_gekozen, args=(snapshot, resultaten))


def _gekozen(snapshot: str, resultaten: list[dict]) -> None:
    index = st.session_state.get(K_KEUZE)
    if index is not None and index < len(resultaten):
        open_resultaat(snapshot, resultaten[index])


def _label(r: dict) -> str:
    return " · ".join(p for p in (r["label"] or "(zonder naam)", r["detail"]) if p)


def _uitleg(r: dict, aantal: int) -> None:
    waar = "" if r["lon"] is not None else " (zonder locatie: niet op de kaart)"
    if aantal > 1:
        hoeveel = f"ten minste {aantal}" if aantal >= MAX_RESULTS else str(aantal)
        st.caption(f"Gevonden: {hoeveel} adressen in één pand, waaronder {md_escape(_label(r))}")
    else:
        st.caption(f"Gevonden: {md_escape(_label(r))}{waar}")


def open_resultaat(snapshot: str, r: dict) -> None:
    """Open the card of a search result and fly there when it has a location."""
    if r["soort"] == "straat":  # a street has no card: show it, its addresses are on the map
        if r["lon"] is not None:
            focus.vlieg(r["lat"], r["lon"], STRAAT_ZOOM)
        return
    if r["soort"] == "vestiging":
        focus.open_vestiging(r["id"])
    else:
        pand = r.get("pand") or data.vbo_pand(snapshot, r["id"])
        if pand:
            focus.open_pand(pand, adres=r["id"])
        else:  # a ligplaats or standplaats: no pand
            focus.open_plaats(r["id"])
    if r["lon"] is not None:
        focus.vlieg(r["lat"], r["lon"])
