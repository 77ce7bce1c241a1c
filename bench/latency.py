"""Latency of the queries the map and the object panel send, p50/p95 over many varied runs.

Each query runs the way ui/data.py runs it: a fresh cursor on the shared read-only connection
with the shared macros, the branch membership the build stored (registered only when the branch
groups changed since the build, computed once per snapshot, as the app does), all rows fetched,
GeoJSON parsed. Parameters vary per run (random viewports around random addresses, random
panden, random search texts, a random peildatum in the last five years and in half the runs one
branch group), drawn with a fixed seed so two runs of the benchmark ask the same questions. The
first (cold) run is reported apart from p50/p95.
"""

from __future__ import annotations

import json
import math
import random
import time
from collections.abc import Callable
from datetime import date, timedelta

from geo import concentration, stored
from geo.db import macro_sql
from geo.sqlfiles import sql_text

# As in ui/components/thema_lagen.py and overlays.py: points from zoom 15, footprints from 16.
PUNTEN_VANAF_ZOOM, MAX_PUNTEN, PANDEN_VANAF_ZOOM, MAX_PANDEN = 15, 2500, 16, 5000
KAART_PX = (1280, 560)  # the map on a 1280 × 800 projector
M_PER_PX_Z0 = 156543.03 * math.cos(math.radians(52.3))  # web mercator at Dutch latitude


def measure(con, peildatum: str, runs: int, seed: int) -> dict:
    """{query name: {p50_ms, p95_ms, max_ms, eerste_ms, runs, rijen_gem}}."""
    rng = random.Random(seed)
    start = time.perf_counter()
    membership = stored.membership_to_register(con)
    out = {"branchegroepen (1× per snapshot)": {"eerste_ms": 1000 * (time.perf_counter() - start)}}
    start = time.perf_counter()
    stored.results(con)
    out["signalen (1× per snapshot)"] = {"eerste_ms": 1000 * (time.perf_counter() - start)}
    ctx = _context(con, rng, max(runs, 1))
    queries = _queries(ctx, peildatum, rng)
    for name, make in queries.items():
        out[name] = _series(con, membership, make, runs)
    return out


def _series(con, membership, make: Callable[[int], Callable], runs: int) -> dict:
    times, rows = [], []
    first = _once(con, membership, make(0))
    for i in range(runs):
        seconds, n = _once(con, membership, make(i))
        times.append(seconds)
        rows.append(n)
    times.sort()
    return {"p50_ms": 1000 * _pct(times, 50), "p95_ms": 1000 * _pct(times, 95),
            "max_ms": 1000 * times[-1], "eerste_ms": 1000 * first[0], "runs": runs,
            "rijen_gem": sum(rows) / max(len(rows), 1)}


def _once(con, membership, fn) -> tuple[float, int]:
    start = time.perf_counter()
    with con.cursor() as cur:
        cur.execute(macro_sql(temp=True))
        if membership is not None:
            concentration.register_membership(cur, membership)
        n = fn(cur)
    return time.perf_counter() - start, n


