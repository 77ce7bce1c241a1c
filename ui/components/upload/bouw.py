"""Building a new snapshot from the page: start it, follow its steps, see how it ended.

The build runs in its own process (loaders.rebuild, reached through loaders.admin); this panel
polls its progress file once a second while it runs (a fragment, so only the panel reruns) and
refreshes the whole page when it ends, so the sources and snapshots below show the new state.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from geo.nlformat import as_datetime
from loaders import admin
from ui.components.upload.controle import pagina_advies
from ui.format import datumtijd, getal
from ui.text import md_escape

POLL_S = 1.0
BEZIG_UITLEG = ("Tijdens het bouwen blijft de huidige snapshot in gebruik; iedereen kan gewoon "
                "doorwerken. U kunt deze pagina verlaten: de bouw gaat door.")


def toon(data_dir: Path, mag_bouwen: bool, wachtend: list[str]) -> None:
    """The whole panel is one fragment: while a build runs only the panel reruns, once a second."""
    bezig = admin.build_running(data_dir)
    st.fragment(_paneel, run_every=POLL_S if bezig else None)(str(data_dir), bezig, mag_bouwen,
                                                               wachtend)


def _paneel(data_dir: str, volgen: bool, mag_bouwen: bool, wachtend: list[str]) -> None:
    v = admin.build_progress(Path(data_dir))
    if volgen and v.toestand != "bezig":
        st.rerun(scope="app")  # it ended: show the new state of the whole page
    if wachtend and v.toestand != "bezig":
        st.info("Geregistreerd maar nog niet in de snapshot: " + md_escape(", ".join(wachtend))
                + ". Bouw een nieuwe snapshot om ze te gebruiken.", icon=":material/pending:")
    if mag_bouwen:
        _knop(Path(data_dir), v.toestand == "bezig", bool(wachtend))
    if v.toestand == "bezig":
        _bezig(Path(data_dir), v, mag_bouwen)
    elif v.toestand == "klaar":
        _klaar(v)
    elif v.toestand in ("mislukt", "afgebroken", "onderbroken"):
        _niet_gelukt(v)


def _knop(data_dir: Path, bezig: bool, wachtend: bool) -> None:
    st.caption("Bouwen leest alle geregistreerde bronnen opnieuw, koppelt KVK aan de BAG en zet "
               "de nieuwe snapshot pas in gebruik als alles gelukt is.")
    if st.button("Nieuwe snapshot bouwen", type="primary" if wachtend else "secondary",
                 icon=":material/build:", disabled=bezig, key="gegevens_bouwen"):
        try:
            admin.start_build(data_dir)
        except admin.BouwBezig as exc:
            st.warning(md_escape(exc), icon=":material/hourglass_top:")
            return
        st.rerun(scope="app")


def _bezig(data_dir: Path, v: admin.Voortgang, mag_bouwen: bool) -> None:
    gedaan = sum(1 for s in v.stappen if s.seconden is not None)
    huidig = next((s.naam for s in v.stappen if s.seconden is None),
                  "afronden" if v.stappen else "voorbereiden")
    st.progress(v.fractie, text=md_escape(f"Bezig: {huidig}… ({gedaan} van {v.totaal} stappen klaar)"))
    st.caption(BEZIG_UITLEG)
    _stappen(v)
    if mag_bouwen and st.button("Bouw afbreken", icon=":material/cancel:", key="gegevens_afbreken"):
        admin.stop_build(data_dir)


def _klaar(v: admin.Voortgang) -> None:
    duur = _duur(v)
    tekst = (f"**De laatste bouw is gelukt** ({datumtijd(v.klaar_op)}{duur}). In gebruik: "
             f"snapshot {md_escape(v.snapshot or '–')}.")
    if v.snapshot and v.snapshot == v.snapshot_voor:
        tekst += " De bronnen waren niet veranderd, dus de inhoud is dezelfde gebleven."
    st.success(tekst, icon=":material/check_circle:")
    with st.expander("Stappen van de laatste bouw"):
        _stappen(v)


def _niet_gelukt(v: admin.Voortgang) -> None:
    kop = {"mislukt": "De bouw is mislukt.", "afgebroken": "De bouw is afgebroken.",
           "onderbroken": "De bouw is onderbroken: het bouwproces stopte zonder af te ronden "
                          "(bijvoorbeeld door een herstart van de server)."}[v.toestand]
    reden = pagina_advies(v.fout) if v.fout else (
        "Onverwachte fout; zie de technische details." if v.toestand == "mislukt" else "")
    st.error(f"**{kop}** {md_escape(reden)}", icon=":material/error:")
    vorige = (f"De vorige snapshot ({md_escape(v.snapshot_voor)}) blijft in gebruik; er is niets "
              "verloren gegaan of half veranderd." if v.snapshot_voor else
              "Er was nog geen snapshot, en er is er ook geen half gemaakt.")
    st.markdown(f"{vorige} Verbeter zo nodig de bron en start de bouw opnieuw.")
    with st.expander("Technische details voor de beheerder"):
        st.code(v.details or "(geen uitvoer)", language=None)


def _stappen(v: admin.Voortgang) -> None:
    if not v.stappen:
        st.caption("Nog geen stappen gemeld.")
        return
    regels = []
    for s in v.stappen:
        if s.seconden is None:
            regels.append(f"- :material/hourglass_top: {md_escape(s.naam)} …")
        else:
            regels.append(f"- :material/check: {md_escape(s.naam)} ({getal(s.seconden, 1)} s)")
    st.markdown("\n".join(regels))


def _duur(v: admin.Voortgang) -> str:
    begin, eind = as_datetime(v.gestart_op), as_datetime(v.klaar_op)
    if begin is None or eind is None:
        return ""
    return f", in {getal((eind - begin).total_seconds())} s"
