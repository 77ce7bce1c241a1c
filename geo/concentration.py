"""Selections of vestigingen and where they concentrate: per buurt, wijk, bedrijventerrein or
square RD grid cell, as counts, per 1.000 inwoners and as location quotient (LQ).

A selection (Filter) is the branch groups and SBI codes an analyst chose plus the other filters
(status on the peildatum, hoofd-/nevenvestiging, date of registration). Its SQL is
geo/sql/kaart_selectie.sql, put in front of every query that uses it, so the map, the
concentrations and the downloads all count the same vestigingen.

    LQ = (selected in area / all in area) / (selected in gemeente / all in gemeente)

where "all" means the vestigingen that meet the same filters in every branch (the basis), and
"gemeente" every located vestiging of the basis in the snapshot. An area with fewer than
`min_basis` vestigingen gets no LQ: a quotient over two or three companies says nothing.
Per 1.000 inwoners uses CBS aantal_inwoners; where CBS gives no number it stays unknown (None),
never 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pyarrow as pa

from geo.branches import Branches, keyword_pattern, load_branches
from geo.sbi import prefixes as sbi_prefixes
from geo.sqlfiles import GEO_SQL, execute_checked, fetch_rows, sql_text

STATUSSEN = ("actief", "beeindigd", "alle")
SOORTEN = ("alle", "hoofd", "neven")
MIN_BASIS = 5
TOLERANTIE_M = 1.0
HEEL_NEDERLAND = (0.0, 300000.0, 300000.0, 625000.0)  # RD box around the whole country
# 'versie:code', or geo.sbi.ONBEKEND for the vestigingen with a code in neither list
SBI_KEUZE_RE = re.compile(r"^((2008|2025):[0-9A-Z]{1,6}|onbekend)$")


@dataclass(frozen=True)
class Filter:
    """What is selected. Hashable, so it can key a cache; `sbi` entries are 'versie:prefix'."""

    peildatum: str
    status: str = "actief"
    soort: str = "alle"
    van: date | None = None
    tot: date | None = None
    groepen: tuple[str, ...] = ()
    sbi: tuple[str, ...] = ()  # 'versie:code'; a section letter selects all its divisions
    alleen_hoofd: bool = False
    trefwoord: bool = False

    def __post_init__(self):
        if self.status not in STATUSSEN or self.soort not in SOORTEN:
            raise ValueError(f"onbekende status/soort: {self.status!r}, {self.soort!r}")
        bad = [k for k in self.sbi if not SBI_KEUZE_RE.match(k)]
        if bad:
            raise ValueError(f"SBI-keuze niet als 'versie:code': {bad}")

    @property
    def heeft_branchekeuze(self) -> bool:
        return bool(self.groepen or self.sbi)

    def params(self, branches: Branches | None = None) -> dict:
        """Bound parameters of kaart_selectie.sql."""
        return {
            "peildatum": self.peildatum, "status": self.status, "soort": self.soort,
            "van": self.van, "tot": self.tot, "groepen": list(self.groepen),
            "kleurgroepen": [g for g in colour_order(branches) if g in self.groepen]
            if self.groepen else colour_order(branches),
            "sbi": sbi_prefixes(self.sbi), "alleen_hoofd": self.alleen_hoofd, "trefwoord": self.trefwoord,
        }


def colour_order(branches: Branches | None = None) -> list[str]:
    """Which group colours a vestiging that is in several: the narrow groups (those that need a
    keyword on top of the code, such as 'mogelijke seksbranche') first, then the file's order."""
    branches = branches or load_branches()
    smal = [g.id for g in branches.groepen if g.sbi_alleen_met_trefwoord]
    return smal + [g.id for g in branches.groepen if not g.sbi_alleen_met_trefwoord]


def selection_sql(name: str, folder: Path = GEO_SQL) -> str:
    """The text of <folder>/<name>.sql (geo/sql unless given) preceded by the selection's WITH list."""
    return sql_text("kaart_selectie") + "\n" + sql_text(name, folder)


def membership(con, branches: Branches | None = None) -> pa.Table:
    """(vestigingsnummer, groep, via, trefwoord): who is in which branch group and why.

    The same meaning as geo/sql/branche_lid.sql, computed with one constant regular expression
    per group instead of one per (vestiging, keyword) pair: seconds become tenths of a second.
    """
    branches = branches or load_branches()
    woorden = []
    for groep in branches.groepen:
        if not groep.trefwoorden:
            continue
        patronen = [(k, re.compile(keyword_pattern(k))) for k in groep.trefwoorden]
        samen = "|".join(f"(?:{keyword_pattern(k)})" for k in groep.trefwoorden)
        for nummer, tekst in execute_checked(con, sql_text("concentratie_woord"), {"patroon": samen}
                                         ).fetchall():
            trefwoord = min(k for k, p in patronen if p.search(tekst))
            woorden.append({"vestigingsnummer": nummer, "groep": groep.id, "trefwoord": trefwoord})
    schema = pa.schema([("vestigingsnummer", pa.string()), ("groep", pa.string()),
                        ("trefwoord", pa.string())])
    con.register("lid_prefix", branches.prefix_table())
    con.register("lid_woord", pa.Table.from_pylist(woorden, schema=schema))
    try:
        return execute_checked(con, sql_text("concentratie_lid")).to_arrow_table()
    finally:
        con.unregister("lid_prefix")
        con.unregister("lid_woord")


def register_membership(con, table: pa.Table | None = None) -> None:
    """Make `branche_lid` available on this connection or cursor (computed when not given)."""
    con.register("branche_lid", membership(con) if table is None else table)


def totals(con, filt: Filter) -> dict:
    """aantal / alle in the whole snapshot, and how many of them have no location."""
    return fetch_rows(con, selection_sql("concentratie_totaal"), filt.params())[0]


def per_groep(con, filt: Filter) -> list[dict]:
    """The selection counted per colour group (groep None: in no group)."""
    return fetch_rows(con, selection_sql("concentratie_groepen"), filt.params())


def per_area(con, filt: Filter, gebiedsoort: str, bron: str | None = None,
             min_basis: int = MIN_BASIS, tolerantie: float = TOLERANTIE_M) -> list[dict]:
    """Per area of one kind: aantal, alle, inwoners, per_1000_inwoners, lq and its GeoJSON
    geometry (text, lon/lat)."""
    params = {**filt.params(), "gebiedsoort": gebiedsoort, "bron": bron,
              "min_basis": min_basis, "tolerantie": tolerantie}
    return fetch_rows(con, selection_sql("concentratie_gebied"), params)


def per_cell(con, filt: Filter, cel: float, box: tuple = HEEL_NEDERLAND,
             min_basis: int = MIN_BASIS) -> list[dict]:
    """Per square RD cell of `cel` metres with at least one vestiging of the basis inside `box`
    (xmin, ymin, xmax, ymax in RD): i, j, aantal, alle, lq, geometrie."""
    xmin, ymin, xmax, ymax = box
    params = {**filt.params(), "cel": float(cel), "min_basis": min_basis,
              "xmin": xmin, "ymin": ymin, "xmax": xmax, "ymax": ymax}
    return fetch_rows(con, selection_sql("concentratie_raster"), params)


def vestigingsnummers(con, filt: Filter, vorm: str | None = None) -> list[str]:
    """The selection's vestigingsnummers, optionally only those inside a GeoJSON shape (lon/lat)."""
    params = {**filt.params(), "vorm": vorm}
    return [r[0] for r in con.execute(selection_sql("concentratie_nummers"), params).fetchall()]
