"""The panel beside the map when nothing is opened: the selection in words and figures, per
branch group, and the download of the whole selection in the DOOK layout."""

from __future__ import annotations

import streamlit as st

from geo.branches import Branches
from geo.concentration import Filter
from geo.nlformat import datum, getal, meervoud
from ui import cases_data, data
from ui.text import md_escape, md_html

STATUS = {"actief": "actief op {peildatum}", "beeindigd": "beëindigd op of vóór {peildatum}",
          "alle": "actief en beëindigd"}
SOORT = {"alle": "hoofd- en nevenvestigingen", "hoofd": "alleen hoofdvestigingen",
         "neven": "alleen nevenvestigingen"}
HINT = ("Klik op een pand of een vestiging op de kaart, of zoek hierboven, om alles te zien wat "
        "de gegevens erover zeggen. Teken een gebied met de knoppen links op de kaart om het te "
        "analyseren.")


def beschrijving(filt: Filter, branches: Branches) -> str:
    """The selection in one line of Dutch, for the panel and for the accountability of exports."""
    delen = []
    if filt.groepen:
        delen.append("branchegroepen " + ", ".join(branches.naam(g) for g in filt.groepen))
    if filt.sbi:
        delen.append("SBI " + ", ".join(k.replace(":", " ") for k in filt.sbi))
    if not delen:
        delen.append("alle branches")
    if filt.trefwoord:
        delen.append("ook op trefwoord in de naam")
    if filt.alleen_hoofd:
        delen.append("SBI alleen als hoofdactiviteit")
    delen.append(STATUS[filt.status].format(peildatum=datum(filt.peildatum)))
    delen.append(SOORT[filt.soort])
    if filt.van or filt.tot:
        delen.append("ingeschreven " + " ".join(p for p in (
            f"vanaf {datum(filt.van)}" if filt.van else "",
            f"tot en met {datum(filt.tot)}" if filt.tot else "") if p))
    return "; ".join(delen)


def render(snapshot: str, filt: Filter, branches: Branches) -> None:
    st.markdown("#### Selectie")
    st.caption(md_escape(beschrijving(filt, branches)))
    totaal = data.totalen(snapshot, filt)
    tekst = f"**{meervoud(totaal['aantal'], 'vestiging', 'vestigingen')}** in de selectie"
    if totaal["aantal_zonder_locatie"]:
        tekst += (f", waarvan {getal(totaal['aantal_zonder_locatie'])} zonder locatie "
                  "(niet op de kaart, wel in de download)")
    st.markdown(tekst + ".")
    if not totaal["aantal"]:
        st.warning("Geen enkele vestiging voldoet aan deze selectie. Kies minder branches of "
                   "codes, of verruim de filters (status, soort, datum inschrijving).",
                   icon=":material/filter_alt_off:")
    st.markdown(_groepen_html(data.per_groep(snapshot, filt), branches, filt),
                unsafe_allow_html=True)
    download(snapshot, data.selectie_nummers(snapshot, filt), beschrijving(filt, branches),
             "selectie", "SBI-selectie downloaden")
    st.info(HINT, icon=":material/touch_app:")


def _groepen_html(rows: list[dict], branches: Branches, filt: Filter) -> str:
    overig = "Geen branchegroep" if filt.groepen else branches.overig_naam
    regels = "".join(
        '<tr><td style="padding:1px 8px 1px 0"><span style="display:inline-block;width:11px;'
        f'height:11px;border-radius:50%;background:{branches.kleur(r["groep"])};'
        'margin-right:6px"></span>'
        f'{md_html(branches.naam(r["groep"]) if r["groep"] else overig)}</td>'
        f'<td style="text-align:right">{getal(r["aantal"])}</td></tr>'
        for r in rows)
    return f'<table style="border:none;font-size:0.93rem;margin-bottom:0.6rem">{regels}</table>'


def download(snapshot: str, nummers: tuple[str, ...], selectie: str, naam: str, label: str) -> None:
    """CSV and XLSX in the DOOK layout; made only when the button is pressed."""
    if not nummers:
        st.caption("Geen vestigingen om te downloaden.")
        return
    peildatum = data.meta(snapshot).get("peildatum", "")
    gebruiker = _gebruiker()
    st.markdown(f"**{label}** ({meervoud(len(nummers), 'vestiging', 'vestigingen')}, DOOK-indeling)")
    csv_kolom, xlsx_kolom = st.columns(2)
    with csv_kolom:
        st.download_button("CSV", key=f"csv_{naam}", icon=":material/download:",
                           data=cases_data.audited(f"{label} CSV", lambda: data.dook_bestand(
                               snapshot, nummers, "csv", selectie, gebruiker), aantal=len(nummers),
                               selectie=selectie),
                           file_name=f"zicht-{naam}-{peildatum}.csv", mime="text/csv",
                           on_click="ignore", width="stretch")
    with xlsx_kolom:
        st.download_button("Excel", key=f"xlsx_{naam}", icon=":material/download:",
                           data=cases_data.audited(f"{label} Excel", lambda: data.dook_bestand(
                               snapshot, nummers, "xlsx", selectie, gebruiker), aantal=len(nummers),
                               selectie=selectie),
                           file_name=f"zicht-{naam}-{peildatum}.xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           on_click="ignore", width="stretch")


def _gebruiker() -> str:
    try:
        from ui import cases_data

        user = cases_data.user()
    except Exception:  # the case register is optional for the map; never fail a download on it
        user = None
    return getattr(user, "weergavenaam", None) or "onbekend (niet ingelogd)"
