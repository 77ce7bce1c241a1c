"""RDW erkende bedrijven (5k74-3jha) and their erkenningen (nmwb-dqkz) for automotive vestigingen.

Most active automotive vestigingen have a recognition; the planted cluster has six without.
RDW has no huisletter column: letter and toevoeging go together in huisnummer_toevoeging.
"""

from __future__ import annotations

import numpy as np

from demo.names import statutory_name

AUTOMOTIVE_2025 = ("953", "4671", "4672", "4673", "478", "7711", "7712")
BEDRIJVEN_HEADER = ("volgnummer", "naam_bedrijf", "gevelnaam", "straat", "huisnummer",
                    "huisnummer_toevoeging", "postcode_numeriek", "postcode_alfanumeriek", "plaats")
ERKENNINGEN_HEADER = ("volgnummer", "erkenning")
REPAIR = ("APK Lichte voertuigen", "APK Zware voertuigen", "Erkend bedrijf Tellerstanden",
          "Inbouw LPG-installaties")
TRADE = ("Bedrijfsvoorraad", "Tenaamstellen", "Handelaarskenteken", "Erkend bedrijf Tellerstanden")


def automotive(frame: dict) -> np.ndarray:
    """Rows whose SBI 2025 main code is automotive (repair, motor trade, car rental)."""
    return np.array([code.startswith(AUTOMOTIVE_2025) for code in frame["sbi25"]], bool)


def records(frame: dict, town, without: np.ndarray, first_volgnummer: int,
            rng: np.random.Generator) -> tuple[list[tuple], list[tuple]]:
    """(erkende-bedrijven rows, erkenningen rows) for this town's automotive vestigingen."""
    rows = np.flatnonzero(automotive(frame) & np.isnat(frame["end"]) & (frame["vbo"] >= 0)
                          & (frame["special"] == 0))
    keep = (rng.random(len(rows)) < 0.88) | (frame["tag"][rows] != None)  # noqa: E711
    rows = rows[keep & ~np.isin(rows, without)]
    v = town.vbo
    bedrijven, erkenningen = [], []
    for k, r in enumerate(rows.tolist()):
        i = int(frame["vbo"][r])
        nummer = first_volgnummer + k
        toev = "".join(p for p in (v["huisletter"][i], v["toevoeging"][i]) if p)
        naam = frame["naam"][r]
        bedrijven.append((nummer, statutory_name(naam, frame["rechtsvorm"][r]).upper(),
                          naam if rng.random() < 0.8 else "", town.street_names[v["street"][i]],
                          int(v["huisnummer"][i]), toev, v["postcode"][i][:4],
                          v["postcode"][i][4:], town.gem.naam.upper()))
        options = TRADE if frame["sbi25"][r].startswith(("47", "46")) else REPAIR
        count = int(rng.integers(1, len(options) + 1))
        for erkenning in sorted(rng.choice(options, count, replace=False).tolist()):
            erkenningen.append((nummer, erkenning))
    return bedrijven, erkenningen
