"""Demostad: a fictional municipality (gemeentecode 9999) with BAG, KVK, CBS, IBIS and RDW files.

`generate` writes the raw source files in their real formats, so the demo runs through the same
loaders as real data. Scale 1 is a town of ~125,000 inhabitants (60,000 verblijfsobjecten,
15,000 vestigingen); scale < 1 shrinks it; scale > 1 adds further fictional municipalities
(9998, 9997, …) of ~60,000 verblijfsobjecten each in the North Sea. Only Demostad has the
planted situations (planted.json). Same (scale, seed) gives byte-identical CSV/JSON/GeoJSON.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np

from demo import api, gebieden, messiness, plaatsen, planted, rdw, vestigingen, writers
from demo.areas import Gemeente
from demo.companies import SBI2025_START
from demo.town import build_town

PEILDATUM = "2026-11-01"
GEMEENTECODE, GEMEENTENAAM = "9999", "Demostad"


def municipalities(scale: float) -> list[Gemeente]:
    """Demostad first (size min(scale, 1)), then one extra municipality per further unit, in
    rows of eight from RD x = 2 km (every village within the Netherlands' RD range, which the
    area loader checks)."""
    out = [Gemeente(0, GEMEENTECODE, GEMEENTENAAM, "8999", (140000.0, 505000.0),
                    min(scale, 1.0), "stad", tuple(range(9990, 10000)))]
    remaining, i = scale - 1.0, 1
    while remaining > 0.02:
        size = min(1.0, remaining)
        col, row = (i - 1) % 8, (i - 1) // 8
        out.append(Gemeente(i, str(9999 - i), f"Demodorp {i + 1}", str(8999 - i),
                            (2000.0 + 9000.0 * col, 430000.0 + 9000.0 * row), size, "dorp",
                            tuple(9989 - 8 * (i - 1) - k for k in range(8))))
        remaining -= size
        i += 1
    return out


class _Outputs:
    """Every file of the demo, opened for appending one municipality at a time."""

    def __init__(self, out: Path):
        self.out = out
        self.bag = writers.BagWriter(out / "bag-light.gpkg")
        kvk = out / "kvk"
        self.dook = writers.CsvAppender(kvk / "vestigingen-dook.csv", writers.DOOK_HEADER)
        self.sbi2025 = writers.CsvAppender(kvk / "vestigingen-sbi2025.csv", writers.DOOK_HEADER)
        self.rdw_bedrijven = writers.CsvAppender(out / "rdw" / "erkende-bedrijven.csv",
                                                 rdw.BEDRIJVEN_HEADER, ",", bom=False, crlf=False)
        self.rdw_erkenningen = writers.CsvAppender(out / "rdw" / "erkenningen.csv",
                                                   rdw.ERKENNINGEN_HEADER, ",", bom=False,
                                                   crlf=False)
        self.api_dir = kvk / "api"
        self.api_dir.mkdir(parents=True, exist_ok=True)
        for old in self.api_dir.glob("vestigingsprofiel_*.json"):
            old.unlink()
        self.cbs: dict[str, list] = {"gemeente": [], "wijken": [], "buurten": []}
        self.ibis: list = []
        self.eigen: list = []
        self.planted: dict | None = None
        self.counts = {"verblijfsobjecten": 0, "panden": 0, "vestigingen_actief": 0,
                       "vestigingen_beeindigd": 0, "api_bestanden": 0, "rdw_bedrijven": 0}
        self.volgnummer = 100001


def generate(out_dir: Path, scale: float = 1.0, seed: int = 42,
             progress: Callable[[str, float], None] | None = None) -> dict:
    """Write the raw source files of the demo into out_dir and return the manifest (also written
    as out_dir/manifest.json)."""
    if scale <= 0:
        raise ValueError("scale moet groter dan 0 zijn")
    seed = int(seed) % 2**63  # numpy seeds must be non-negative
    say = progress or (lambda _step, _fraction: None)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    gemeenten = municipalities(scale)
    outputs = _Outputs(out)
    for k, gem in enumerate(gemeenten):
        share = 1.0 / len(gemeenten)
        say(f"{gem.naam}: straten, panden en adressen", k * share)
        town = build_town(gem, seed)
        say(f"{gem.naam}: vestigingen en bestanden", (k + 0.5) * share)
        _write_town(outputs, town, seed)
    say("Gebieden, manifest en geplante situaties schrijven", 0.98)
    outputs.bag.finish()
    manifest = _finish(outputs, gemeenten, scale, seed)
    say("Klaar", 1.0)
    return manifest


def _write_town(o: _Outputs, town, seed: int) -> None:
    gem = town.gem
    frame, spec = vestigingen.build(town, seed)
    o.bag.write(town, seed)
    rng = np.random.default_rng([seed, gem.index, 11])
    delivered = _take(frame, np.flatnonzero(frame["channel"] == "csv"))
    addr = messiness.address_columns(delivered, town, rng)
    new = delivered["start"] >= SBI2025_START
    o.dook.append(writers.dook_rows(delivered, np.flatnonzero(~new), addr, "2008"))
    o.sbi2025.append(writers.dook_rows(delivered, np.flatnonzero(new), addr, "2025"))
    if gem.planted:
        o.dook.append(plaatsen.kvk_rijen(o.bag.plaatsen, gem.naam))
    api_rows = np.flatnonzero(frame["channel"] == "api")
    o.counts["api_bestanden"] += api.write_profiles(o.api_dir, frame, api_rows, town, rng)
    without = spec["automotive_cluster"]["zonder_rdw"] if spec else np.array([], int)
    bedrijven, erkenningen = rdw.records(frame, town, without, o.volgnummer, rng)
    o.volgnummer += len(bedrijven) + 100
    o.rdw_bedrijven.append(bedrijven)
    o.rdw_erkenningen.append(erkenningen)
    gemeente, wijken, buurten = gebieden.cbs_features(town, rng)
    o.cbs["gemeente"].append(gemeente)
    o.cbs["wijken"] += wijken
    o.cbs["buurten"] += buurten
    o.ibis += gebieden.ibis_features(town)
    if spec:
        o.eigen += gebieden.eigen_features(town)
        codes = [b["properties"]["buurtcode"] for b in buurten]
        rin = [f["properties"]["RIN_NUMMER"] for f in o.ibis[-len(town.layout.parks):]]
        o.planted = planted.describe(spec, frame, town, codes, rin)
    _count(o, town, frame, len(bedrijven))


def _take(frame: dict, rows: np.ndarray) -> dict:
    return {k: v[rows] for k, v in frame.items()}


def _count(o: _Outputs, town, frame: dict, n_rdw: int) -> None:
    ended = ~np.isnat(frame["end"])
    o.counts["verblijfsobjecten"] += len(town.vbo["identificatie"])
    o.counts["panden"] += len(town.pand["identificatie"])
    o.counts["vestigingen_actief"] += int((~ended).sum())
    o.counts["vestigingen_beeindigd"] += int(ended.sum())
    o.counts["rdw_bedrijven"] += n_rdw


def _finish(o: _Outputs, gemeenten: list[Gemeente], scale: float, seed: int) -> dict:
    folder = o.out / "gebieden"
    for name, features in o.cbs.items():
        gebieden.write(folder / f"{name}.geojson", gebieden.collection(features))
    gebieden.write(folder / "bedrijventerreinen-ibis.geojson",
                   gebieden.collection(o.ibis, gebieden.IBIS_CRS, "IBISbedrijventerreinen"))
    gebieden.write(folder / "bedrijventerreinen-eigen.geojson", gebieden.collection(o.eigen))
    writers.write_json(o.out / "planted.json", o.planted)
    manifest = _manifest(gemeenten, scale, seed, o.counts)
    writers.write_json(o.out / "manifest.json", manifest)
    return manifest


def _manifest(gemeenten: list[Gemeente], scale: float, seed: int, counts: dict) -> dict:
    p = PEILDATUM
    return {
        "gemeentecode": GEMEENTECODE, "gemeentenaam": GEMEENTENAAM, "peildatum": p,
        "scale": scale, "seed": seed, "is_demo": True,
        "gemeenten": [g.code for g in gemeenten],
        "bronnen": [
            {"bron": "bag", "soort": "bag-gpkg", "pad": "bag-light.gpkg", "peildatum": p,
             "opties": {"gemeente": GEMEENTECODE,
                        "omschrijving": "BAG Demostad (bag-light GeoPackage)"}},
            {"bron": "kvk-dook", "soort": "kvk-file", "pad": "kvk/vestigingen-dook.csv",
             "peildatum": p, "opties": {"preset": "dook", "sbi_versie": "2008",
                                        "omschrijving": "KVK-selectie, DOOK-export (SBI 2008)"}},
            {"bron": "kvk-sbi2025", "soort": "kvk-file", "pad": "kvk/vestigingen-sbi2025.csv",
             "peildatum": p, "opties": {"preset": "dook", "sbi_versie": "2025", "omschrijving":
                                        "KVK-selectie, nieuwe inschrijvingen (SBI 2025)"}},
            {"bron": "kvk-api", "soort": "kvk-json", "pad": "kvk/api", "peildatum": p,
             "opties": {"omschrijving": "KVK API-antwoorden (vestigingsprofielen)"}},
            {"bron": "cbs", "soort": "gebieden", "pad": "gebieden", "peildatum": "2024-01-01",
             "opties": {"cbs": True, "omschrijving": "CBS gemeente, wijken en buurten"}},
            {"bron": "bedrijventerreinen-ibis", "soort": "gebieden",
             "pad": "gebieden/bedrijventerreinen-ibis.geojson", "peildatum": "2024-01-01",
             "opties": {"soort": "bedrijventerrein", "omschrijving": "Bedrijventerreinen (IBIS)"}},
            {"bron": "bedrijventerreinen-eigen", "soort": "gebieden",
             "pad": "gebieden/bedrijventerreinen-eigen.geojson", "peildatum": p,
             "opties": {"soort": "bedrijventerrein",
                        "omschrijving": "Bedrijventerreinen (eigen intekening)"}},
            {"bron": "rdw", "soort": "rdw", "pad": "rdw", "peildatum": p, "opties": {}},
        ],
        "aantallen": counts,
    }
