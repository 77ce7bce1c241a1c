"""The map settings in the sidebar: theme (what the map colours), its options, the overlays and
the base map. Values live in st.session_state under the keys of ui.state, bound to the URL."""

from __future__ import annotations

import streamlit as st

from maps.config import GEEN, KaartConfig
from ui import state as s
from ui.components.overlays import BT, BUURT, PANDEN, PLAATSEN, WIJK
from ui.format import getal

THEMA_NAAM = {
    "vestigingen": "Vestigingen (selectie)",
    "concentratie": "Concentratie (selectie)",
    "woonfunctie": "BAG: woonfunctie",
    "oppervlakte": "BAG: oppervlakte",
    "bouwjaar": "BAG: bouwjaar",
    "signalen": "Signalen",
}
MAAT_NAAM = {"aantal": "Aantal", "per_1000": "Per 1.000 inwoners", "lq": "Locatiequotiënt"}
KLEUR_NAAM = {"groep": "Per branchegroep", "selectie": "Eén kleur"}
GEEN_TEGELS = ("Achtergrondkaarten staan uit: deze computer vraagt geen enkele kaartserver "
               "iets. De beheerder kan PDOK of een eigen tegelserver aanzetten in kaart.toml.")


def lagen_namen(bt_bronnen: dict[str, str]) -> dict[str, str]:
    lagen = {BUURT: "Buurtgrenzen", WIJK: "Wijkgrenzen", PANDEN: "Panden (ingezoomd)",
             PLAATSEN: "Lig- en standplaatsen (ingezoomd)"}
    return lagen | {f"{BT}{b}": f"Bedrijventerreinen: {n}" for b, n in bt_bronnen.items()}


def standaard_lagen(bt_bronnen: dict[str, str]) -> list[str]:
    return [BUURT, PANDEN, PLAATSEN] + [f"{BT}{b}" for b in _eerste_bron(bt_bronnen)]


def render(config: KaartConfig, start_achtergrond: str, bt_bronnen: dict[str, str],
           signalen: dict[str, str]) -> None:
    """`bt_bronnen`: bedrijventerrein source -> name; `signalen`: indicator id -> label."""
    st.subheader("Kaart", anchor=False)
    ss = st.session_state
    s.keep_valid(ss, s.K_THEMA, THEMA_NAAM, "vestigingen")
    thema = st.radio("Thema", list(THEMA_NAAM), format_func=THEMA_NAAM.get, key=s.K_THEMA)
    if thema == "vestigingen":
        s.keep_valid(ss, s.K_KLEUR, KLEUR_NAAM, "groep")
        st.radio("Kleur", list(KLEUR_NAAM), format_func=KLEUR_NAAM.get, key=s.K_KLEUR,
                 horizontal=True)
    elif thema == "concentratie":
        _concentratie(bt_bronnen)
    elif thema == "signalen":
        s.keep_valid(ss, s.K_SIGNAAL, signalen, None)
        st.selectbox("Signaal", list(signalen), format_func=signalen.get, key=s.K_SIGNAAL,
                     placeholder="Kies een signaal")
    lagen = lagen_namen(bt_bronnen)
    s.keep_valid(ss, s.K_LAGEN, lagen, [])
    st.multiselect("Lagen", list(lagen), format_func=lagen.get, key=s.K_LAGEN)
    _achtergrond(config, start_achtergrond)


def _eerste_bron(bt_bronnen: dict[str, str]) -> list[str]:
    """The bedrijventerrein source shown by default: IBIS (the national register) if present."""
    ibis = [b for b in bt_bronnen if "ibis" in b.lower()]
    return ibis[:1] or list(bt_bronnen)[:1]


def _concentratie(bt_bronnen: dict[str, str]) -> None:
    per = {"buurt": "Buurt", "wijk": "Wijk", "raster": "Vierkant raster"}
    per |= {f"bedrijventerrein:{b}": f"Bedrijventerrein ({n})" for b, n in bt_bronnen.items()}
    ss = st.session_state
    s.keep_valid(ss, s.K_PER, per, "buurt")
    gekozen = st.selectbox("Per", list(per), format_func=per.get, key=s.K_PER)
    if gekozen == "raster":
        s.keep_valid(ss, s.K_CEL, s.CELLEN, 250)
        st.select_slider("Vakgrootte", s.CELLEN, key=s.K_CEL, format_func=lambda c: f"{getal(c)} m")
    s.keep_valid(ss, s.K_MAAT, MAAT_NAAM, "aantal")
    st.radio("Maat", list(MAAT_NAAM), format_func=MAAT_NAAM.get, key=s.K_MAAT)


def _achtergrond(config: KaartConfig, start: str) -> None:
    namen = {GEEN: "Geen achtergrond"} | {a.id: a.naam for a in config.achtergronden}
    if len(namen) == 1:
        st.caption(GEEN_TEGELS)
        return
    s.keep_valid(st.session_state, s.K_ACHTERGROND, namen, start)
    st.selectbox("Achtergrond", list(namen), format_func=namen.get, key=s.K_ACHTERGROND)
