"""Map rights: which branch groups, layers and signals one user may see, applied inside SQL.

Datarollen (cases) restrict cases; with the setting "Kaartrechten per datarol" on (Beheer), they
also decide which map data a user sees, as in VNG's DOOK. The case side decides the set
(cases/kaartrollen.py, the one place); geo receives it as plain data, a `Kaartrechten`, and never
imports cases. `None` instead of a Kaartrechten means: the setting is off, everything is visible.

What the rights mean:
- groepen: the branch groups of data/branches.toml whose vestigingen the user sees, plus OVERIG
  for the vestigingen in no group. A vestiging is visible when it belongs to at least one allowed
  group (or to none, with OVERIG allowed). Its membership of a group the user may not see is not
  shown (branche_lid keeps only allowed groups), so a restricted group leaks neither as points nor
  as counts, LQ or legend entries.
- lagen: the map layers that carry theme-sensitive data. Only RDW ('rdw', the RDW-erkende
  bedrijven) is one; BAG panden, addresses, BAG themes and areas are the public base and always
  visible.
- signalen: the indicators of data/indicators.toml the user sees; the others are never computed
  on his cursor (`signaal_toegestaan`, asked by geo.indicators before it runs one) and the pages
  do not list them.

Enforcement: `beperk(cursor, rechten)` creates TEMP views on that one cursor that shadow the
snapshot's tables `vestiging`, `branche_lid`, `koppel_kandidaat`, `rdw_bedrijf`, `sbi_code` and
`waarschuwing` (geo/sql/kaartrechten.sql). Every query that runs on the cursor afterwards, from the
map points to the GeoPackage, reads only the allowed rows: nothing is filtered after fetching and
no query needs to remember to ask. Totals count only what the user may see ("3 vestigingen in dit
pand" counts the visible ones) and never say that others are hidden: that alone would tell a
restricted user that, say, automotive is present at an address.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyarrow as pa

from geo import stored_check
from geo.sqlfiles import set_variables, sql_text

OVERIG = "overig"  # the vestigingen in no branch group
RDW = "rdw"
LAGEN = {RDW: "RDW-erkende bedrijven"}  # the theme-sensitive layers; the rest is public base


@dataclass(frozen=True)
class Kaartrechten:
    """What one user may see on the map. Sorted tuples: hashable and stable as a cache key."""

    groepen: tuple[str, ...] = ()
    lagen: tuple[str, ...] = ()
    signalen: tuple[str, ...] = ()

    @classmethod
    def van(cls, groepen: Iterable[str] = (), lagen: Iterable[str] = (),
            signalen: Iterable[str] = ()) -> Kaartrechten:
        return cls(tuple(sorted(set(groepen))), tuple(sorted(set(lagen))), tuple(sorted(set(signalen))))

    def samen(self, ander: Kaartrechten) -> Kaartrechten:
        """The union: a user with several datarollen sees what any of them allows."""
        return Kaartrechten.van(self.groepen + ander.groepen, self.lagen + ander.lagen,
                                self.signalen + ander.signalen)


def ziet_signaal(rechten: Kaartrechten | None, indicator_id: str) -> bool:
    return rechten is None or indicator_id in rechten.signalen


def ziet_laag(rechten: Kaartrechten | None, laag: str) -> bool:
    return rechten is None or laag in rechten.lagen


def beperk(con, rechten: Kaartrechten | None, lidmaatschap=None, zichtbaar=None) -> None:
    """Make this cursor see only what `rechten` allow (nothing changes for None).

    `lidmaatschap`: branch membership of the whole snapshot (geo.concentration.membership) and
    `zichtbaar`: zichtbare_vestigingen for these rights, when the caller has them already (the UI
    keeps both per snapshot); otherwise they are computed here, before anything is shadowed."""
    if rechten is None:
        return
    lid = _lidmaatschap(con, lidmaatschap)
    if zichtbaar is None:
        zichtbaar = zichtbare_vestigingen(con, rechten, lid)
    _zet(con, rechten, lid)
    con.register("kaartrecht_zichtbaar", zichtbaar)
    con.execute(sql_text("kaartrechten").replace("{snapshot}", _catalogus(con)))


def zichtbare_vestigingen(con, rechten: Kaartrechten, lidmaatschap=None) -> pa.Table:
    """(vestigingsnummer) of every vestiging `rechten` show, decided in SQL
    (geo/sql/kaartrechten_zichtbaar.sql); call it before `beperk` shadows `vestiging`."""
    _zet(con, rechten, _lidmaatschap(con, lidmaatschap))
    return con.execute(sql_text("kaartrechten_zichtbaar").replace("{snapshot}", _catalogus(con))
                       ).to_arrow_table()


def _lidmaatschap(con, lidmaatschap):
    """All memberships: the caller's, else None when the snapshot's stored `branche_lid` is
    valid (geo.stored), else computed here."""
    if lidmaatschap is not None:
        return lidmaatschap
    from geo.concentration import membership  # concentration imports branches; keep this light

    return None if stored_check.valid(con) else membership(con)


def _zet(con, rechten: Kaartrechten, lidmaatschap) -> None:
    if lidmaatschap is None:  # the build's stored table, named in full: `branche_lid` is shadowed
        con.execute(f"CREATE OR REPLACE TEMP VIEW branche_lid_alle AS "
                    f"SELECT * FROM {_catalogus(con)}.main.branche_lid")
    else:
        con.register("branche_lid_alle", lidmaatschap)
    # Cast: an empty Python list must stay an empty VARCHAR[] (allowing nothing), never NULL.
    for naam, waarden in (("kaartrecht_groepen", rechten.groepen), ("kaartrecht_signalen", rechten.signalen)):
        con.execute(f"SET VARIABLE {naam} = CAST(? AS VARCHAR[])", [list(waarden)])
    set_variables(con, kaartrecht_rdw=RDW in rechten.lagen)


def signaal_toegestaan(con, indicator_id: str) -> bool:
    """May this cursor compute this indicator? Asked of the cursor itself (the variable `beperk`
    set), so an export or page that forgets the rights still cannot compute a hidden signal."""
    [(toegestaan,)] = con.execute(
        "SELECT getvariable('kaartrecht_signalen') IS NULL "
        "OR list_contains(getvariable('kaartrecht_signalen'), ?)", [indicator_id]).fetchall()
    return bool(toegestaan)


def _catalogus(con) -> str:
    """The snapshot's catalog as a quoted identifier: the TEMP views must name the real tables
    (an unqualified name would find the view itself)."""
    naam = con.execute("SELECT current_database()").fetchone()[0]
    return '"' + naam.replace('"', '""') + '"'
