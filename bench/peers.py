"""What the peers share: the demo files they read and a step timer that records every step."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from loaders.meter import PeakMeter

PEILDATUM = "2026-11-01"  # the demo's peildatum: 'active' means started by then, not ended
VBO_KOLOMMEN = ["identificatie", "nummeraanduiding_hoofdadres_identificatie", "postcode",
                "huisnummer", "huisletter", "toevoeging", "pand_identificatie", "status"]
PAND_KOLOMMEN = ["identificatie", "bouwjaar", "status"]


@dataclass(frozen=True)
class Bestanden:
    gpkg: Path
    kvk: tuple[Path, ...]
    buurten: Path

    @classmethod
    def in_data_dir(cls, data_dir: Path) -> Bestanden:
        from demo.sources import DEMO_FOLDER

        root = data_dir / DEMO_FOLDER
        return cls(root / "bag-light.gpkg",
                   (root / "kvk" / "vestigingen-dook.csv", root / "kvk" / "vestigingen-sbi2025.csv"),
                   root / "gebieden" / "buurten.geojson")


class Stappen:
    """Times each step (wall time, peak RSS of this process or of a custom meter)."""

    def __init__(self, report=print, meter_factory=PeakMeter):
        self.stappen: list[dict] = []
        self.report = report
        self.meter_factory = meter_factory

    def run(self, naam: str, fn, *args, **kwargs):
        self.report(f"{naam}…")
        with self.meter_factory() as meter:
            value = fn(*args, **kwargs)
        self.stappen.append({"naam": naam, "seconden": meter.seconds, "piek_mb": meter.peak_mb})
        self.report(f"{naam}: {meter.seconds:.1f} s, piek {meter.peak_mb:,.0f} MB")
        return value


def reporter(who: str):
    return lambda m: print(f"[{time.strftime('%H:%M:%S')}] {who}: {m}", flush=True)


def write(out: Path, result: dict) -> None:
    out.write_text(json.dumps(result, default=str))
