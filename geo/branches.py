"""Branch groups from data/branches.toml: which SBI codes and keywords make up each theme.

The groups are data, not code, so an administrator can change them. Membership is computed in
SQL (geo/sql/branche_lid.sql) against two small tables this module provides.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyarrow as pa

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "data" / "branches.toml"


@dataclass(frozen=True)
class Groep:
    id: str
    naam: str
    kleur: str
    toelichting: str
    sbi_2008: tuple[str, ...]
    sbi_2025: tuple[str, ...]
    trefwoorden: tuple[str, ...]
    sbi_alleen_met_trefwoord: bool = False


@dataclass(frozen=True)
class Branches:
    groepen: tuple[Groep, ...]
    overig_naam: str
    overig_kleur: str

    def kleur(self, groep_id: str | None) -> str:
        return next((g.kleur for g in self.groepen if g.id == groep_id), self.overig_kleur)

    def naam(self, groep_id: str | None) -> str:
        return next((g.naam for g in self.groepen if g.id == groep_id), self.overig_naam)

    def prefix_table(self) -> pa.Table:
        """(groep, sbi_versie, prefix, lengte, alleen_met_trefwoord): one row per SBI prefix."""
        return pa.Table.from_pylist([
            {"groep": g.id, "sbi_versie": versie, "prefix": p, "lengte": len(p),
             "alleen_met_trefwoord": g.sbi_alleen_met_trefwoord}
            for g in self.groepen
            for versie, codes in (("2008", g.sbi_2008), ("2025", g.sbi_2025)) for p in codes])

    def keyword_table(self) -> pa.Table:
        """(groep, trefwoord, patroon): a regex per keyword, matched on lower-cased text."""
        return pa.Table.from_pylist([
            {"groep": g.id, "trefwoord": k, "patroon": keyword_pattern(k)}
            for g in self.groepen for k in g.trefwoorden])


@cache
def load_branches(path: Path = DEFAULT_PATH) -> Branches:
    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    groepen = tuple(Groep(
        id=g["id"], naam=g["naam"], kleur=g["kleur"], toelichting=g.get("toelichting", ""),
        sbi_2008=tuple(g.get("sbi_2008", [])), sbi_2025=tuple(g.get("sbi_2025", [])),
        trefwoorden=tuple(g.get("trefwoorden", [])),
        sbi_alleen_met_trefwoord=g.get("sbi_alleen_met_trefwoord", False),
    ) for g in doc["groep"])
    overig = doc.get("overig", {})
    return Branches(groepen, overig.get("naam", "Overige branches"), overig.get("kleur", "#BBBBBB"))


WORD_CHAR = "a-z0-9à-ÿ"


def keyword_pattern(keyword: str) -> str:
    """Regex for a keyword: a whole word, or a word start when it ends with '*'."""
    prefix = keyword.endswith("*")
    word = re.escape(keyword.rstrip("*").lower())
    end = "" if prefix else f"([^{WORD_CHAR}]|$)"
    return f"(^|[^{WORD_CHAR}]){word}{end}"


def register(con, branches: Branches | None = None) -> None:
    """Make the view branche_lid available on a connection (a read-only snapshot is fine)."""
    from geo.sqlfiles import run_script

    branches = branches or load_branches()
    con.register("branche_prefix", branches.prefix_table())
    con.register("branche_trefwoord", branches.keyword_table())
    run_script(con, "branche_lid")
