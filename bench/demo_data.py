"""Demo data for one benchmark scale: generated once into a work folder, then registered.

At scale > 1 the BAG source is registered WITHOUT a gemeente, so the pipeline loads every
municipality of the file (as a regional or national install would); at scale <= 1 the demo's
own registration (gemeente 9999, Demostad) is kept. The generation time and peak memory are
stored beside the data (gen.json) so a rerun with --hergebruik can report them without
generating 6 GB again.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict, dataclass
from inspect import signature
from pathlib import Path

from bench.machine import load
from loaders.meter import PeakMeter

GEN_FILE = "gen.json"


@dataclass
class Generatie:
    seconden: float
    piek_mb: float
    load: list[float]
    hergebruikt: bool
    aantallen: dict


def prepare(data_dir: Path, scale: float, seed: int, reuse: bool, report=None) -> Generatie:
    """Generate (or reuse) the raw files under data_dir and register them as sources."""
    from demo import sources as demo_sources

    gen_file = data_dir / GEN_FILE
    if reuse and _reusable(data_dir, scale, seed):
        stored = json.loads(gen_file.read_text())
        gen = Generatie(**{k: stored[k] for k in ("seconden", "piek_mb", "load", "aantallen")},
                        hergebruikt=True)
        _register_all(data_dir, scale)
        return gen
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    # Only the generator is timed: `zicht demo` also builds a previous snapshot for
    # "Wat is er veranderd", which the benchmark does not need.
    skip = {"vorige": False} if "vorige" in signature(
        demo_sources.generate_and_register).parameters else {}
    with PeakMeter() as meter:
        demo_sources.generate_and_register(data_dir, scale, seed, vervang=True, report=report,
                                           **skip)
    manifest = _manifest(data_dir)
    gen = Generatie(meter.seconds, meter.peak_mb, load(), False, manifest["aantallen"])
    gen_file.write_text(json.dumps({**asdict(gen), "scale": scale, "seed": seed}, indent=1))
    _register_all(data_dir, scale)
    return gen


def _manifest(data_dir: Path) -> dict:
    from demo.sources import DEMO_FOLDER

    return json.loads((data_dir / DEMO_FOLDER / "manifest.json").read_text())


def _reusable(data_dir: Path, scale: float, seed: int) -> bool:
    try:
        stored = json.loads((data_dir / GEN_FILE).read_text())
        manifest = _manifest(data_dir)
    except (OSError, ValueError):
        return False
    return (stored.get("scale") == scale and stored.get("seed") == seed
            and manifest.get("scale") == scale and manifest.get("seed") == seed)


def _register_all(data_dir: Path, scale: float) -> None:
    """Scale > 1: the BAG source without gemeente (all municipalities); else as generated."""
    from loaders.sources import read_register, write_register

    bronnen = read_register(data_dir)
    for bron in bronnen:
        if bron.rol == "bag":
            if scale > 1:
                bron.opties.pop("gemeente", None)
                bron.opties["gemeentenaam"] = "Demoland" if scale > 20 else "Demoprovincie"
            else:
                bron.opties["gemeente"] = "9999"
    write_register(data_dir, bronnen)


def gemeenten(data_dir: Path) -> list[str]:
    return _manifest(data_dir)["gemeenten"]


def main(argv: list[str]) -> None:
    """python -m bench.demo_data DATA_DIR OUT.json SCALE SEED REUSE(0/1)"""
    import sys

    from bench.peers import reporter, write

    data_dir, out, scale, seed, reuse = argv[0], argv[1], float(argv[2]), int(argv[3]), argv[4]
    say = reporter("genereren")
    gen = prepare(Path(data_dir), scale, seed, reuse == "1", report=say)
    write(Path(out), asdict(gen))
    sys.stdout.flush()


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
