"""Time to compute every indicator on Demostad, and the pages built on them (beauty inventory,
bedrijventerrein profiles, what changed since the previous snapshot).

Target: all indicators together (preparation included) under 5 s on the default demo.
Run: .venv/bin/python -m bench.indicators [--scale 1 --scale 5] [--seed 42] [--hergebruik]
Data goes to --werkmap (default /tmp/zicht-bench-indicatoren), never into ./data.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

TARGET_SECONDS = 5.0


def ensure_demo(folder: Path, scale: float, seed: int, reuse: bool) -> None:
    """Generate and build Demostad (both snapshots) in `folder` unless reusing it."""
    from demo import sources as demo_sources
    from geo import snapshots
    from loaders import pipeline

    if reuse and snapshots.previous_snapshot(folder) is not None:
        return
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["ZICHT_DATA_DIR"] = str(folder)
    demo_sources.generate_and_register(folder, scale, seed, vervang=True)
    if scale > 1:
        _all_municipalities(folder)
    pipeline.build(folder)


def _all_municipalities(folder: Path) -> None:
    """Scale > 1: the current snapshot gets the BAG of every municipality (as bench/demo_data
    does), so there are that many more addresses, not only more unmatched vestigingen."""
    from loaders.sources import read_register, write_register

    bronnen = read_register(folder)
    for bron in bronnen:
        if bron.rol == "bag":
            bron.opties.pop("gemeente", None)
    write_register(folder, bronnen)


def measure(folder: Path) -> list[tuple[str, float, int | None]]:
    """(step, seconds, rows) for one built data dir, each on a fresh connection."""
    from geo import changes, indicators, inventory, parks, snapshots
    from geo.db import connect

    current, previous = snapshots.current_snapshot(folder), snapshots.previous_snapshot(folder)
    con = connect(current, read_only=True)
    out = [_timed("voorbereiding (branchegroepen, adressen)", lambda: indicators.prepare(con))]
    timings: dict[str, float] = {}
    results = indicators.run_all(con, timings)
    out += [(f"  {k}", timings[k], len(v)) for k, v in results.items()]
    out.append(("alle indicatoren samen", out[0][1] + sum(timings.values()),
                sum(len(v) for v in results.values())))
    out.append(_timed("inventarisatie beauty", lambda: inventory.vestigingen(con, prepared=True)))
    out.append(_timed("bedrijventerreinen", lambda: _parks(con, parks, results)))
    con.close()
    if previous is not None:
        out.append(_timed("veranderingen (inschrijvingen)",
                          lambda: _registrations(changes, current, previous)))
    return out


def _parks(con, parks, results) -> list[dict]:
    parks.prepare(con, prepared=True)
    return parks.profielen(con, results)


def _registrations(changes, current: Path, previous: Path) -> list[dict]:
    con = changes.open_pair(current, previous)
    try:
        return changes.registraties(con)
    finally:
        con.close()


def _timed(name: str, fn) -> tuple[str, float, int | None]:
    start = time.perf_counter()
    value = fn()
    return name, time.perf_counter() - start, len(value) if isinstance(value, list) else None


def report(scale: float, counts: dict, steps: list[tuple[str, float, int | None]]) -> None:
    print(f"\nDemostad schaal {scale:g}: {_nl(counts['vestigingen'])} vestigingen, "
          f"{_nl(counts['verblijfsobjecten'])} verblijfsobjecten, {os.cpu_count()} kernen")
    print(f"{'stap':<46} {'s':>7} {'rijen':>7}")
    for name, seconds, rows in steps:
        print(f"{name:<46} {seconds:>7.2f} {'' if rows is None else rows:>7}")
    total = next(s for n, s, _ in steps if n == "alle indicatoren samen")
    verdict = "gehaald" if total < TARGET_SECONDS else "NIET gehaald"
    print(f"doel: alle indicatoren < {TARGET_SECONDS:.0f} s: {total:.2f} s ({verdict})")


def _nl(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _counts(folder: Path) -> dict:
    from geo import snapshots
    from geo.db import connect

    con = connect(snapshots.current_snapshot(folder), read_only=True)
    try:
        return {"vestigingen": con.execute("SELECT count(*) FROM vestiging").fetchone()[0],
                "verblijfsobjecten": con.execute("SELECT count(*) FROM verblijfsobject")
                .fetchone()[0]}
    finally:
        con.close()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--scale", type=float, action="append", help="herhaalbaar; standaard 1 en 5")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--werkmap", type=Path, default=Path("/tmp/zicht-bench-indicatoren"))
    p.add_argument("--hergebruik", action="store_true", help="gebruik eerder gebouwde data")
    a = p.parse_args()
    for scale in a.scale or [1.0, 5.0]:
        folder = a.werkmap / f"schaal-{scale:g}"
        ensure_demo(folder, scale, a.seed, a.hergebruik)
        report(scale, _counts(folder), measure(folder))


if __name__ == "__main__":
    main()
