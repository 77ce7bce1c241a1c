"""What a hit/no-hit question is about, in identifiers a case link may carry.

A case can be linked to a pand, a verblijfsobject (adres), a nummeraanduiding, a vestiging or an
onderneming (KVK-nummer). A question about an address must find a case linked to any of those that
lies at or contains that address; a question about a company (by number or by name) must find its
vestigingen, its onderneming and the address and pand where it is located. This module turns the
question into that set of identifiers using the snapshot; cases.access asks the case store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo import search
from geo.sqlfiles import sql_text

MAX_GENOEMD = 3  # names spelled out in the answer; the rest are counted


@dataclass(frozen=True)
class Vraag:
    soort: str                      # adres | bag | onderneming | vestiging | naam
    identificaties: tuple[str, ...]  # empty when the address or name is not in the snapshot
    omschrijving: str               # what was checked, in words


def resolve(con, text: str) -> Vraag | None:
    """The question for what the user typed; None when it is no address, number or name."""
    digits = re.sub(r"[\s.]", "", text or "")
    if digits.isdigit() and len(digits) == 16:
        return _bag(con, digits)
    vraag = search.parse(text or "")
    if vraag is None:
        return None
    if vraag.soort in ("kvk_nummer", "vestigingsnummer"):
        return _company_number(con, vraag.soort, digits)
    found = search.search(con, text)
    if vraag.soort == "naam":
        return _by_name(con, [r for r in found if r["soort"] == "vestiging"])
    adressen = [r for r in found if r["soort"] == "adres"]
    ids = linked_objects(con, [r["id"] for r in adressen], [])
    return Vraag("adres", ids, "het adres " + _names(adressen, with_detail=True) if adressen else "")


def for_object(con, object_type: str, ident: str) -> tuple[str, ...]:
    """The identifiers to ask about for one object on a map card (pand, adres, vestiging, …)."""
    if object_type in ("pand", "adres"):
        return _bag(con, ident).identificaties
    if object_type in ("vestiging", "maatschappelijke_activiteit"):
        soort = "vestigingsnummer" if object_type == "vestiging" else "kvk_nummer"
        return _company_number(con, soort, ident).identificaties
    return (ident,)


def linked_objects(con, verblijfsobjecten: list[str], vestigingen: list[str]) -> tuple[str, ...]:
    """Every identifier at or containing these addresses and companies (see treffer_objecten.sql)."""
    if not verblijfsobjecten and not vestigingen:
        return ()
    rows = con.execute(sql_text("treffer_objecten"),
                       {"verblijfsobjecten": verblijfsobjecten, "vestigingen": vestigingen}).fetchall()
    return tuple(r[0] for r in rows)


def _bag(con, bag_id: str) -> Vraag:
    vbos = [r[0] for r in con.execute(sql_text("treffer_bag_id"), {"bag_id": bag_id}).fetchall()]
    ids = tuple(sorted({bag_id, *linked_objects(con, vbos, [])}))
    return Vraag("bag", ids, f"BAG-identificatie {bag_id}")


def _company_number(con, soort: str, nummer: str) -> Vraag:
    kvk, vestiging = (nummer, None) if soort == "kvk_nummer" else (None, nummer)
    rows = con.execute(sql_text("treffer_kvk"), {"kvk": kvk, "vestiging": vestiging}).fetchall()
    ids = tuple(sorted({nummer, *linked_objects(con, [], [r[0] for r in rows])}))
    if soort == "kvk_nummer":
        return Vraag("onderneming", ids, f"KVK-nummer {nummer} en de vestigingen ervan")
    return Vraag("vestiging", ids, f"vestigingsnummer {nummer}")


def _by_name(con, vestigingen: list[dict]) -> Vraag:
    if not vestigingen:
        return Vraag("naam", (), "")
    ids = linked_objects(con, [], [r["id"] for r in vestigingen])
    wie = "de vestiging " if len(vestigingen) == 1 else "de vestigingen "
    return Vraag("naam", ids, wie + _names(vestigingen, with_detail=False))


def _names(rows: list[dict], with_detail: bool) -> str:
    names = ", ".join(f"{r['label']} ({r['detail']})" if with_detail and r["detail"] else str(r["label"])
                      for r in rows[:MAX_GENOEMD])
    more = len(rows) - MAX_GENOEMD
    return names + (f" en {more} andere" if more > 0 else "")
