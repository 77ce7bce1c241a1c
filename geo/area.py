"""Gebied analyseren: what lies inside a drawn polygon or rectangle.

The shape arrives as GeoJSON in lon/lat (from the map's draw tool) and is transformed to RD in
SQL. Totals describe everything inside (verblijfsobjecten, panden, active vestigingen, RDW
recognitions, active vestigingen per branch group); the list holds the vestigingen of the
current selection (geo.concentration.Filter) inside, so it matches what the map shows.
"""

from __future__ import annotations

import json

from geo import concentration, stored
from geo.branches import load_branches
from geo.concentration import Filter
from geo.sqlfiles import fetch_rows, sql_text


def _ensure_membership(con) -> None:
    """branche_lid on this connection: the caller's (ui.data registers it when the stored one is
    out of date), the snapshot's stored table, or computed here."""
    stored.ensure_membership(con)


def analyse(con, geometry: dict, filt: Filter) -> dict:
    """Counts (vestigingen = active ones inside) and `lijst`: the selection's vestigingen inside
    `geometry` (GeoJSON, lon/lat)."""
    _ensure_membership(con)
    vorm = json.dumps(geometry)
    params = {"vorm": vorm, "peildatum": filt.peildatum}
    totals = fetch_rows(con, sql_text("gebied_totalen"), params)[0]
    groepen = fetch_rows(con, sql_text("gebied_groepen"), params)
    branches = load_branches()
    for g in groepen:
        g["naam"], g["kleur"] = branches.naam(g["groep"]), branches.kleur(g["groep"])
    lijst = fetch_rows(con, concentration.selection_sql("gebied_vestigingen"),
                  {**filt.params(), "vorm": vorm})
    return {**totals, "gebruiksdoelen": fetch_rows(con, sql_text("gebied_gebruiksdoelen"),
                                               {"vorm": vorm}),
            "groepen": groepen, "lijst": lijst}