def _pct(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    k = max(0, math.ceil(p / 100 * len(sorted_values)) - 1)
    return sorted_values[k]


def _rows(cur, sql: str, params: dict, geojson: bool = False) -> int:
    cur.execute(sql, params)
    rows = cur.fetchall()
    if geojson:
        idx = [d[0] for d in cur.description].index("geometrie")
        for row in rows:
            json.loads(row[idx])
    return len(rows)


def _parsed(rows: list[dict]) -> int:
    for row in rows:
        json.loads(row["geometrie"])
    return len(rows)


def _context(con, rng: random.Random, n: int) -> dict:
    """Random addresses, panden and names to aim the queries at; the extent of the data."""
    sample = f"USING SAMPLE reservoir({n} ROWS) REPEATABLE ({rng.randrange(1, 10**6)})"
    adressen = con.execute(
        "SELECT ST_X(geom), ST_Y(geom), postcode, huisnummer, openbare_ruimte FROM "
        f"(SELECT * FROM verblijfsobject WHERE geom IS NOT NULL {sample}) ORDER BY ALL").fetchall()
    panden = con.execute(
        "SELECT identificatie, ST_X(c), ST_Y(c) FROM (SELECT identificatie, "
        "to_wgs84(ST_Centroid(geom)) AS c FROM (SELECT * FROM pand WHERE geom IS NOT NULL "
        f"{sample})) ORDER BY ALL").fetchall()
    vestigingen = con.execute(
        f"SELECT kvk_nummer, naam FROM (SELECT * FROM vestiging WHERE naam IS NOT NULL {sample}) "
        "ORDER BY ALL").fetchall()
    extent = con.execute("SELECT min(ST_XMin(geom)), min(ST_YMin(geom)), max(ST_XMax(geom)), "
                         "max(ST_YMax(geom)) FROM verblijfsobject").fetchone()
    return {"adressen": adressen, "panden": panden, "vestigingen": vestigingen, "extent": extent}


def viewport(x: float, y: float, zoom: int) -> tuple[float, float, float, float]:
    """The RD box a 1280 × 560 map at `zoom` around (x, y) asks for, snapped as the UI does."""
    mpp = M_PER_PX_Z0 / 2**zoom
    snap = max(125.0, 500.0 / 2 ** max(zoom - PUNTEN_VANAF_ZOOM, 0))
    w, h = KAART_PX[0] * mpp / 2, KAART_PX[1] * mpp / 2
    return (math.floor((x - w) / snap) * snap, math.floor((y - h) / snap) * snap,
            math.ceil((x + w) / snap) * snap, math.ceil((y + h) / snap) * snap)


def _box(box) -> dict:
    return dict(zip(("xmin", "ymin", "xmax", "ymax"), box, strict=True))


def _queries(ctx: dict, peildatum: str, rng: random.Random) -> dict[str, Callable]:
    from geo.branches import load_branches

    adr, panden = ctx["adressen"], ctx["panden"]
    base = date.fromisoformat(peildatum)
    groepen = [g.id for g in load_branches().groepen]
    filters = [concentration.Filter(
        peildatum=str(base - timedelta(days=rng.randrange(0, 5 * 365))),
        groepen=(rng.choice(groepen),) if rng.random() < 0.5 else ()) for _ in adr]
    zooms = [rng.randint(PUNTEN_VANAF_ZOOM, 18) for _ in adr]
    pzooms = [rng.randint(PANDEN_VANAF_ZOOM, 19) for _ in adr]
    span = max(ctx["extent"][2] - ctx["extent"][0], ctx["extent"][3] - ctx["extent"][1], 1.0)
    heel_cel = max(100.0, 2 ** math.ceil(math.log2(span / 128)))  # ≤ ~128 × 128 cells
    texts = _search_texts(adr, ctx["vestigingen"])
    punten_sql = concentration.selection_sql("kaart_punten")

    def pick(seq, i):
        return seq[i % len(seq)]

    def box(i, zoom):
        return viewport(*pick(adr, i)[:2], zoom)

    return {
        "gebiedsgrenzen (1× per snapshot)": lambda i: lambda cur: _rows(
            cur, sql_text("kaart_gebieden"), {"tolerantie": 1.0}, True),
        "buurten (concentratie, hele gebied)": lambda i: lambda cur: _parsed(
            concentration.per_area(cur, pick(filters, i), "buurt")),
        "raster (hele gebied)": lambda i: lambda cur: _parsed(
            concentration.per_cell(cur, pick(filters, i), heel_cel, ctx["extent"])),
        "raster (viewport z15)": lambda i: lambda cur: _parsed(
            concentration.per_cell(cur, pick(filters, i), 100.0, box(i, PUNTEN_VANAF_ZOOM))),
        "punten (viewport z15-18)": lambda i: lambda cur: _rows(
            cur, punten_sql, {**pick(filters, i).params(), "limiet": MAX_PUNTEN + 1,
                              **_box(box(i, pick(zooms, i)))}),
        "panden (viewport z16-19)": lambda i: lambda cur: _rows(
            cur, sql_text("kaart_panden"), {"limiet": MAX_PANDEN + 1,
                                            **_box(box(i, pick(pzooms, i)))}, True),
        "pandkaart (klik + kaart)": lambda i: lambda cur: _card(cur, pick(panden, i), peildatum),
        "zoeken": lambda i: lambda cur: _search(cur, pick(texts, i)),
    }


def _card(cur, pand: tuple, peildatum: str) -> int:
    from geo.cards import pand_at, pand_card

    found = pand_at(cur, pand[1], pand[2]) or pand[0]
    card = pand_card(cur, found, peildatum)
    return 0 if card is None else 1 + len(card["verblijfsobjecten"])


def _search(cur, text: str) -> int:
    from geo.search import search

    return len(search(cur, text))


def _search_texts(adressen: list, vestigingen: list) -> list[str]:
    """Alternating postcode + huisnummer, straat + huisnummer, KVK-nummer, part of a name."""
    out = []
    for i, (a, v) in enumerate(zip(adressen, vestigingen or adressen, strict=False)):
        kind = i % 4
        if kind == 0 and a[2]:
            out.append(f"{a[2]} {a[3]}")
        elif kind == 1 and a[4]:
            out.append(f"{a[4]} {a[3]}")
        elif kind == 2 and vestigingen:
            out.append(str(v[0]))
        elif vestigingen:
            out.append(str(v[1]).split()[0])
    return out or ["Demostad"]
