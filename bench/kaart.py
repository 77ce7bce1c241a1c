"""The Kaart page end to end, and its aggregate queries on a bigger snapshot.

    python -m bench.kaart                         # demo (scale 1) + scale 5, in /tmp
    python -m bench.kaart --groot 167             # national-size aggregates (~6 min to build)
    python -m bench.kaart --data DIR --groot 0    # an existing data dir, browser part only
    python -m bench.kaart --zonder-browser --groot-data DIR   # queries on an existing snapshot

Browser part (headless Debian Chromium against a real `streamlit run app.py`): for a first load
on a fresh server (cold caches), a first load in a second session (warm), a filter change, a
click on a building and a zoom-in it prints the server time of every script run the action
caused (from the rerun request to Streamlit's script_finished message, read from the
websocket), the bytes the browser received for it, and the time until the map (or the card)
shows the result. Query part: the aggregates behind the zoomed-out map (branch membership, the
buurt choropleth, the whole-town grid, the viewport points) on a generated snapshot of the
given scale, median of --runs. Figures, not tests: nothing here fails on a slow machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WERKMAP = Path("/tmp/zicht-bench-kaart")
FRAME = 'iframe[title="streamlit_folium.st_folium"]'
CHROMIUM = "/usr/bin/chromium"


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="python -m bench.kaart", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", type=Path, help="data dir with a snapshot (default: build the demo)")
    p.add_argument("--groot", type=float, default=5, help="scale for the query part; 0 = skip")
    p.add_argument("--groot-data", type=Path, help="an existing data dir for the query part")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--zonder-browser", action="store_true")
    a = p.parse_args(argv)
    if not a.zonder_browser:
        data_dir = a.data or ensure_demo(WERKMAP / "demo", 1)
        print(f"Kaart in de browser, gegevens: {data_dir}")
        browser_part(data_dir)
    if a.groot_data or a.groot:
        groot = a.groot_data or ensure_demo(WERKMAP / f"schaal-{a.groot:g}", a.groot)
        print(f"\nAggregaten ({groot})")
        query_part(groot, a.runs)


def ensure_demo(folder: Path, scale: float) -> Path:
    """A data dir with a generated Demostad of this scale (built once, kept in /tmp)."""
    if not (folder / "current").exists():
        folder.mkdir(parents=True, exist_ok=True)
        print(f"bouw Demostad schaal {scale:g} in {folder} …", flush=True)
        env = {**os.environ, "ZICHT_DATA_DIR": str(folder)}
        subprocess.run([sys.executable, "-m", "cli", "demo", "--scale", str(scale)],
                       cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL)
    return folder


# --- browser part --------------------------------------------------------------------------

def browser_part(data_dir: Path) -> None:
    from playwright.sync_api import sync_playwright

    from tests.ui.conftest import running_server

    log_dir = WERKMAP / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    facts = _facts(data_dir)
    with running_server(data_dir, log_dir) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox",
                                                                     "--disable-gpu"])
        rows = [_load(browser, url, "eerste keer laden (koude server)")]
        page, meter, row = _load(browser, url, "eerste keer laden (tweede sessie)", keep=True)
        rows.append(row)
        rows.append(_filter_change(page, meter))
        rows.append(_zoom_in(page, meter, facts))
        rows.append(_click(page, meter, facts))
        browser.close()
    _print_rows(rows)


class Meter:
    """Websocket frames of one page: when reruns were asked and finished, and bytes received."""

    def __init__(self, page):
        self.frames: list[tuple[float, str, int, object]] = []
        page.on("websocket", self._attach)

    def _attach(self, ws):
        ws.on("framereceived", lambda f: self._add("in", f))
        ws.on("framesent", lambda f: self._add("out", f))

    def _add(self, direction: str, payload) -> None:
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        data = payload if isinstance(payload, bytes) else payload.encode()
        cls = ForwardMsg if direction == "in" else BackMsg
        try:
            msg = cls.FromString(data)
        except Exception:  # not a Streamlit message
            msg = None
        self.frames.append((time.perf_counter(), direction, len(data), msg))

    def mark(self) -> int:
        return len(self.frames)

    def runs(self, since: int) -> tuple[list[float], int]:
        """Server milliseconds of each script run since `since`, and bytes received."""
        frames = self.frames[since:]
        ms, start = [], None
        for t, direction, _size, msg in frames:
            kind = msg.WhichOneof("type") if msg is not None else None
            if direction == "out" and kind == "rerun_script":
                start = t
            elif direction == "in" and kind == "script_finished" and start is not None:
                ms.append(1000 * (t - start))
                start = None
        return ms, sum(size for _t, d, size, _m in frames if d == "in")


def _settle(page, meter: Meter, since: int, quiet_ms: int = 1500) -> None:
    """Wait until no frame arrived for quiet_ms (the action's reruns are over)."""
    deadline = time.perf_counter() + 60
    while time.perf_counter() < deadline:
        last = meter.frames[-1][0] if len(meter.frames) > since else time.perf_counter()
        if 1000 * (time.perf_counter() - last) > quiet_ms:
            return
        page.wait_for_timeout(200)


def _map(page):
    return next(f for f in page.frames if "streamlit_folium" in f.url)


def _load(browser, url: str, naam: str, keep: bool = False):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    meter = Meter(page)
    start = time.perf_counter()
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector(FRAME, timeout=90_000)
    page.wait_for_function("() => [...document.querySelectorAll('iframe')]"
                           ".some(f => f.src.includes('streamlit_folium'))", timeout=90_000)
    _map(page).wait_for_function("window.map && (window.feature_group || []).length > 0 && "
                                 "document.querySelector('.zicht-legenda')", timeout=90_000)
    zichtbaar = time.perf_counter() - start
    _settle(page, meter, 0)
    ms, kb = meter.runs(0)
    row = (naam, ms, kb, zichtbaar)
    if keep:
        return page, meter, row
    page.close()
    return row


def _wait_new_layers(page, action) -> float:
    """Run `action`, return seconds until the map has swapped in new layers."""
    frame = _map(page)
    frame.evaluate("void (window.__oud = (window.feature_group || []).slice(-1)[0])")
    start = time.perf_counter()
    action()
    _map(page).wait_for_function("(window.feature_group || []).slice(-1)[0] !== window.__oud",
                                 timeout=60_000)
    return time.perf_counter() - start


def _filter_change(page, meter: Meter):
    since = meter.mark()
    label = page.locator('[data-testid="stSidebar"] label').filter(has_text="Beëindigd").first
    zichtbaar = _wait_new_layers(page, label.click)
    _settle(page, meter, since)
    return ("filterwijziging (status: beëindigd)", *meter.runs(since), zichtbaar)


def _zoom_in(page, meter: Meter, facts: dict):
    since = meter.mark()
    zichtbaar = _wait_new_layers(page, lambda: _map(page).evaluate(
        f"void map.setView([{facts['lat']}, {facts['lon']}], 17, {{animate: false}})"))
    _settle(page, meter, since)
    return ("inzoomen tot straatniveau (zoom 17)", *meter.runs(since), zichtbaar)


def _click(page, meter: Meter, facts: dict):
    frame = _map(page)
    frame.evaluate(f"void map.setView([{facts['lat']}, {facts['lon']}], 18, {{animate: false}})")
    frame.evaluate("void map.panBy([150, 0], {animate: false})")  # clear of the legend
    _settle(page, meter, meter.mark())
    x, y = frame.evaluate(f"(() => {{ const p = map.latLngToContainerPoint([{facts['lat']}, "
                          f"{facts['lon']}]); const r = map.getContainer()"
                          ".getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; })()")
    box = page.locator(FRAME).bounding_box()
    since = meter.mark()
    start = time.perf_counter()
    page.mouse.click(box["x"] + x, box["y"] + y)
    try:
        page.get_by_text(f"Pand {facts['pand']}").first.wait_for(timeout=60_000)
    except Exception:
        page.screenshot(path="/tmp/shots/bench_fail.png")
        raise
    zichtbaar = time.perf_counter() - start
    _settle(page, meter, since)
    return ("klik op een pand (kaartje open)", *meter.runs(since), zichtbaar)


def _facts(data_dir: Path) -> dict:
    """A pand with no vestiging near it (a click hits the building) in the data."""
    from geo import db, snapshots

    con = db.connect(snapshots.current_snapshot(data_dir), read_only=True)
    try:
        pand, lat, lon = con.execute(
            "SELECT identificatie, ST_Y(p), ST_X(p) FROM (SELECT identificatie, oppervlakte, "
            "to_wgs84(ST_PointOnSurface(geom)) AS p FROM pand p WHERE NOT EXISTS (SELECT 1 FROM "
            "vestiging v WHERE v.geom IS NOT NULL AND ST_DWithin(v.geom, p.geom, 25))) "
            "ORDER BY oppervlakte DESC, identificatie LIMIT 1").fetchone()
    finally:
        con.close()
    return {"pand": pand, "lat": lat, "lon": lon}


def _print_rows(rows) -> None:
    print(f"{'actie':44} {'server per run (ms)':>26} {'ontvangen':>11} {'zichtbaar':>10}")
    for naam, ms, size, zichtbaar in rows:
        runs = ", ".join(f"{m:.0f}" for m in ms) or "–"
        print(f"{naam:44} {runs:>26} {size / 1024:>8.0f} kB {zichtbaar:>8.2f} s")


# --- query part ----------------------------------------------------------------------------

def query_part(data_dir: Path, runs: int) -> None:
    from geo import concentration, db, snapshots, stored
    from geo.concentration import Filter
    from geo.nlformat import getal
    from geo.sqlfiles import sql_text

    con = db.connect(snapshots.current_snapshot(data_dir), read_only=True)
    peildatum = con.execute("SELECT waarde FROM meta WHERE sleutel = 'peildatum'").fetchone()[0]
    n = con.execute("SELECT (SELECT count(*) FROM vestiging), (SELECT count(*) FROM "
                    "verblijfsobject), (SELECT count(*) FROM gebied WHERE soort = 'buurt')"
                    ).fetchone()
    print(f"{getal(n[0])} vestigingen, {getal(n[1])} verblijfsobjecten, {getal(n[2])} buurten")
    timed = _timer(runs)
    membership = timed("branchegroepen bepalen (1× per gegevensbestand)",
                       lambda: stored.membership_to_register(con))
    if membership is not None:
        concentration.register_membership(con, membership)
    alle, beauty = Filter(peildatum), Filter(peildatum, groepen=("beauty",))
    timed("buurtkaart, alle vestigingen", lambda: concentration.per_area(con, alle, "buurt"))
    timed("buurtkaart, beauty (LQ)", lambda: concentration.per_area(con, beauty, "buurt"))
    timed("raster 500 m, hele gebied, beauty", lambda: concentration.per_cell(con, beauty, 500))
    timed("totalen van de selectie", lambda: concentration.totals(con, beauty))
    x, y = con.execute("SELECT ST_X(geom), ST_Y(geom) FROM vestiging WHERE geom IS NOT NULL "
                       "ORDER BY vestigingsnummer LIMIT 1").fetchone()
    box = {"xmin": x - 750, "ymin": y - 500, "xmax": x + 750, "ymax": y + 500, "limiet": 2501}
    timed("punten in beeld (1,5 × 1 km)", lambda: con.execute(
        concentration.selection_sql("kaart_punten"), {**alle.params(), **box}).fetchall())
    timed("gebiedsgrenzen (vereenvoudigd)", lambda: con.execute(
        sql_text("kaart_gebieden"), {"tolerantie": 1.0}).fetchall())
    con.close()


def _timer(runs: int):
    def timed(naam: str, fn):
        times, result = [], None
        for _ in range(runs):
            start = time.perf_counter()
            result = fn()
            times.append(1000 * (time.perf_counter() - start))
        print(f"  {naam:48} mediaan {statistics.median(times):8.0f} ms "
              f"(eerste {times[0]:.0f} ms)", flush=True)
        return result
    return timed


if __name__ == "__main__":
    main()
