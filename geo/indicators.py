"""Indicators: transparent signals for a human weging, never verdicts, never a combined score.

Each indicator is configured in data/indicators.toml (name, explanation, parameters, the reason
template) and computed by geo/sql/indicator_<id>.sql. Every result carries the reason in words,
its location (lon/lat) and, where it has them, its verblijfsobject and pand.

`prepare` once per connection (it builds temp tables), then `run` or `run_all` on that same
connection: a cursor is a connection of its own and does not see them.
"""

from __future__ import annotations

import time
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from geo import kaartrechten, nlformat, stored_check
from geo.branches import load_branches
from geo.branches import register as register_branches
from geo.crs import sql_to_wgs84
from geo.sqlfiles import execute_checked, run_script, set_variables, sql_text
from geo.stored_check import INDICATORS_PATH

DEFAULT_PATH = INDICATORS_PATH  # geo.stored_check hashes this file
META_KEYS = {"naam", "uitleg", "objectsoort", "reden", "vereist"}
ONTBREEKT = {"rdw": "de gegevens bevatten geen RDW-erkenningen; laad de bron RDW (pagina Gegevens)",
             "buurt": "de gegevens bevatten geen CBS-buurten; laad de wijk- en buurtkaart",
             "bedrijventerrein": "de gegevens bevatten geen bedrijventerreinen; laad IBIS of een "
                                 "eigen intekening"}
OBJECTSOORT = {"adres": "Adres", "vestiging": "Vestiging", "pand": "Pand", "buurt": "Buurt"}
TABEL_KOLOMMEN = ("Indicator", "Soort object", "Id", "Adres of gebied", "Naam", "Reden",
                  "Verblijfsobject", "Pand")


# What run() returns per result, around an indicator's query ({}): the geometry as lon/lat.
RESULT_SQL = (f"SELECT * EXCLUDE (geom, c), ST_X(c) AS lon, ST_Y(c) AS lat "
              f"FROM (SELECT *, {sql_to_wgs84('ST_PointOnSurface(geom)')} AS c FROM ({{}}))")


class NietBerekend(Exception):
    """The snapshot lacks what the indicator needs (the message says what, in Dutch)."""


@dataclass(frozen=True)
class Indicator:
    id: str
    naam: str
    uitleg: str
    objectsoort: str
    reden: str
    parameters: dict = field(default_factory=dict)
    vereist: tuple[str, ...] = ()

    def parameters_tekst(self) -> str:
        """The parameters as an administrator set them, for screens and exports."""
        return "; ".join(f"{k} = {_parameter_tekst(v)}" for k, v in self.parameters.items())


@cache
def load_indicators(path: Path = DEFAULT_PATH) -> tuple[Indicator, ...]:
    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    return tuple(Indicator(id=key, naam=v["naam"], uitleg=v["uitleg"], objectsoort=v["objectsoort"],
                           reden=v["reden"],
                           parameters={k: p for k, p in v.items() if k not in META_KEYS},
                           vereist=tuple(v.get("vereist", ())))
                 for key, v in doc.items())


def by_id(indicator_id: str) -> Indicator:
    return next(i for i in load_indicators() if i.id == indicator_id)


def peildatum(con) -> str:
    return con.execute("SELECT waarde FROM meta WHERE sleutel = 'peildatum'").fetchone()[0]


def prepare(con) -> None:
    """Views and temp tables every indicator uses, on a (read-only) snapshot connection.

    Branch membership is the relation `branche_lid` when the caller registered it already
    (ui.data.cursor does when the stored one is out of date) or the snapshot's stored table
    still matches the branch groups (geo.stored); otherwise the view of geo/sql/branche_lid.sql.
    Either way indicator_basis evaluates it once, into the temp table branche_vestiging."""
    set_variables(con, peildatum=peildatum(con))
    if stored_check.registered(con) or stored_check.valid(con):
        con.register("branche_prefix", load_branches().prefix_table())
    else:
        register_branches(con)
    run_script(con, "indicator_basis")


