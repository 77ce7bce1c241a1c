"""Cache wrappers for the analysis pages (Signalen, Inventarisatie, Bedrijventerreinen,
Veranderingen). Keyed on the snapshot path, like ui/data.py: a rebuild means new keys.

`analyse` computes, on one cursor, everything that rests on branch membership (indicator
results, the beauty inventory, the bedrijventerrein profiles), so that is done once per
snapshot. Exports are made on demand; they carry the 'Verantwoording' sheet.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import streamlit as st

from cases.model import CasusFout
from exports import dook_csv
from geo import changes, db, indicators, inventory, parks, snapshots, stored
from ui import cases_data, data
from ui import kaartrechten as rechten
from ui.kaartrechten import per_rechten


@per_rechten(st.cache_data(max_entries=4, show_spinner="Signalen en overzichten berekenen…"))
def analyse(snapshot: str) -> dict:
    """{'resultaten': {indicator id: rows}, 'fouten': {id: message}, 'inventaris': rows,
    'profielen': park profiles}. An indicator that fails is reported, never left out silently."""
    resultaten, fouten = {}, {}
    with data.cursor(snapshot) as cur:
        indicators.prepare(cur)
        opgeslagen = stored.results(cur)  # what the build stored, while still valid
        for indicator in data.zichtbare_indicatoren():
            if opgeslagen is not None:
                uitkomst = opgeslagen[indicator.id]
                resultaten[indicator.id] = [dict(r) for r in uitkomst["rijen"]]
                if uitkomst["fout"]:
                    fouten[indicator.id] = uitkomst["fout"]
                continue
            try:
                resultaten[indicator.id] = indicators.run(cur, indicator)
            except indicators.NietBerekend as exc:
                resultaten[indicator.id], fouten[indicator.id] = [], str(exc)
            except duckdb.Error as exc:
                resultaten[indicator.id] = []
                fouten[indicator.id] = f"Dit signaal kon niet worden berekend: {exc}"
        inventaris = inventory.vestigingen(cur, prepared=True)
        parks.prepare(cur, prepared=True)
        profielen = parks.profielen(cur, resultaten)
    return {"resultaten": resultaten, "fouten": fouten, "inventaris": inventaris,
            "profielen": profielen}


@per_rechten(st.cache_data(max_entries=32, show_spinner=False))
def park_kaart(snapshot: str, gebied_id: str, peildatum: str) -> dict:
    with data.cursor(snapshot) as cur:
        return parks.kaart(cur, gebied_id, peildatum)


def vorige_snapshot() -> str | None:
    """The previous snapshot, read on every run (a rebuild changes it)."""
    path = snapshots.previous_snapshot(db.data_dir())
    return None if path is None else str(path)


@per_rechten(st.cache_data(max_entries=4, show_spinner="Veranderingen berekenen…"))
def veranderingen(snapshot: str, vorige: str) -> dict:
    """Registrations that started or ended between the two snapshots, and both peildata."""
    con = changes.open_pair(Path(snapshot), Path(vorige), rechten.actief())
    try:
        peildatum, peildatum_vorige = changes.peildata(con)
        return {"registraties": changes.registraties(con), "peildatum": peildatum,
                "peildatum_vorige": peildatum_vorige}
    finally:
        con.close()


def gebruiker() -> str:
    """Who makes an export, for its 'Verantwoording' sheet ('onbekend' without a case store)."""
    try:
        user = cases_data.user()
    except CasusFout:
        user = None
    return user.weergavenaam if user else "onbekend"


@per_rechten(st.cache_data(max_entries=16, show_spinner=False))
def verantwoording(snapshot: str, selectie: str, gebruiker_: str) -> list[tuple[str, str]]:
    with data.cursor(snapshot) as cur:
        return dook_csv.accountability(cur, selectie, gebruiker_)
