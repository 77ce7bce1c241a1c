"""Indicators: transparent signals for a human weging, never verdicts, never a combined score.

Each indicator is configured in data/indicators.toml (name, explanation, parameters, the reason
template) and computed by geo/sql/indicator_<id>.sql. Results carry the reason in words.
"""

from __future__ import annotations

import time
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from geo import nlformat
from geo.branches import load_branches
from geo.branches import register as register_branches
from geo.crs import sql_to_wgs84
from geo.sqlfiles import run_script, set_variables, sql_text

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "data" / "indicators.toml"
META_KEYS = {"naam", "uitleg", "objectsoort", "reden"}


@dataclass(frozen=True)
class Indicator:
    id: str
    naam: str
    uitleg: str
    objectsoort: str
    reden: str
    parameters: dict = field(default_factory=dict)


@cache
def load_indicators(path: Path = DEFAULT_PATH) -> tuple[Indicator, ...]:
    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    return tuple(Indicator(id=key, naam=v["naam"], uitleg=v["uitleg"], objectsoort=v["objectsoort"],
                           reden=v["reden"],
                           parameters={k: p for k, p in v.items() if k not in META_KEYS})
                 for key, v in doc.items())


def prepare(con) -> None:
    """Views every indicator uses, on a (read-only) snapshot connection; once per connection."""
    peildatum = con.execute("SELECT waarde FROM meta WHERE sleutel = 'peildatum'").fetchone()[0]
    set_variables(con, peildatum=peildatum)
    register_branches(con)
    run_script(con, "indicator_basis")


def run(con, indicator: Indicator) -> list[dict]:
    """The objects that meet the indicator, each with `reden`, `lon`, `lat` (geom dropped)."""
    set_variables(con, **{f"p_{k}": _sql_value(v) for k, v in indicator.parameters.items()})
    query = (f"SELECT * EXCLUDE (geom, c), ST_X(c) AS lon, ST_Y(c) AS lat FROM ("
             f"SELECT *, {sql_to_wgs84('ST_Centroid(geom)')} AS c FROM ("
             f"{sql_text('indicator_' + indicator.id)})) ")
    cur = con.execute(query)
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    for row in rows:
        row["reden"] = reden(indicator, row)
    return rows


def run_all(con) -> dict[str, tuple[list[dict], float]]:
    """Every indicator: (rows, seconds)."""
    out = {}
    for indicator in load_indicators():
        start = time.perf_counter()
        out[indicator.id] = (run(con, indicator), time.perf_counter() - start)
    return out


def reden(indicator: Indicator, row: dict) -> str:
    """The reason in words, with Dutch number formats and branch-group names."""
    values = {**indicator.parameters, **row}
    if "groep" in values:
        values["groep"] = load_branches().naam(values["groep"]).lower()
    return indicator.reden.format(**{k: nlformat.waarde(v) for k, v in values.items()})


def _sql_value(value):
    """TOML tables become lists of {sleutel, waarde} so SQL can unnest them."""
    if isinstance(value, dict):
        return [{"sleutel": k, "waarde": v} for k, v in value.items()]
    return value