def set_parameters(con, indicator: Indicator) -> None:
    """The indicator's parameters as DuckDB variables p_<name>."""
    set_variables(con, **{f"p_{k}": _sql_value(v) for k, v in indicator.parameters.items()})


def run(con, indicator: Indicator) -> list[dict]:
    """The objects that meet the indicator, each with `reden`, `lon`, `lat` (geom dropped).
    Raises NietBerekend when the snapshot lacks what the indicator needs."""
    rows = _query(con, indicator, RESULT_SQL)
    for row in rows:
        row["indicator"] = indicator.id
        row["reden"] = reden(indicator, row)
    return rows


def run_with_geometry(con, indicator: Indicator) -> list[dict]:
    """Like run, but keeps the geometry as RD WKB in `wkb` (for map images and GeoPackages)."""
    rows = _query(con, indicator, "SELECT * EXCLUDE (geom), ST_AsWKB(geom) AS wkb FROM ({})")
    for row in rows:
        row["reden"] = reden(indicator, {k: v for k, v in row.items() if k != "wkb"})
    return rows


def _query(con, indicator: Indicator, wrapper: str) -> list[dict]:
    if not kaartrechten.signaal_toegestaan(con, indicator.id):
        raise NietBerekend("Niet berekend: dit signaal hoort niet bij uw datarollen.")
    check_available(con, indicator)
    set_parameters(con, indicator)
    cur = execute_checked(con, wrapper.format(sql_text("indicator_" + indicator.id)))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def check_available(con, indicator: Indicator) -> None:
    cur = execute_checked(con, sql_text("indicator_beschikbaar"))
    heeft = dict(zip([d[0] for d in cur.description], cur.fetchone(), strict=True))
    missing = [v for v in indicator.vereist if not heeft.get(v)]
    if missing:
        raise NietBerekend("Niet berekend: " + "; ".join(ONTBREEKT.get(v, v) for v in missing) + ".")


def run_all(con, timings: dict[str, float] | None = None) -> dict[str, list[dict]]:
    """Every indicator's results by id (an indicator that cannot be computed for lack of data
    gives no rows); seconds per indicator go into `timings` when given."""
    out = {}
    for indicator in load_indicators():
        start = time.perf_counter()
        try:
            out[indicator.id] = run(con, indicator)
        except NietBerekend:
            out[indicator.id] = []
        if timings is not None:
            timings[indicator.id] = time.perf_counter() - start
    return out


def reden(indicator: Indicator, row: dict) -> str:
    """The reason in words, with Dutch number formats and branch-group names."""
    values = {**indicator.parameters, **row}
    branches = load_branches()
    if "groep" in values:
        values["groep"] = branches.naam(values["groep"]).lower()
    if "groepen" in values:
        values["groepen"] = ", ".join(branches.naam(g).lower() for g in values["groepen"])
    return indicator.reden.format(**{k: nlformat.waarde(v) for k, v in values.items()})


def table(indicator: Indicator, rows: list[dict]) -> tuple[list[str], list[tuple]]:
    """(columns, rows) of one indicator's results, for a screen table or an export."""
    soort = OBJECTSOORT.get(indicator.objectsoort, indicator.objectsoort)
    data = [(indicator.naam, soort, r["object_id"], r["label"], r.get("naam"), r["reden"],
             r.get("verblijfsobject_id"), r.get("pand_id")) for r in rows]
    return list(TABEL_KOLOMMEN), data


def accountability_lines(indicator: Indicator) -> list[tuple[str, str]]:
    """What an export of this indicator must say about the indicator itself."""
    return [("Indicator", f"{indicator.naam} ({indicator.id})"), ("Uitleg", indicator.uitleg),
            ("Parameters", indicator.parameters_tekst()),
            ("Aard", "Signaal voor een menselijke weging, geen oordeel of besluit.")]


def _parameter_tekst(value) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}: {nlformat.waarde(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return nlformat.waarde(value)


def _sql_value(value):
    """TOML tables become lists of {sleutel, waarde} so SQL can unnest them."""
    if isinstance(value, dict):
        return [{"sleutel": k, "waarde": v} for k, v in value.items()]
    return value
