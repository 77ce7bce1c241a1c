"""The side-by-side benchmark: per scale, generate the demo, build it with Zicht and measure
what the app does, then the same load + match + point-in-buurt + count in geopandas and in
PostGIS. Every side runs in its own process (its peak memory is its own, and a side that runs
out of memory or crashes is reported, not fatal) and one after the other (they never compete
for the 2 cores). Results: one table on stdout and one JSON file under bench/results/.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench import postgis_server, report
from bench.machine import info, load

# regio: a RIEC region, about 20-25 municipalities and 1.5 M addresses
SCALES = {"demo": 1.0, "provincie": 17.0, "regio": 25.0, "nationaal": 167.0}
RESULTS = Path(__file__).parent / "results"


@dataclass
class Opties:
    scales: list[tuple[str, float]]
    seed: int = 42
    runs: int = 50
    werkmap: Path = Path("/tmp/zicht-bench")
    hergebruik: bool = False
    zonder: tuple[str, ...] = ()
    indicator_limiet: float = 300.0
    uit: Path = RESULTS
    opruimen: bool = False
    in_proces: bool = False  # run every side in this process (the smoke test: no start-up cost)
    herhaal: int = 1  # run each side this often and keep its fastest run (a busy machine)


def parse_scales(text: str) -> list[tuple[str, float]]:
    """'demo,provincie' or 'klein=0.05,demo': names from SCALES or name=scale."""
    out = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, _, value = part.partition("=")
        if value:
            out.append((name, float(value)))
        elif name in SCALES:
            out.append((name, SCALES[name]))
        else:
            raise ValueError(f"onbekende schaal '{name}' (kies uit {', '.join(SCALES)} of naam=getal)")
    return out


def run(opties: Opties, echo=print) -> dict:
    started = time.perf_counter()
    result = {"machine": info(), "opties": _opties_json(opties), "schalen": {}}
    path = _path(opties.uit, opties.scales)
    for name, scale in opties.scales:
        result["schalen"][name] = run_scale(opties, name, scale, echo)
        _write(path, result, started)  # after every scale, so a long run keeps what it has
        echo(report.table(result))
    echo(f"Resultaat: {path}")
    return result


def run_scale(opties: Opties, name: str, scale: float, echo) -> dict:
    work = opties.werkmap / f"{name}-s{scale:g}-seed{opties.seed}"
    data = work / "data"
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    out: dict = {"schaal": scale, "load": [load()]}
    child = _in_process if opties.in_proces else _child
    out["generatie"] = child(work, "generatie", "bench.demo_data",
                             [data, scale, opties.seed, int(opties.hergebruik)], echo)
    if "fout" not in out["generatie"]:
        sides = {"zicht": lambda: child(work, "zicht", "bench.zicht_run", [
                     data, opties.runs, opties.seed, opties.indicator_limiet], echo),
                 "geopandas": lambda: child(work, "geopandas", "bench.peer_geopandas", [data],
                                            echo),
                 "postgis": lambda: _postgis(work, data, echo, child)}
        for side, run_side in sides.items():
            if side not in opties.zonder:
                out[side] = _fastest(side, [run_side() for _ in range(max(opties.herhaal, 1))])
                out["load"].append(load())
    report.compare_counts(out)
    out["duur_s"] = time.perf_counter() - started
    _clean(work, data, opties.opruimen)
    return out


def _fastest(side: str, runs: list[dict]) -> dict:
    """The run with the smallest comparable total (a failed run only when all failed); the
    totals of all runs are kept in `herhalingen`."""
    totals = [report.total({side: r}, side) for r in runs]
    ok = [(t, i) for i, t in enumerate(totals) if t is not None]
    best = runs[min(ok)[1]] if ok else runs[-1]
    return {**best, "herhalingen": totals}


def _postgis(work: Path, data: Path, echo, child) -> dict:
    from importlib.util import find_spec

    if not postgis_server.available() or find_spec("psycopg") is None:
        return {"fout": "PostgreSQL/PostGIS of psycopg niet geïnstalleerd (make bench doet dat)"}
    folder = work / "pg"
    try:
        return child(work, "postgis", "bench.peer_postgis", [data, folder], echo)
    finally:
        postgis_server.stop(folder)  # also when the child died


def _child(work: Path, naam: str, module: str, args: list, echo) -> dict:
    """Run `python -m module args… OUT.json`, echoing its output to a log; its JSON or an error."""
    out, log = work / f"{naam}.json", work / f"{naam}.log"
    out.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", module, *map(str, args[:1]), str(out), *map(str, args[1:])]
    started = time.perf_counter()
    with open(log, "w", encoding="utf-8") as logf:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for line in proc.stdout:
            logf.write(line)
            echo(line.rstrip())
        rc = proc.wait()
    if rc != 0 or not out.exists():
        tail = log.read_text(encoding="utf-8").strip().splitlines()[-3:]
        reason = "geheugen op (SIGKILL)" if rc == -9 else f"exitcode {rc}"
        return {"fout": f"{reason}: {' / '.join(tail)[-300:]}",
                "seconden": time.perf_counter() - started}
    return json.loads(out.read_text(encoding="utf-8"))


def _in_process(work: Path, naam: str, module: str, args: list, echo) -> dict:
    """The same as _child, in this process (memory figures then include everything before)."""
    import importlib

    out = work / f"{naam}.json"
    importlib.import_module(module).main([str(args[0]), str(out), *map(str, args[1:])])
    return json.loads(out.read_text(encoding="utf-8"))


def _clean(work: Path, data: Path, opruimen: bool) -> None:
    """The snapshot always goes (the PostGIS folder went already); the generated files stay for
    --hergebruik, unless --opruimen removes the whole work folder."""
    shutil.rmtree(data / "snapshots", ignore_errors=True)
    if opruimen:
        shutil.rmtree(work, ignore_errors=True)


def _opties_json(o: Opties) -> dict:
    return {"scales": dict(o.scales), "seed": o.seed, "runs": o.runs, "werkmap": str(o.werkmap),
            "hergebruik": o.hergebruik, "zonder": list(o.zonder),
            "indicator_limiet_s": o.indicator_limiet, "opruimen": o.opruimen,
            "herhaal": o.herhaal}


def _path(folder: Path, scales: list[tuple[str, float]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    names = "-".join(name for name, _ in scales)
    return folder / f"bench-{time.strftime('%Y%m%d-%H%M%S')}-{names}.json"


def _write(path: Path, result: dict, started: float) -> None:
    result["totaal_s"] = time.perf_counter() - started
    result["load_eind"] = load()
    result["tabel"] = report.table(result).splitlines()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(result, indent=1, default=str, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)
