"""Taking a source out of the register, for instance one whose file is wrong or gone and makes
every build fail. The snapshot in use keeps it until the next build; nothing else changes."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from loaders import admin
from ui.components.upload.controle import MELDING
from ui.text import md_escape


def toon(data_dir: Path, register: list[admin.Bron]) -> None:
    if not register:
        return
    with st.expander("Een bron uit het register halen"):
        st.caption("De bron blijft in de snapshot die nu in gebruik is; de volgende bouw laat hem "
                   "weg. Gebruik dit voor een bron die niet meer klopt of waarvan het bestand weg is.")
        namen = [b.bron for b in register]
        naam = st.selectbox("Bron", namen, index=None, placeholder="Kies een bron",
                            key="gegevens_weg_bron")
        if naam is None:
            return
        bron = next(b for b in register if b.bron == naam)
        if admin.enige_bag(bron, register):
            st.warning("Dit is de enige BAG-bron: zonder BAG kan er geen nieuwe snapshot worden "
                       "gebouwd.", icon=":material/warning:")
        zeker = st.checkbox(f"Ja, haal '{md_escape(naam)}' uit het register", key="gegevens_weg_zeker")
        if st.button("Uit het register halen", disabled=not zeker, key="gegevens_weg"):
            admin.remove(data_dir, naam)
            st.session_state[MELDING] = (f"Bron '{naam}' is uit het register gehaald. Bouw een "
                                         "nieuwe snapshot om hem ook uit de gegevens te halen.")
            st.session_state.pop("gegevens_weg_zeker", None)
            st.rerun()
