"""The selection in the sidebar: branch groups, SBI codes (tree, list and activity search) and
the filters. Values live in st.session_state under the keys of ui.state, bound to the URL so a
selection can be shared as a link."""

from __future__ import annotations

from datetime import date

import streamlit as st

from geo import sbi
from geo.branches import Branches
from ui import cases_data, data
from ui import state as s
from ui.text import md_escape

STATUS_NAAM = {"actief": "Actief", "beeindigd": "Beëindigd", "alle": "Alle"}
SOORT_NAAM = {"alle": "Alle", "hoofd": "Hoofd", "neven": "Neven"}
ALLE = "— alle —"
K_ACTIVITEIT, K_BOOM_VERSIE = "activiteit_zoek", "sbi_boom_versie"


def render(snapshot: str, peildatum: str, branches: Branches) -> None:
    st.subheader("Selectie", anchor=False)
    groepen = {g.id: g.naam for g in branches.groepen}
    s.keep_valid(st.session_state, s.K_GROEP, groepen, [])
    st.multiselect("Branchegroepen", list(groepen), format_func=groepen.get, key=s.K_GROEP,
                   placeholder="Alle branches")
    boom = data.sbi_boom(snapshot, peildatum)
    knopen = {k.sleutel: k for k in boom}
    _activiteit(snapshot, knopen, groepen)
    s.keep_valid(st.session_state, s.K_SBI, knopen, [])
    st.multiselect("SBI-codes", list(knopen), format_func=lambda x: sbi.label(knopen[x]),
                   key=s.K_SBI, placeholder="Typ een code of omschrijving",
                   help="Een code selecteert ook alle codes eronder. Geteld: actieve "
                        "vestigingen met deze code als hoofd- of nevenactiviteit.")
    with st.expander("Kiezen uit de SBI-boom"):
        _boom(boom)
    _filters()


def _activiteit(snapshot: str, knopen: dict, groepen: dict) -> None:
    tekst = st.text_input("Activiteit zoeken", key=K_ACTIVITEIT,
                          placeholder="bijvoorbeeld nagelstudio",
                          help="Zoekt in de omschrijvingen van SBI-codes, in de namen van "
                               "vestigingen en in de trefwoorden van de branchegroepen.")
    if not tekst or len(tekst.strip()) < 3:
        return
    suggesties = [x for x in data.sbi_suggesties(snapshot, tekst)
                  if x.soort == "groep" or x.sleutel in knopen]
    weigering = cases_data.log_search_once("activiteit", tekst.strip(), aantal=len(suggesties))
    if weigering:  # it also searches the names of vestigingen: never unlogged
        st.error(md_escape(weigering), icon=":material/gpp_bad:")
        return
    if not suggesties:
        st.caption(f"Geen code of branchegroep gevonden bij ‘{md_escape(tekst.strip())}’.")
    for i, sug in enumerate(suggesties):
        label = (f"Groep: {groepen[sug.sleutel]}" if sug.soort == "groep"
                 else sbi.label(knopen[sug.sleutel]))
        st.button(md_escape(label), key=f"sug_{i}_{sug.sleutel}", on_click=_voeg_toe,
                  args=(sug.soort, sug.sleutel), icon=":material/add:", width="stretch")
        st.caption(md_escape(sug.reden))


def _voeg_toe(soort: str, sleutel: str) -> None:
    key = s.K_GROEP if soort == "groep" else s.K_SBI
    huidig = list(st.session_state.get(key) or [])
    if sleutel not in huidig:
        st.session_state[key] = huidig + [sleutel]


def _boom(boom: list[sbi.Knoop]) -> None:
    versie = st.radio("Versie", sbi.VERSIES, key=K_BOOM_VERSIE, horizontal=True,
                      format_func=lambda v: f"SBI {v}")
    kinderen: dict[str | None, list[sbi.Knoop]] = {}
    for k in boom:
        if k.versie in (versie, ""):  # '' = the node 'SBI onbekend', shown in both versions
            kinderen.setdefault(k.ouder, []).append(k)
    gekozen, ouder = None, None
    for niveau in ("Sectie", "Afdeling", "Groep", "Klasse", "Subklasse"):
        opties = kinderen.get(ouder, [])
        if not opties:
            break
        keuze = st.selectbox(niveau, [None, *opties], key=f"boom_{versie}_{niveau}",
                             format_func=lambda k: ALLE if k is None else sbi.label(k))
        if keuze is None:
            break
        gekozen, ouder = keuze, keuze.sleutel
    if gekozen is not None:
        st.button(f"{'SBI onbekend' if gekozen.niveau == sbi.ONBEKEND else gekozen.code} "
                  "toevoegen aan de selectie", on_click=_voeg_toe,
                  args=("sbi", gekozen.sleutel), icon=":material/add:", key="boom_toevoegen")
    else:
        st.caption("Kies een sectie en zo nodig een afdeling, groep, klasse of subklasse.")


def _filters() -> None:
    s.keep_valid(st.session_state, s.K_STATUS, STATUS_NAAM, "actief")
    s.keep_valid(st.session_state, s.K_SOORT, SOORT_NAAM, "alle")
    st.radio("Status op de peildatum", list(STATUS_NAAM), format_func=STATUS_NAAM.get,
             key=s.K_STATUS, horizontal=True)
    st.radio("Hoofd- of nevenvestiging", list(SOORT_NAAM), format_func=SOORT_NAAM.get, key=s.K_SOORT,
             horizontal=True)
    van, tot = st.columns(2)
    with van:
        st.date_input("Inschrijving vanaf", key=s.K_VAN, format="DD-MM-YYYY",
                      min_value=date(1900, 1, 1))
    with tot:
        st.date_input("t/m", key=s.K_TOT, format="DD-MM-YYYY",
                      min_value=date(1900, 1, 1))
    st.checkbox("Ook vestigingen die alleen via een trefwoord in de naam bij een groep horen",
                key=s.K_TREFWOORD,
                help="Standaard telt een vestiging bij een branchegroep door haar SBI-code. "
                     "Met dit vinkje tellen ook namen als ‘Nagelstudio …’ met een andere code mee.")
    st.checkbox("SBI-codes alleen als hoofdactiviteit", key=s.K_HOOFDACT,
                help="Branchegroepen en gekozen SBI-codes tellen dan alleen vestigingen met die "
                     "code als hoofdactiviteit, zoals het signaal ‘Concentratie van een branche "
                     "in een buurt’: met dit vinkje geeft de kaart per buurt dezelfde LQ.")
