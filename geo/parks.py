"""Bedrijventerrein profiles: every park (each source apart: IBIS and eigen intekening side by
side, because no single definition exists) against the municipality as a whole.

A pand belongs to a park when its centroid lies inside; an address (and the vestigingen on it)
when the build put its verblijfsobject in the park (gebied_lid). "Automotive" means what the
indicator automotive_zonder_rdw means (SBI hoofdactiviteit), so the figures agree.
"""

from __future__ import annotations

import json

import pyarrow as pa

from geo import indicators
from geo.branches import load_branches
from geo.sqlfiles import fetch_rows, run_script, sql_text

JAREN = (1, 3, 5)
SIGNAAL_SCHEMA = pa.schema([("indicator", pa.string()), ("object_id", pa.string()),
                            ("verblijfsobject_id", pa.string()), ("pand_id", pa.string())])


def prepare(con, prepared: bool = False) -> None:
    """Temp tables of park_basis.sql (and the indicator basis, unless already prepared)."""
    if not prepared:
        indicators.prepare(con)
    indicators.set_parameters(con, indicators.by_id("automotive_zonder_rdw"))
    run_script(con, "park_basis")


def profielen(con, resultaten: dict[str, list[dict]] | None = None) -> list[dict]:
    """One profile per park and one for the municipality (soort 'gemeente'), each with its
    branch counts, turnover per period and (given indicator results) signals per indicator."""
    rows = _rows(con, "park_profiel")
    branches = _grouped(_rows(con, "park_branches"), "groep", "aantal")
    verloop: dict[str, dict] = {}
    for r in _rows(con, "park_verloop"):
        verloop.setdefault(r["gebied_id"], {})[r["jaren"]] = (r["gestart"], r["beeindigd"])
    signalen = _grouped(signal_counts(con, resultaten or {}), "indicator", "aantal")
    for row in rows:
        key = row["gebied_id"]
        row["branches"] = branches.get(key, {})
        row["verloop"] = verloop.get(key, {j: (0, 0) for j in JAREN})
        row["signalen"] = signalen.get(key, {})
    return rows


def signal_counts(con, resultaten: dict[str, list[dict]]) -> list[dict]:
    """(gebied_id, indicator, aantal) of the object-level results that lie in a park."""
    signaal = pa.Table.from_pylist(
        [{k: r.get(k) for k in SIGNAAL_SCHEMA.names} for rows in resultaten.values()
         for r in rows], schema=SIGNAAL_SCHEMA)
    con.register("signaal", signaal)
    return _rows(con, "park_signalen")


def parken(profielen_: list[dict]) -> list[dict]:
    return [p for p in profielen_ if p["soort"] == "bedrijventerrein"]


def gemeente(profielen_: list[dict]) -> dict | None:
    """The municipality's profile (the one with the most active vestigingen if several)."""
    rows = [p for p in profielen_ if p["soort"] == "gemeente"]
    return max(rows, key=lambda p: p["vestigingen"]) if rows else None


def branche_mix(profiel: dict, vergelijk: dict | None) -> list[dict]:
    """Per branch group: count and share in the park, share in the municipality and the ratio
    of the two (LQ; 2 = twice as common as in the municipality). Shares in % of all active
    vestigingen; groups overlap, so they need not add up to 100."""
    out = []
    for groep in load_branches().groepen:
        aantal = profiel["branches"].get(groep.id, 0)
        aandeel = _pct(aantal, profiel["vestigingen"])
        elders = _pct(vergelijk["branches"].get(groep.id, 0), vergelijk["vestigingen"]) \
            if vergelijk else None
        lq = round(aandeel / elders, 1) if aandeel is not None and elders else None
        out.append({"groep": groep.id, "naam": groep.naam, "kleur": groep.kleur,
                    "aantal": aantal, "aandeel": aandeel, "aandeel_gemeente": elders, "lq": lq})
    return out


def rdw_dekking(profiel: dict) -> tuple[float | None, float | None]:
    """% of active automotive vestigingen with an RDW recognition at their address, and at
    their address or elsewhere in their pand."""
    n = profiel["automotive"]
    return _pct(profiel["automotive_rdw_adres"], n), _pct(profiel["automotive_rdw_pand"], n)


def kaart(con, gebied_id: str, peildatum: str) -> dict:
    """Outline, panden (GeoJSON in lon/lat) and addresses with active vestigingen of one area.
    Needs no preparation: any cursor on the snapshot will do."""
    vlakken = _rows(con, "park_kaart_vlakken", {"gebied": gebied_id})
    for v in vlakken:
        v["geometrie"] = json.loads(v["geometrie"])
    adressen = _rows(con, "park_kaart_adressen", {"gebied": gebied_id, "peildatum": peildatum})
    leden = [r["verblijfsobject_id"] for r in _rows(con, "park_leden", {"gebied": gebied_id})]
    return {"gebied": [v for v in vlakken if v["laag"] == "gebied"],
            "panden": [v for v in vlakken if v["laag"] == "pand"], "adressen": adressen,
            "verblijfsobjecten": leden}


def in_park(rows: list[dict], kaart_: dict) -> list[dict]:
    """The indicator results that lie in the park of `kaart_`, by the rule of
    park_signalen.sql: on one of its addresses, or (without an address) on one of its panden."""
    adressen = set(kaart_["verblijfsobjecten"])
    panden = {p["id"] for p in kaart_["panden"]}
    return [r for r in rows if (r["verblijfsobject_id"] in adressen
                                if r.get("verblijfsobject_id") is not None
                                else r.get("pand_id") in panden)]


def _pct(deel: int, geheel: int | None) -> float | None:
    return round(100 * deel / geheel, 1) if geheel else None


def _grouped(rows: list[dict], key: str, value: str) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for r in rows:
        out.setdefault(r["gebied_id"], {})[r[key]] = r[value]
    return out


def _rows(con, name: str, params: dict | None = None) -> list[dict]:
    return fetch_rows(con, sql_text(name), params)
