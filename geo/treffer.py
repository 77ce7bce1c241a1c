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
from geo.sqlfiles import execute_checked, sql_text

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


def for_objects(con, objects: list[tuple[str, str]]) -> tuple[str, ...]:
    """The identifiers to ask about for the objects on a map card (pand, adres, vestiging, …),
    in three queries however many objects the card holds."""
    bag = [i for kind, i in objects if kind in ("pand", "adres")]
    kvk = [i for kind, i in objects if kind == "maatschappelijke_activiteit"]
    vestigingen = [i for kind, i in objects if kind == "vestiging"]
    vbos = _vbos(con, bag) if bag else []
    bedrijven = _vestigingen(con, kvk, vestigingen) if kvk or vestigingen else []
    return tuple(sorted({i for _, i in objects} | set(linked_objects(con, vbos, bedrijven))))


def linked_objects(con, verblijfsobjecten: list[str], vestigingen: list[str]) -> tuple[str, ...]:
    """Every identifier at or containing these addresses and companies (see treffer_objecten.sql)."""
    if not verblijfsobjecten and not vestigingen:
        return ()
    rows = execute_checked(con, sql_text("treffer_objecten"),
                       {"verblijfsobjecten": verblijfsobjecten, "vestigingen": vestigingen}).fetchall()
    return tuple(r[0] for r in rows)


def _vbos(con, bag_ids: list[str]) -> list[str]:
    return [r[0] for r in execute_checked(con, sql_text("treffer_bag_id"), {"bag_ids": bag_ids}).fetchall()]


def _vestigingen(con, kvk: list[str], vestigingen: list[str]) -> list[str]:
    rows = execute_checked(con, sql_text("treffer_kvk"), {"kvk": kvk, "vestigingen": vestigingen}).fetchall()
    return [r[0] for r in rows]


def _bag(con, bag_id: str) -> Vraag:
    ids = tuple(sorted({bag_id, *linked_objects(con, _vbos(con, [bag_id]), [])}))
    return Vraag("bag", ids, f"BAG-identificatie {bag_id}")


def _company_number(con, soort: str, nummer: str) -> Vraag:
    kvk, vestiging = ([nummer], []) if soort == "kvk_nummer" else ([], [nummer])
    ids = tuple(sorted({nummer, *linked_objects(con, [], _vestigingen(con, kvk, vestiging))}))
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
