"""The data behind a static map: everything a MapView shows inside one RD box, read once.

Geometry stays in RD (EPSG:28992) as shapely objects; the PNG/PDF renderer draws it as is and
the HTML export transforms it to lon/lat. Nothing here decides how things look.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import duckdb
import numpy as np
import shapely

from exports import EXPORTS_SQL
from exports.mapshot.view import MapView, RdBox
from geo import concentration, stored
from geo import indicators as ind
from geo.legenda import GroepRegel, group_rows
from geo.sqlfiles import execute_checked, sql_text

MAX_PANDEN = 150_000
GRID_STEPS = (100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000)
GRID_CELLS_ACROSS = 30


@dataclass
class Punten:
    """Active vestigingen in view: RD coordinates, branch group (None = overig), name, number."""

    x: np.ndarray
    y: np.ndarray
    groep: list[str | None]
    naam: list[str]
    nummer: list[str]

    def __len__(self) -> int:
        return len(self.nummer)


@dataclass
class Signaal:
    """One indicator result: the object that meets it, where it is and why."""

    indicator: str
    naam: str
    objectsoort: str
    object_id: str
    label: str
    reden: str
    geom: shapely.Geometry


@dataclass
class ViewData:
    box: RdBox
    meta: dict
    cel: int = 100  # metres: the square cells counts are aggregated to
    panden: np.ndarray = field(default_factory=lambda: np.array([], dtype=object))
    te_veel_panden: bool = False
    gebieden: list[dict] = field(default_factory=list)
    punten: Punten | None = None
    selectie: concentration.Filter | None = None
    signalen: list[Signaal] = field(default_factory=list)
    fouten: list[str] = field(default_factory=list)

    @property
    def peildatum(self) -> str:
        return self.meta.get("peildatum", "")

    @property
    def is_demo(self) -> bool:
        return self.meta.get("is_demo") == "1"

    def group_counts(self) -> list[GroepRegel]:
        """The legend rows per branch group for the vestigingen in view (geo.legenda, as on screen)."""
        if self.punten is None or self.selectie is None:
            return []
        counts: dict[str | None, int] = {}
        for g in self.punten.groep:
            counts[g] = counts.get(g, 0) + 1
        return group_rows(counts, self.selectie)


def load(con, view: MapView, box: RdBox, tolerantie: float) -> ViewData:
    """Read what `view` shows inside `box`; `tolerantie` (m) simplifies outlines for print."""
    meta = dict(con.execute("SELECT sleutel, waarde FROM meta").fetchall())
    data = ViewData(box=box, meta=meta, cel=grid_size(view.rd_box()))
    where = dict(zip(("xmin", "ymin", "xmax", "ymax"), box, strict=True))
    if view.shows("panden"):
        data.panden, data.te_veel_panden = _panden(con, where, tolerantie)
    soorten = [s for s, layer in (("buurt", "buurten"), ("bedrijventerrein", "bedrijventerreinen"))
               if view.shows(layer)]
    if soorten:
        data.gebieden = _gebieden(con, where, soorten, tolerantie)
    if view.shows("vestigingen"):
        data.selectie = view.filter(data.peildatum)
        data.punten = _punten(con, where, view, data.selectie)
    if view.shows("indicatoren") and view.indicatoren:
        data.signalen, data.fouten = signals(con, view.indicatoren, box)
    return data


def _panden(con, where: dict, tolerantie: float) -> tuple[np.ndarray, bool]:
    rows = execute_checked(con, sql_text("export_kaart_panden", EXPORTS_SQL),
                       {**where, "tolerantie": tolerantie, "limiet": MAX_PANDEN + 1}).fetchall()
    if len(rows) > MAX_PANDEN:
        return np.array([], dtype=object), True
    return shapely.from_wkb([r[1] for r in rows]), False


def _gebieden(con, where: dict, soorten: list[str], tolerantie: float) -> list[dict]:
    rows = execute_checked(con, sql_text("export_kaart_gebieden", EXPORTS_SQL),
                       {**where, "soorten": soorten, "tolerantie": tolerantie}).fetchall()
    return [{"soort": s, "code": c, "naam": n or "", "geom": shapely.from_wkb(w)}
            for s, c, n, w in rows]


def _punten(con, where: dict, view: MapView, filt: concentration.Filter) -> Punten:
    ensure_membership(con)
    params = {**filt.params(), **where,
              "nummers": list(view.vestigingen) if view.vestigingen is not None else None}
    sql = concentration.selection_sql("export_kaart_vestigingen", EXPORTS_SQL)
    rows = con.execute(sql, params).fetchall()
    return Punten(x=np.array([r[3] for r in rows], dtype=float),
                  y=np.array([r[4] for r in rows], dtype=float),
                  groep=[r[2] for r in rows], naam=[r[1] or "" for r in rows],
                  nummer=[r[0] for r in rows])


def ensure_membership(con) -> None:
    """branche_lid on this connection: the UI's cursors have it already, the snapshot stores it
    (geo.stored); otherwise it is computed here."""
    stored.ensure_membership(con)


def signals(con, indicator_ids, box: RdBox | None = None) -> tuple[list[Signaal], list[str]]:
    """Results of the chosen indicators with their geometry (RD), inside `box` when given.

    An indicator that fails is reported by name in the second list, not raised: one broken
    indicator must not take the whole export down."""
    known = {i.id: i for i in ind.load_indicators()}
    ind.prepare(con)
    found, failed = [], []
    for indicator_id in indicator_ids:
        indicator = known.get(indicator_id)
        if indicator is None:
            failed.append(f"onbekende indicator '{indicator_id}'")
            continue
        try:
            found += _indicator_signals(con, indicator)
        except ind.NietBerekend as exc:
            failed.append(f"{indicator.naam} niet berekend: {exc}")
        except duckdb.Error as exc:
            failed.append(f"{indicator.naam} kon niet worden berekend ({type(exc).__name__})")
    if box is not None:
        area = shapely.box(*box)
        found = [s for s in found if s.geom is not None and s.geom.intersects(area)]
    return found, failed


def _indicator_signals(con, indicator: ind.Indicator) -> list[Signaal]:
    out = []
    for row in ind.run_with_geometry(con, indicator):
        wkb = row.pop("wkb")
        out.append(Signaal(indicator=indicator.id, naam=indicator.naam,
                           objectsoort=indicator.objectsoort, object_id=str(row.get("object_id")),
                           label=str(row.get("label") or ""), reden=row["reden"],
                           geom=shapely.from_wkb(wkb) if wkb is not None else None))
    return out


def grid_size(box: RdBox) -> int:
    """A round cell size (m) giving about GRID_CELLS_ACROSS cells over the longer side of the box
    the analyst chose (not the page-filling one around it)."""
    raw = max(box[2] - box[0], box[3] - box[1]) / GRID_CELLS_ACROSS
    return next((s for s in GRID_STEPS if s >= raw), GRID_STEPS[-1])


def grid_counts(x: np.ndarray, y: np.ndarray, cel: int) -> list[tuple[int, int, int]]:
    """(i, j, count) per square RD cell of `cel` metres holding at least one point."""
    if len(x) == 0:
        return []
    cells = np.stack([np.floor(x / cel), np.floor(y / cel)], axis=1).astype(np.int64)
    unique, counts = np.unique(cells, axis=0, return_counts=True)
    return [(int(i), int(j), int(n)) for (i, j), n in zip(unique, counts, strict=True)]


def class_breaks(values, n: int = 5) -> list[int]:
    """Upper bounds (inclusive) of at most n quantile classes over positive counts; every class
    returned holds at least one value."""
    positive = sorted(v for v in values if v > 0)
    found: list[int] = []
    for k in range(1, n + 1):
        if not positive:
            break
        bound = positive[math.ceil(k * len(positive) / n) - 1]
        if not found or bound > found[-1]:
            found.append(bound)
    return found


def class_of(value: int, breaks: list[int]) -> int:
    return next((k for k, b in enumerate(breaks) if value <= b), len(breaks) - 1)


def signal_point(signaal: Signaal) -> tuple[float, float]:
    """Where to put a marker for a result: the point itself or a point inside the shape."""
    p = signaal.geom if signaal.geom.geom_type == "Point" else signaal.geom.point_on_surface()
    return p.x, p.y
