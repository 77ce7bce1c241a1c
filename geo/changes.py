"""What changed since the previous snapshot: registrations that started or ended, per branch
group and per buurt, and indicator results that appeared, went or changed their reason.

Both snapshots are attached read-only to one in-memory DuckDB connection (`open_pair`): the
current one as the default catalog `nu`, the previous one as `vorige`. Indicators are compared
on what each snapshot says with today's parameters, by (indicator, object).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from geo import db, indicators, kaartrechten, snapshots
from geo.branches import load_branches
from geo.sqlfiles import execute_checked, set_variables, sql_text

VERANDERING = {"nieuw": "Nieuw ingeschreven", "beeindigd": "Beëindigd"}
SIGNAAL = {"nieuw": "Nieuw signaal", "vervallen": "Vervallen signaal",
           "gewijzigd": "Signaal met andere reden"}
ZONDER_GROEP = "overig"


def open_pair(current: Path, previous: Path, rechten: kaartrechten.Kaartrechten | None = None):
    """An in-memory connection with both snapshots attached read-only; `nu` is the default.

    With map rights (geo.kaartrechten) both sides show only the vestigingen visible in `nu`: one
    the newer delivery no longer holds has no branch group to judge it by, so a restricted user
    does not see it."""
    con = db.connect()
    for path, alias in ((current, "nu"), (previous, "vorige")):
        con.execute(f"ATTACH '{_snapshot_path(path)}' AS {alias} (READ_ONLY)")
    con.execute("USE nu")
    kaartrechten.beperk(con, rechten)
    con.execute(sql_text("verandering_vorige" if rechten is None else "verandering_vorige_beperkt"))
    return con


def _snapshot_path(path: Path) -> str:
    """ATTACH takes no parameters: only a real snapshot file name goes into the statement."""
    path = Path(path)
    if not snapshots.SNAPSHOT_RE.match(path.name) or not path.is_file():
        raise ValueError(f"geen snapshotbestand: {path}")
    return str(path.resolve()).replace("'", "''")


def peildata(con) -> tuple[str, str]:
    """(peildatum of nu, peildatum of vorige)."""
    return (indicators.peildatum(con), con.execute(
        "SELECT waarde FROM vorige.meta WHERE sleutel = 'peildatum'").fetchone()[0])


def registraties(con) -> list[dict]:
    """Every vestiging that started or ended between the two peildata (see the SQL file)."""
    indicators.prepare(con)
    set_variables(con, peildatum_vorige=peildata(con)[1])
    cur = execute_checked(con, sql_text("verandering_registraties"))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def per_groep(rows: list[dict]) -> list[dict]:
    """New and ended registrations per branch group (by SBI hoofdactiviteit; a vestiging in two
    groups counts in both), then those in no group."""
    tel = Counter((g, r["verandering"]) for r in rows for g in (r["groepen"] or [ZONDER_GROEP]))
    branches = load_branches()
    out = [{"groep": g.id, "naam": g.naam, "kleur": g.kleur, "nieuw": tel[(g.id, "nieuw")],
            "beeindigd": tel[(g.id, "beeindigd")]} for g in branches.groepen]
    out.append({"groep": ZONDER_GROEP, "naam": branches.overig_naam, "kleur": branches.overig_kleur,
                "nieuw": tel[(ZONDER_GROEP, "nieuw")], "beeindigd": tel[(ZONDER_GROEP, "beeindigd")]})
    return out


def per_buurt(rows: list[dict]) -> list[dict]:
    """New and ended registrations per buurt, busiest first."""
    tel: dict[str, Counter] = {}
    for r in rows:
        naam = r["buurtnaam"] or "Buiten de buurten / niet gekoppeld"
        tel.setdefault(naam, Counter())[r["verandering"]] += 1
    out = [{"buurt": naam, "nieuw": c["nieuw"], "beeindigd": c["beeindigd"]}
           for naam, c in tel.items()]
    return sorted(out, key=lambda b: (-(b["nieuw"] + b["beeindigd"]), b["buurt"]))


def signalen(nu: dict[str, list[dict]], vorige: dict[str, list[dict]]) -> list[dict]:
    """Indicator results that are new, gone, or (for addresses, vestigingen and panden) still
    there with another reason. A buurt-level result changes its figures with every
    registration, so for those only appearing and going count."""
    out = []
    for indicator in indicators.load_indicators():
        now = {r["object_id"]: r for r in nu.get(indicator.id, [])}
        then = {r["object_id"]: r for r in vorige.get(indicator.id, [])}
        for key in sorted(now.keys() - then.keys()):
            out.append(_signaal(indicator, "nieuw", now[key], None))
        for key in sorted(then.keys() - now.keys()):
            out.append(_signaal(indicator, "vervallen", then[key], then[key]))
        for key in sorted(now.keys() & then.keys()):
            if indicator.objectsoort != "buurt" and now[key]["reden"] != then[key]["reden"]:
                out.append(_signaal(indicator, "gewijzigd", now[key], then[key]))
    return out


def _signaal(indicator: indicators.Indicator, soort: str, row: dict, eerder: dict | None) -> dict:
    return {"verandering": soort, "indicator": indicator.id, "indicator_naam": indicator.naam,
            "object_id": row["object_id"], "label": row["label"],
            "reden": row["reden"] if soort != "vervallen" else "",
            "reden_vorige": eerder["reden"] if eerder else "",
            "verblijfsobject_id": row.get("verblijfsobject_id"), "pand_id": row.get("pand_id"),
            "lon": row.get("lon"), "lat": row.get("lat")}
