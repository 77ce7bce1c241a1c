"""The BAG source kinds: bag-light GeoPackage, LVBAG XML extract, PDOK OGC API."""

from __future__ import annotations

import argparse


def gemeente_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--gemeente", help="gemeentecode, bv. 0637; zonder: het hele bestand")


# What every BAG kind fills, with the label of its count (zicht status, Gegevens).
TABELLEN = {"pand": "Panden", "verblijfsobject": "Verblijfsobjecten", "ligplaats": "Ligplaatsen",
            "standplaats": "Standplaatsen", "nevenadres": "Nevenadressen"}
