"""KernCluster-overzicht (PDF) on the Casussen overview: pick visible cases, get one PDF with a
cover page and a page per case (exports.kerncluster_pdf.overview_pdf).

The PDF is made only after "Maak PDF"; each case is read through cases.access.case_file (access
check and audit line per case) and the export itself is logged. Without names and addresses by
default; switching that off is logged too.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from cases import access
from cases.model import Casus, CasusFout, Gebruiker
from exports.kerncluster_pdf import dossier_to_dict, overview_pdf
from exports.mapshot.render import SnapshotOptions
from ui import cases_data, data
from ui.text import md_escape

K_KEUZE, K_PRIVACY, K_TITEL = "kc_casussen", "kc_privacy", "kc_titel"
PDF = "_kc_pdf"  # (sleutel, bytes) of the last PDF made
TITEL = "KernCluster Ondermijning: casusoverzicht"


def render(gebruiker: Gebruiker, cases: list[Casus]) -> None:
    with st.expander("KernCluster-overzicht (PDF)", expanded=False, icon=":material/picture_as_pdf:"):
        _paneel(gebruiker, cases)


def _paneel(gebruiker: Gebruiker, cases: list[Casus]) -> None:
    snapshot = data.snapshot_path()
    if snapshot is None:
        st.info("Er is geen gegevensbestand; het overzicht met kaartjes kan niet worden gemaakt.",
                icon=":material/info:")
        return
    per_id = {c.id: c for c in cases}
    st.session_state[K_KEUZE] = [i for i in st.session_state.get(K_KEUZE, []) if i in per_id]
    keuze = st.multiselect("Casussen voor de bespreking", list(per_id), key=K_KEUZE,
                           format_func=lambda i: f"{per_id[i].casusnummer} · {per_id[i].titel}",
                           placeholder="Kies een of meer casussen")
    titel = st.text_input("Titel", value=TITEL, key=K_TITEL, max_chars=120).strip() or TITEL
    privacy = st.toggle("Zonder namen en adressen", value=True, key=K_PRIVACY,
                        on_change=_privacy_gewijzigd)
    if not privacy:
        st.warning("Let op: het overzicht bevat nu namen en adressen. Dat de privacyschakelaar uit "
                   "staat, is vastgelegd.", icon=":material/warning:")
    sleutel = (tuple(keuze), titel, privacy)
    if st.button("Maak PDF", key="kc_maak_pdf", disabled=not keuze):
        with st.spinner("Het overzicht wordt gemaakt…"):
            _maak(snapshot, gebruiker, [per_id[i] for i in keuze], titel, privacy, sleutel)
    gemaakt = st.session_state.get(PDF)
    if gemaakt and gemaakt[0] == sleutel:
        st.download_button("PDF downloaden", data=gemaakt[1], mime="application/pdf",
                           file_name=f"kerncluster-overzicht-{date.today():%Y-%m-%d}.pdf",
                           key="kc_download", on_click="ignore", icon=":material/download:")
    st.caption("Eén pagina per casus met kaartje, fase, hypothese, interventies en gekoppelde "
               "objecten. Elke casus die u opneemt en elke export wordt vastgelegd.")


def _maak(snapshot: str, gebruiker: Gebruiker, gekozen: list[Casus], titel: str, privacy: bool,
          sleutel: tuple) -> None:
    st.session_state.pop(PDF, None)
    try:
        dossiers = [dossier_to_dict(access.case_file(cases_data.store(), gebruiker, c.id))
                    for c in gekozen]
        opties = SnapshotOptions(title=titel, privacy=privacy, author=gebruiker.weergavenaam)
        with data.cursor(snapshot) as con:
            pdf = overview_pdf(dossiers, con, opties)
        cases_data.log_export("KernCluster-overzicht PDF", casussen=[c.casusnummer for c in gekozen],
                              titel=titel, privacy="aan" if privacy else "uit")
    except CasusFout as exc:
        st.error(md_escape(str(exc)), icon=":material/error:")
        return
    st.session_state[PDF] = (sleutel, pdf)


def _privacy_gewijzigd() -> None:
    aan = bool(st.session_state.get(K_PRIVACY, True))
    cases_data.log_export("privacy uit" if not aan else "privacy aan",
                          onderdeel="KernCluster-overzicht", privacy="aan" if aan else "uit")
