"""What the build computes once and stores in the snapshot: branch-group membership (table
`branche_lid`, the relation every selection reads) and every indicator's results (one table
`signaal_<id>` each, plus `signaal` with the ones that could not be computed).

Both follow from data/branches.toml and data/indicators.toml. The build records a hash of the two
files (meta `configuratie`); when a file changed after the build, the stored figures are not used
and the app computes them as before, so an edited branch group never shows yesterday's counts.
"""

from __future__ import annotations

import duckdb

from geo import indicators as ind
from geo.stored_check import SLEUTEL, beperkt, config_hash, registered, valid


def store(con) -> None:
    """At build time, on the snapshot being built (its meta already written)."""
    from geo.concentration import membership

    con.register("lid", membership(con))
    con.execute("CREATE TABLE branche_lid AS SELECT * FROM lid")
    con.unregister("lid")
    con.execute("CREATE TABLE signaal (indicator VARCHAR PRIMARY KEY, fout VARCHAR)")
    ind.prepare(con)
    for indicator in ind.load_indicators():
        try:
            ind.check_available(con, indicator)
            ind.set_parameters(con, indicator)
            con.execute(f"CREATE TABLE {_table(indicator.id)} AS "
                        + ind.RESULT_SQL.format(ind.sql_text("indicator_" + indicator.id)))
            fout = None
        except ind.NietBerekend as exc:
            fout = str(exc)
        except duckdb.Error as exc:
            fout = f"Dit signaal kon niet worden berekend: {exc}"
        con.execute("INSERT INTO signaal VALUES (?, ?)", [indicator.id, fout])
    con.execute("INSERT INTO meta VALUES (?, ?)", [SLEUTEL, config_hash()])


def membership_to_register(con):
    """What a connection needs registered as `branche_lid`: None when the snapshot's stored
    table is valid, else the membership computed now (an Arrow table)."""
    from geo.concentration import membership

    return None if valid(con) else membership(con)


def ensure_membership(con) -> None:
    """branche_lid on this connection: the one registered already (the UI's cursors), the stored
    table when valid, or computed and registered here."""
    if not registered(con) and not valid(con):
        con.register("branche_lid", membership_to_register(con))


def results(con) -> dict[str, dict] | None:
    """id -> {indicator, rijen, fout} as geo.indicators.run gives them, or None when the snapshot
    has no valid stored results, or when the cursor sees through map rights (the stored results
    count every vestiging). NietBerekend keeps its Dutch message in fout."""
    if not valid(con) or beperkt(con):
        return None
    fouten = dict(con.execute("SELECT indicator, fout FROM signaal").fetchall())
    out = {}
    for indicator in ind.load_indicators():
        if indicator.id not in fouten:
            return None  # an indicator added after the build: compute them all as before
        fout = fouten[indicator.id]
        rijen = [] if fout else _rows(con, f"SELECT * FROM {_table(indicator.id)}")
        for row in rijen:
            row["indicator"] = indicator.id
            row["reden"] = ind.reden(indicator, row)
        out[indicator.id] = {"indicator": indicator, "rijen": rijen, "fout": fout}
    return out


def _table(indicator_id: str) -> str:
    if not indicator_id.replace("_", "").isalnum():
        raise ValueError(f"indicator-id niet als tabelnaam te gebruiken: {indicator_id!r}")
    return f"signaal_{indicator_id}"


def _rows(con, sql: str) -> list[dict]:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
