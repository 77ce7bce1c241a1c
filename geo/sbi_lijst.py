"""KVK's official SBI code lists, SBI 2008 and SBI 2025, as shipped in data/sbi/ (see its README
for source and date): which codes exist in which version, with their official descriptions.

Every delivered code is looked up here; a version is never guessed from the length of a code or
from a registration date. A code that exists in both versions is marked 'gelijk' when the two
official descriptions are the same text (ignoring case, accents and punctuation), 'anders' when
they are not (68202 is "Gemeentelijke woningbedrijven" in SBI 2008 and "Verhuur en exploitatie
van overige woonruimte" in SBI 2025). Whether a reworded description still means the same cannot
be judged by a program (68203 swaps "woonruimte" for "niet van woonruimte" with the same words),
so every difference counts: only for those codes does the choice of version need saying.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyarrow as pa

LIJST_DIR = Path(__file__).resolve().parents[1] / "data" / "sbi"
VERSIES = ("2008", "2025")


@dataclass(frozen=True)
class SbiCode:
    versie: str
    code: str
    niveau: str  # sectie | afdeling | groep | klasse | subklasse
    ouder: str | None
    omschrijving: str


@cache
def codes(versie: str, folder: Path = LIJST_DIR) -> dict[str, SbiCode]:
    """Every code of one version's official list, by code (section letters included)."""
    with open(folder / f"sbi{versie}.csv", encoding="utf-8", newline="") as f:
        return {r["code"]: SbiCode(versie, r["code"], r["level"], r["parent"] or None,
                                   r["omschrijving_nl"].strip())
                for r in csv.DictReader(f)}


def bestaat(versie: str, code: str) -> bool:
    return code in codes(versie)


def omschrijving(versie: str, code: str) -> str | None:
    c = codes(versie).get(code)
    return c.omschrijving if c else None


def onder(versie: str, prefix: str) -> list[SbiCode]:
    """The codes of the list that start with `prefix` (the prefix itself included)."""
    return [c for k, c in codes(versie).items() if k.isdigit() and k.startswith(prefix)]


def bladeren(versie: str, prefix: str) -> list[str]:
    """The finest codes under `prefix`: codes of the list without children."""
    alles = [c.code for c in onder(versie, prefix)]
    ouders = {c.ouder for c in codes(versie).values()}
    return [c for c in alles if c not in ouders]


def betekenis(code: str) -> str | None:
    """'gelijk' or 'anders' for a code in both lists; None when it is in one list or none."""
    a, b = codes("2008").get(code), codes("2025").get(code)
    if a is None or b is None:
        return None
    return "gelijk" if _tekst(a.omschrijving) == _tekst(b.omschrijving) else "anders"


def _tekst(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.findall(r"[a-z0-9]+", text))


@cache
def lijst_table() -> pa.Table:
    """(versie, code, niveau, ouder, omschrijving, betekenis): both lists, digit codes and
    section letters, for the table sbi_lijst."""
    return pa.Table.from_pylist([
        {"versie": v, "code": c.code, "niveau": c.niveau, "ouder": c.ouder,
         "omschrijving": c.omschrijving, "betekenis": betekenis(c.code) if c.code.isdigit() else None}
        for v in VERSIES for c in codes(v).values()])


def register(con) -> None:
    """Fill the table sbi_lijst (snapshot schema) on this connection, once."""
    if con.execute("SELECT count(*) FROM sbi_lijst").fetchone()[0]:
        return
    con.register("sbi_lijst_arrow", lijst_table())
    con.execute("INSERT INTO sbi_lijst BY NAME SELECT * FROM sbi_lijst_arrow")
    con.unregister("sbi_lijst_arrow")


def store_codes_in_use(con) -> None:
    """The codes the snapshot's vestigingen carry, with their official description, into
    sbi_code: the codes the SBI tree and the code search offer."""
    con.execute("INSERT INTO sbi_code SELECT DISTINCT c.versie, c.code, l.omschrijving, 'kvk' "
                "FROM (SELECT sbi_versie AS versie, unnest(sbi_codes) AS code FROM vestiging) c "
                "JOIN sbi_lijst l USING (versie, code) ON CONFLICT DO NOTHING")
