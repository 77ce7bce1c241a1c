"""Zicht itself on one scale: the pipeline build, then what an analyst does in the app.

Runs in its own process (`python -m bench.zicht_run DATA_DIR OUT.json RUNS SEED LIMIT_S`) so
its peak memory is its own. Steps: every pipeline step (load, normalise, match, area membership
+ indexes), the per-buurt concentration query once (the aggregate the peers are compared on),
all indicators, the heaviest drill-down card, Demostad's exports (DOOK CSV + XLSX, GeoPackage),
then the latency of the UI queries (bench.latency).
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

from bench import latency
from bench.machine import load
from bench.peers import reporter, write
from loaders.meter import PeakMeter

BENCH_SQL = Path(__file__).parent / "sql"
PEER_BRONNEN = ("kvk-dook", "kvk-sbi2025")  # the KVK sources the peers read (bench.peers)


def run(data_dir: Path, runs: int, seed: int, limit_s: float, report=print) -> dict:
    from loaders import pipeline

    out: dict = {"load_begin": load()}
    with PeakMeter() as total:
        with PeakMeter() as build:
            result = pipeline.build(data_dir, events=lambda e: report(e.tekst()))
        out["bouw"] = {"seconden": build.seconds, "piek_mb": build.peak_mb}
        out["stappen"] = [{"naam": s.naam, "seconden": s.seconden, "piek_mb": s.piek_mb}
                          for s in result.stappen]
        out["snapshot_mb"] = round(result.snapshot.stat().st_size / 2**20)
        out.update(after_build(result.snapshot, runs, seed, limit_s, report))
    out["totaal"] = {"seconden": total.seconds, "piek_mb": total.peak_mb}
    out["load_eind"] = load()
    return out


def after_build(snapshot: Path, runs: int, seed: int, limit_s: float, report=print) -> dict:
    from geo.db import connect

    con = connect(snapshot, read_only=True)
    con.execute("SET enable_progress_bar = false")
    try:
        peildatum = con.execute("SELECT waarde FROM meta WHERE sleutel = 'peildatum'").fetchone()[0]
        out = {"aantallen": counts(con)}
        out["buurt_aggregatie"], telling = _timed(buurt_aggregate, con, peildatum)
        out["buurt_telling"] = telling or {}
        report("Indicatoren…")
        out["indicatoren"], _ = _timed(indicators, con, limit_s)
        out["kaart"], _ = _timed(card, con, peildatum)
        out["export"], _ = _timed(export, con, peildatum, snapshot.parent)
        report(f"Latentie: {runs} keer elke UI-query…")
        out["latentie"] = latency.measure(con, peildatum, runs, seed)
    finally:
        con.close()
    return out


def _timed(fn, *args) -> tuple[dict, object]:
    """Run one step; a step that fails is recorded with its error (Zicht's own bug, reported),
    and the benchmark goes on: any exception, so one broken export does not lose the build's
    figures (3-12-2026: the provincie run lost all of them to a TypeError in the export)."""
    detail, value = {}, None
    with PeakMeter() as meter:
        try:
            detail, value = fn(*args)
        except Exception as exc:  # noqa: BLE001 (recorded in the result, see above)
            detail = {"fout": f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}"}
    return {"seconden": meter.seconds, "piek_mb": meter.peak_mb, **detail}, value


def counts(con) -> dict:
    row = con.execute("SELECT (SELECT count(*) FROM verblijfsobject), (SELECT count(*) FROM pand),"
                      " (SELECT count(*) FROM vestiging), (SELECT count(*) FROM vestiging"
                      " WHERE verblijfsobject_id IS NOT NULL), (SELECT count(*) FROM gebied"
                      " WHERE soort = 'buurt'), (SELECT count(*) FROM gebied_lid)").fetchone()
    keys = ("verblijfsobjecten", "panden", "vestigingen", "gekoppeld", "buurten", "gebied_lid")
    return dict(zip(keys, row, strict=True))


def buurt_aggregate(con, peildatum: str) -> tuple[dict, dict]:
    """The choropleth the map shows zoomed out (active vestigingen per buurt, by location), once
    and cold; branch membership first, as the app gets it once per snapshot (stored by the build)."""
    from geo import concentration, stored

    start = time.perf_counter()
    membership = stored.membership_to_register(con)
    if membership is not None:
        concentration.register_membership(con, membership)
    membership_s = time.perf_counter() - start
    start = time.perf_counter()
    rows = concentration.per_area(con, concentration.Filter(peildatum=peildatum), "buurt")
    seconds = time.perf_counter() - start
    telling = {r["code"]: r["aantal"] for r in rows if r["aantal"]}
    regels = con.execute((BENCH_SQL / "zicht_telling_regels.sql").read_text(encoding="utf-8"),
                         {"peildatum": peildatum, "bronnen": list(PEER_BRONNEN)}).fetchall()
    return {"query_seconden": seconds, "branchegroepen_seconden": membership_s,
            "gebieden": len(rows)}, {"alle": telling, **_regels(regels)}


def _regels(rows: list[tuple]) -> dict:
    """The per-buurt counts under the peers' rules, and what Zicht counts on top of them."""
    return {"zelfde_regels": {b: n for b, _, n, *_ in rows if n},
            "andere_bron": sum(r[3] for r in rows), "andere_laag": sum(r[4] for r in rows),
            "extra_regel": sum(r[5] for r in rows)}


def indicators(con, budget_s: float) -> tuple[dict, None]:
    """Every indicator as geo.indicators.run_all runs them, within one time budget for all of
    them (their shared preparation included): one that fails, or runs out of budget and is
    interrupted, is recorded instead of stopping the benchmark; those after it are skipped."""
    from geo import indicators as ind

    deadline = time.perf_counter() + budget_s
    prep = "(voorbereiding: indicator_basis)"
    per = {prep: _limited(con, budget_s, ind.prepare, con)}
    for indicator in ind.load_indicators():
        left = deadline - time.perf_counter()
        if "fout" in per[prep] or left <= 0:
            per[indicator.id] = {"fout": "overgeslagen (tijdsbudget op)", "seconden": 0.0}
            continue
        per[indicator.id] = _limited(con, left, lambda i=indicator: len(ind.run(con, i)))
    return {"per_indicator": per, "fouten": sum("fout" in v for v in per.values())}, None


def _limited(con, limit_s: float, fn, *args) -> dict:
    """{seconden, treffers} or {seconden, fout}; interrupted after limit_s."""
    import duckdb

    timer = threading.Timer(limit_s, con.interrupt)
    start = time.perf_counter()
    timer.start()
    try:
        out = {"treffers": fn(*args)}
    except duckdb.Error as exc:
        out = {"fout": str(exc).splitlines()[0][:200]}
    finally:
        timer.cancel()
    seconds = time.perf_counter() - start
    if "fout" in out and seconds >= limit_s * 0.99:
        out["fout"] = f"afgebroken na {seconds:.0f} s (tijdsbudget op)"
    return {**out, "seconden": round(seconds, 3)}


def card(con, peildatum: str) -> tuple[dict, None]:
    """The card of the pand with the most vestigingen (the heaviest card a user can open)."""
    from geo.cards import pand_card

    pand = con.execute("SELECT b.pand_identificatie FROM vestiging v JOIN verblijfsobject b"
                       " ON b.identificatie = v.verblijfsobject_id GROUP BY 1"
                       " ORDER BY count(*) DESC, 1 LIMIT 1").fetchone()[0]
    start = time.perf_counter()
    result = pand_card(con, pand, peildatum)
    return {"query_seconden": time.perf_counter() - start, "pand": pand,
            "verblijfsobjecten": len(result["verblijfsobjecten"])}, None


def export(con, peildatum: str, folder: Path) -> tuple[dict, None]:
    """Snapshot exports for a selection, Demostad (gemeente GM9999): the DOOK layout as CSV and
    XLSX, and the GeoPackage for QGIS (every layer, limited to Demostad's box)."""
    out = {}
    nummers = [r[0] for r in con.execute(_sql("zicht_selectie"),
                                          {"gemeente": "GM9999", "peildatum": peildatum}).fetchall()]
    out["dook"] = _step(_dook, con, nummers)
    out["gpkg"] = _step(_gpkg, con, folder / "export.gpkg")
    return out, None


def _step(fn, *args) -> dict:
    import duckdb

    start = time.perf_counter()
    try:
        detail = fn(*args)
    except (duckdb.Error, ValueError, RuntimeError) as exc:
        detail = {"fout": str(exc).splitlines()[0][:200]}
    return {"seconden": time.perf_counter() - start, **detail}


def _dook(con, nummers: list[str]) -> dict:
    from exports import dook_csv

    columns, rows = dook_csv.rows(con, nummers)
    csv_bytes = dook_csv.to_csv(columns, rows)
    xlsx = dook_csv.to_xlsx(columns, rows, dook_csv.accountability(con, "bench", "bench"))
    return {"rijen": len(rows), "csv_mb": len(csv_bytes) / 2**20, "xlsx_mb": len(xlsx) / 2**20}


def _gpkg(con, path: Path) -> dict:
    from exports.gpkg import write_gpkg
    from exports.mapshot.view import MapView
    from geo import crs

    box = con.execute("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT "
                      "ST_Extent_Agg(geom) AS e FROM gebied WHERE soort = 'gemeente' "
                      "AND code = 'GM9999')").fetchone()
    if box[0] is None:  # the build kept another gemeente's polygon (meta gemeentecode)
        raise ValueError("geen gemeentegrens van Demostad (GM9999) in het snapshot")
    counts = write_gpkg(con, path, selection=MapView(bounds=box, bounds_crs=crs.RD))
    size = path.stat().st_size / 2**20
    path.unlink(missing_ok=True)
    return {"lagen": counts, "mb": size}


def _sql(name: str) -> str:
    from geo.sqlfiles import sql_text

    return sql_text(name, BENCH_SQL)


def main(argv: list[str]) -> None:
    data_dir, out, runs, seed = Path(argv[0]), Path(argv[1]), int(argv[2]), int(argv[3])
    result = run(data_dir, runs, seed, float(argv[4]), report=reporter("zicht"))
    write(out, result)


if __name__ == "__main__":
    main(sys.argv[1:])
