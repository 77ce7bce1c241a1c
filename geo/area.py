"""Gebied analyseren: what lies inside a drawn polygon or rectangle.

The shape arrives as GeoJSON in lon/lat (from the map's draw tool) and is transformed to RD once.
"""

from __future__ import annotations

import json

from geo.branches import load_branches
from geo.branches import register as register_branches
from geo.sqlfiles import sql_text


def _rows(con, name: str, params: dict) -> list[dict]:
    cur = con.execute(sql_text(name), params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def analyse(con, geometry: dict, peildatum: str) -> dict:
    """Counts (verblijfsobjecten per gebruiksdoel, active vestigingen per branch group, RDW
    recognitions) and the list of active vestigingen inside `geometry` (GeoJSON, lon/lat)."""
    register_branches(con)
    params = {"vorm": json.dumps(geometry), "peildatum": peildatum}
    totals = _rows(con, "gebied_totalen", params)[0]
    groepen = _rows(con, "gebied_groepen", params)
    branches = load_branches()
    for g in groepen:
        g["naam"], g["kleur"] = branches.naam(g["groep"]), branches.kleur(g["groep"])
    return {**totals, "gebruiksdoelen": _rows(con, "gebied_gebruiksdoelen", params),
            "groepen": groepen, "vestigingen": _rows(con, "gebied_vestigingen", params)}
