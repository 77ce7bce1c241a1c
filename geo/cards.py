"""Object cards: everything the snapshot knows about a building, an address, a ligplaats or
standplaats, or a company.

Cards are plain dicts built from the snapshot only; the peildatum is on every card so a reader
knows which moment it describes. Indicator hits are passed in (computed once elsewhere).
"""

from __future__ import annotations

import re

from geo.sqlfiles import fetch_rows, sql_text

BAG_VIEWER = "https://bagviewer.kadaster.nl/lvbag/bag-viewer/?objectId={}"
BAG_ID = re.compile(r"[0-9]{16}")
KLIK_MARGE_M = 15.0
PLAATS_MARGE_M = 2.0  # a click must (nearly) hit the plot: a pand nearby is the likelier aim


def bag_viewer(bag_id: object) -> str | None:
    """The Kadaster BAG viewer link for a BAG object, built only from a valid 16-digit BAG id:
    an identifier from a hostile file never becomes part of a link."""
    if isinstance(bag_id, str) and BAG_ID.fullmatch(bag_id):
        return BAG_VIEWER.format(bag_id)
    return None


def _rows(con, name: str, params: dict) -> list[dict]:
    return fetch_rows(con, sql_text(name), params)


def pand_at(con, lon: float, lat: float) -> str | None:
    """The pand under a clicked point, or the nearest within a few metres."""
    rows = _rows(con, "object_pand_op_punt", {"lon": lon, "lat": lat, "marge": KLIK_MARGE_M})
    return rows[0]["identificatie"] if rows else None


def pand_card(con, pand_id: str, peildatum: str, hits: dict | None = None) -> dict | None:
    """The pand, every verblijfsobject in it, and every vestiging at those addresses."""
    pand = _rows(con, "object_pand", {"pand": pand_id})
    if not pand:
        return None
    vbos = _rows(con, "object_pand_verblijfsobjecten", {"pand": pand_id})
    vestigingen = _rows(con, "object_pand_vestigingen", {"pand": pand_id,
                                                         "peildatum": peildatum})
    neven = _nevenadressen(con, [v["identificatie"] for v in vbos])
    for vbo in vbos:
        vbo["vestigingen"] = [v for v in vestigingen if v["verblijfsobject_id"] ==
                              vbo["identificatie"]]
        vbo["nevenadressen"] = neven.get(vbo["identificatie"], [])
        vbo["bag_viewer"] = bag_viewer(vbo["identificatie"])
        vbo["signalen"] = (hits or {}).get(("adres", vbo["identificatie"]), [])
    card = {**pand[0], "verblijfsobjecten": vbos, "peildatum": peildatum,
            "bag_viewer": bag_viewer(pand_id),
            "signalen": (hits or {}).get(("pand", pand_id), [])}
    card["signalen_vestigingen"] = {v["vestigingsnummer"]: (hits or {}).get(
        ("vestiging", v["vestigingsnummer"]), []) for v in vestigingen}
    return card


def plaats_at(con, lon: float, lat: float) -> str | None:
    """The ligplaats or standplaats under a clicked point, or the nearest within a few metres."""
    rows = _rows(con, "object_plaats_op_punt", {"lon": lon, "lat": lat, "marge": PLAATS_MARGE_M})
    return rows[0]["identificatie"] if rows else None


def plaats_card(con, plaats_id: str, peildatum: str, hits: dict | None = None) -> dict | None:
    """A ligplaats or standplaats: its addresses (hoofd and neven) and every vestiging on it."""
    rows = _rows(con, "object_plaats", {"plaats": plaats_id})
    if not rows:
        return None
    vestigingen = _rows(con, "object_plaats_vestigingen", {"plaats": plaats_id,
                                                           "peildatum": peildatum})
    return {**rows[0], "peildatum": peildatum, "vestigingen": vestigingen,
            "nevenadressen": _nevenadressen(con, [plaats_id]).get(plaats_id, []),
            "bag_viewer": bag_viewer(plaats_id),
            "signalen": (hits or {}).get(("adres", plaats_id), []),
            "signalen_vestigingen": {v["vestigingsnummer"]: (hits or {}).get(
                ("vestiging", v["vestigingsnummer"]), []) for v in vestigingen}}


def _nevenadressen(con, objecten: list[str]) -> dict[str, list[dict]]:
    """Object id -> its nevenadressen."""
    per: dict[str, list[dict]] = {}
    if objecten:
        for row in _rows(con, "object_nevenadressen", {"objecten": objecten}):
            per.setdefault(row["adresseerbaar_id"], []).append(row)
    return per


def vestiging_card(con, vestigingsnummer: str, peildatum: str, hits: dict | None = None
                   ) -> dict | None:
    """A vestiging and all vestigingen of the same company (for highlighting on the map)."""
    rows = _rows(con, "object_vestiging", {"vestiging": vestigingsnummer, "peildatum": peildatum})
    if not rows:
        return None
    card = {**rows[0], "peildatum": peildatum,
            "signalen": (hits or {}).get(("vestiging", vestigingsnummer), [])}
    card["onderneming"] = _rows(con, "object_onderneming", {"kvk": card["kvk_nummer"],
                                                            "peildatum": peildatum})
    card["kandidaten"] = _rows(con, "object_vestiging_kandidaten", {"vestiging": vestigingsnummer})
    return card
