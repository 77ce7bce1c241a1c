"""`make bench` / `python -m bench`: the side-by-side benchmark (bench/README.md).

`python -m bench.build_demo` still times the default demo build on its own.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bench import suite


def parse(argv: list[str] | None = None) -> suite.Opties:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument("--scales", default="demo,provincie,regio,nationaal",
                   help="kommalijst: demo (1), provincie (17), regio (25), nationaal (167) of "
                        "naam=schaal")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--runs", type=int, default=50, help="runs per UI-query voor p50/p95")
    p.add_argument("--werkmap", type=Path, default=Path(tempfile.gettempdir()) / "zicht-bench",
                   help="waar gegenereerde data, snapshots en de PostGIS-map komen")
    p.add_argument("--hergebruik", action="store_true",
                   help="gebruik eerder gegenereerde data in de werkmap (zelfde schaal en seed)")
    p.add_argument("--zonder", default="", help="kommalijst: geopandas,postgis")
    p.add_argument("--indicator-limiet", type=float, default=300.0,
                   help="tijdsbudget (s) voor alle indicatoren samen; daarna afgebroken")
    p.add_argument("--uit", type=Path, default=suite.RESULTS, help="map voor de JSON")
    p.add_argument("--herhaal", type=int, default=1,
                   help="draai elke zijde zo vaak en neem de snelste (drukke machine)")
    p.add_argument("--opruimen", action="store_true",
                   help="verwijder per schaal ook de gegenereerde bestanden")
    a = p.parse_args(argv)
    return suite.Opties(scales=suite.parse_scales(a.scales), seed=a.seed, runs=a.runs,
                        werkmap=a.werkmap, hergebruik=a.hergebruik,
                        zonder=tuple(x for x in a.zonder.split(",") if x), uit=a.uit,
                        indicator_limiet=a.indicator_limiet, opruimen=a.opruimen,
                        herhaal=a.herhaal)


def main(argv: list[str] | None = None) -> None:
    suite.run(parse(argv))


if __name__ == "__main__":
    main()
