"""Search: postcode + huisnummer, straat + huisnummer, KVK-nummer, vestigingsnummer, handelsnaam.

The query text decides which kind of search runs; every result carries a location (lon/lat) and
the object to open, so the map can fly there and show its card.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.sqlfiles import fetch_rows, sql_text

POSTCODE_RE = re.compile(
    r"^\s*(\d{4})\s*([A-Za-z]{2})(?![A-Za-z])\s*(\d+)?\s*[-\s]?\s*([A-Za-z0-9]*)\s*$")
STRAAT_RE = re.compile(r"^\s*(.*?[^\d\s].*?)\s+(\d+)\s*[-\s]?\s*([A-Za-z0-9]*)\s*$")
MAX_RESULTS = 25


@dataclass(frozen=True)
class Zoekvraag:
    soort: str            # postcode | straat | kvk_nummer | vestigingsnummer | naam
    params: dict


def parse(text: str) -> Zoekvraag | None:
    """What the user typed, as one kind of search; None for an empty or too short query."""
    text = text.strip()
    digits = re.sub(r"\s", "", text)
    if len(text) < 2:
        return None
    if digits.isdigit() and len(digits) == 12:
        return Zoekvraag("vestigingsnummer", {"nummer": digits})
    if digits.isdigit() and len(digits) == 8:
        return Zoekvraag("kvk_nummer", {"nummer": digits})
    if m := POSTCODE_RE.match(text):
        nr = int(m.group(3)) if m.group(3) else None
        return Zoekvraag("postcode", {"postcode": (m.group(1) + m.group(2)).upper(),
                                      "huisnummer": nr, "suffix": m.group(4).upper()})
    if m := STRAAT_RE.match(text):
        return Zoekvraag("straat", {"straat": m.group(1).strip(), "huisnummer": int(m.group(2)),
                                    "suffix": m.group(3).upper()})
    return Zoekvraag("naam", {"tekst": text})


def search(con, text: str, limit: int = MAX_RESULTS) -> list[dict]:
    """Results as dicts: soort ('adres', 'straat' or 'vestiging'), id, label, detail, vbo, lon,
    lat; an address also has its pand."""
    vraag = parse(text)
    if vraag is None:
        return []
    query = {"postcode": "zoek_postcode", "straat": "zoek_straat", "naam": "zoek_naam",
             "kvk_nummer": "zoek_kvk", "vestigingsnummer": "zoek_kvk"}[vraag.soort]
    params = {**vraag.params, "limiet": limit}
    if vraag.soort == "kvk_nummer":
        params = {"kvk": vraag.params["nummer"], "vestiging": None, "limiet": limit}
    elif vraag.soort == "vestigingsnummer":
        params = {"kvk": None, "vestiging": vraag.params["nummer"], "limiet": limit}
    sql = sql_text(query)
    if vraag.soort in ("postcode", "straat"):  # every address: hoofd, neven, lig- en standplaats
        sql = sql_text("zoek_adressen") + sql
    found = fetch_rows(con, sql, params)
    if vraag.soort == "naam":
        # A street name without a number: the street itself (the map flies there), then names.
        found = fetch_rows(con, sql_text("zoek_straatnaam"), params) + found
    return found[:limit]
