"""KVK -> BAG match quality on the truth set (tests/loaders/match_truth.py): precision and recall
overall, per score band, per method, per rule and per spelling, on the real Amsterdam BAG sample.

precisie: of the chosen objects, the share that is the true one. recall: of the companies at an
address that exists in BAG, the share placed on their object (any score); zeker: the same with
score >= 0.9; in kand.: the true object is among the candidates the analyst sees.
Run: .venv/bin/python -m bench.match_truth [--per-adres 8] [--seed 11]
"""

from __future__ import annotations

import argparse
import sys
import time

from geo.db import connect
from tests.conftest import SHARED
from tests.loaders import match_truth as mt


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--per-adres", type=int, default=8)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    pad = SHARED / "fixtures" / "bag" / "bagadres-full-amsterdam.csv"
    if not pad.exists():
        sys.exit(f"{pad} ontbreekt: deze meting leest de echte BAG-voorbeeldadressen")
    adressen = mt.lees_adressen(pad)
    gevallen = mt.genereer(adressen, args.per_adres, args.seed) + mt.HANDWERK
    con = connect()
    mt.laad_bag(con, adressen)
    start = time.perf_counter()
    resultaten = mt.koppel(con, gevallen)
    seconden = time.perf_counter() - start
    print(f"{len(adressen)} echte BAG-adressen, {len(gevallen)} gevallen "
          f"({sum(g.waar is None for g in gevallen)} zonder BAG-object), koppelen {seconden:.2f} s")
    print(mt.tekst(mt.tabel(resultaten)))


if __name__ == "__main__":
    main()
