"""The branch-group part of every legend: which groups, in which order, with which colour, name
and count. The map on screen and every export (PNG, PDF, HTML, GeoPackage) take their rows from
here, so a vestiging in two groups (beauty and mogelijke seksbranche) is counted and coloured
the same way everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from geo.branches import Branches, load_branches
from geo.concentration import Filter

GEEN_GROEP = "Geen branchegroep"  # selected by SBI code, in none of the chosen groups


@dataclass(frozen=True)
class GroepRegel:
    groep: str | None  # None: in no (chosen) group
    naam: str
    kleur: str
    aantal: int


def group_rows(counts: dict[str | None, int], filt: Filter, branches: Branches | None = None
               ) -> list[GroepRegel]:
    """One row per group with a count, in the colour order of the selection; None last."""
    branches = branches or load_branches()
    order = filt.params(branches)["kleurgroepen"]
    rows = [GroepRegel(g, branches.naam(g), branches.kleur(g), counts[g]) for g in order if counts.get(g)]
    if counts.get(None):
        naam = GEEN_GROEP if filt.groepen else branches.overig_naam
        rows.append(GroepRegel(None, naam, branches.overig_kleur, counts[None]))
    return rows
