"""Gebied analyseren: the figures for the area the analyst drew, the selection's vestigingen
inside it, and their download in the DOOK layout."""

from __future__ import annotations

import streamlit as st

from geo.branches import Branches
from geo.concentration import Filter
from geo.nlformat import datum, getal
from ui import data
from ui.components import overzicht
from ui.tabel import nl_tabel
from ui.text import md_escape

UITLEG = ("Teken een gebied met de knoppen links op de kaart (vlak of rechthoek) om te zien "
          "wat erin ligt: verblijfsobjecten, vestigingen per branchegroep, RDW-erkende "
          "bedrijven en de lijst, te downloaden als CSV of Excel.")


def render(snapshot: str, vorm: str | None, filt: Filter, branches: Branches) -> None:
    st.subheader("Gebied analyseren", anchor=False)
    if vorm is None:
        st.caption(UITLEG)
        return
    uitkomst = data.gebied_analyse(snapshot, vorm, filt)
    _cijfers(uitkomst)
    doelen, groepen = st.columns(2)
    with doelen:
        st.markdown("**Verblijfsobjecten per gebruiksdoel**")
        st.dataframe(nl_tabel([{"Gebruiksdoel": r["gebruiksdoel"], "Aantal": r["aantal"]}
                               for r in uitkomst["gebruiksdoelen"]]), hide_index=True, width="stretch")
    with groepen:
        st.markdown("**Actieve vestigingen per branchegroep**")
        st.dataframe(nl_tabel([{"Branchegroep": g["naam"], "Op SBI-code": g["aantal"],
                                "Alleen op trefwoord": g["alleen_trefwoord"]}
                               for g in uitkomst["groepen"]]), hide_index=True, width="stretch")
    lijst = uitkomst["lijst"]
    st.markdown(f"**Vestigingen van de selectie in dit gebied: {getal(len(lijst))}** "
                f"({md_escape(overzicht.beschrijving(filt, branches))})")
    st.dataframe([_regel(v, branches) for v in lijst], hide_index=True, width="stretch",
                 height=min(400, 38 + 35 * max(len(lijst), 1)))
    nummers = tuple(v["vestigingsnummer"] for v in lijst)
    overzicht.download(snapshot, nummers, "getekend gebied; " + overzicht.beschrijving(
        filt, branches), "gebied", "Gebied downloaden")


def _cijfers(u: dict) -> None:
    kolommen = st.columns(5)
    for kolom, (label, waarde) in zip(kolommen, [
        ("Oppervlakte", f"{getal(u['oppervlakte_ha'], 1)} ha"),
        ("Panden", getal(u["panden"])),
        ("Verblijfsobjecten", getal(u["verblijfsobjecten"])),
        ("Actieve vestigingen", getal(u["vestigingen"])),
        ("RDW-erkend", getal(u["rdw_erkend"])),
    ], strict=True):
        kolom.metric(label, waarde)


def _regel(v: dict, branches: Branches) -> dict:
    return {"Naam": v["naam"], "KVK-nummer": v["kvk_nummer"], "Adres": v["adres"],
            "SBI": " ".join(p for p in (v["sbi_hoofd"], v["sbi_omschrijving"]) if p),
            "Branchegroep": branches.naam(v["groep"]) if v["groep"] else "",
            "Ingeschreven": datum(v["datum_aanvang"]),
            "Beëindigd": datum(v["datum_einde"]) if v["datum_einde"] else ""}
