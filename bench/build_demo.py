"""Build Demostad from scratch and print wall time and peak memory per step.

Target (issue 2): the default demo (scale 1) builds in under 60 s on a 2-core machine.
Run: .venv/bin/python -m bench.build_demo [--scale 1] [--seed 42]
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from loaders.meter import PeakMeter

TARGET_SECONDS = 60.0


def run(scale: float, seed: int, folder: Path) -> list[tuple[str, float, float]]:
    from demo import sources as demo_sources
    from loaders import pipeline

    os.environ["ZICHT_DATA_DIR"] = str(folder)
    with PeakMeter() as gen:
        demo_sources.generate_and_register(folder, scale, seed, vervang=False)
    result = pipeline.build(folder)
    return [("Demostad genereren", gen.seconds, gen.peak_mb)] + [
        (s.naam, s.seconden, s.piek_mb) for s in result.stappen]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="zicht-bench-") as tmp, PeakMeter() as total:
        steps = run(args.scale, args.seed, Path(tmp))
    print(f"Demostad bouwen, schaal {args.scale}, {os.cpu_count()} kernen")
    print(f"{'stap':<44} {'s':>8} {'piek MB':>9}")
    for naam, sec, mb in steps:
        print(f"{naam:<44} {sec:>8.2f} {mb:>9.0f}")
    print(f"{'totaal':<44} {total.seconds:>8.2f} {total.peak_mb:>9.0f}")
    print(f"doel < {TARGET_SECONDS:.0f} s: {total.seconds / TARGET_SECONDS:.2f} × het doel "
          f"({'gehaald' if total.seconds < TARGET_SECONDS else 'NIET gehaald'})")


if __name__ == "__main__":
    main()
