"""The SBI selection tree (sectie > afdeling > groep > klasse > subklasse) for SBI 2008 and
SBI 2025, and a free-text activity search that suggests codes.

The tree is built from the codes in the snapshot (table sbi_code: the codes in use, or a full
list when one was loaded, bron 'lijst'), named from KVK's official lists (table sbi_lijst, so
every level has its description in the version shown), and the hand-written table of section
letters in data/sbi_secties.toml. Vestigingen with a code in neither list are the node
'SBI onbekend'. A node is addressed by a key 'versie:code', where
code is a section letter or a digit prefix; selecting a node selects every code under it.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from geo.branches import keyword_pattern, load_branches
from geo.nlformat import getal
from geo.sqlfiles import execute_checked, sql_text

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "data" / "sbi_secties.toml"
VERSIES = ("2008", "2025")
NIVEAUS = {1: "sectie", 2: "afdeling", 3: "groep", 4: "klasse", 5: "subklasse"}
# The node of vestigingen with a delivered code in neither official list: they stay findable.
ONBEKEND = "onbekend"
ONBEKEND_NAAM = "SBI onbekend (code niet in de officiële lijst van SBI 2008 of SBI 2025)"
MIN_AANDEEL_NAAM = 0.1  # a code carried by fewer of the name matches is no suggestion


@dataclass(frozen=True)
class Sectie:
    versie: str
    letter: str
    naam: str
    van: int
    tot: int

    def bevat(self, code: str) -> bool:
        return code[:2].isdigit() and self.van <= int(code[:2]) <= self.tot


@dataclass(frozen=True)
class Knoop:
    """One node of the tree."""

    versie: str
    code: str
    niveau: str
    omschrijving: str | None
    ouder: str | None  # key of the parent node
    aantal: int  # active vestigingen with a code under this node

    @property
    def sleutel(self) -> str:
        return ONBEKEND if self.niveau == ONBEKEND else f"{self.versie}:{self.code}"

    @property
    def diepte(self) -> int:
        return 0 if self.niveau == "sectie" else len(self.code) - 1


@dataclass(frozen=True)
class Suggestie:
    """A code or branch group the activity search proposes, with the reason in words."""

    soort: str  # 'sbi' | 'groep'
    sleutel: str  # 'versie:code' or a branch-group id
    omschrijving: str
    reden: str


@cache
def load_secties(path: Path = DEFAULT_PATH) -> tuple[Sectie, ...]:
    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    secties = []
    for versie in VERSIES:
        for letter, s in doc[f"sbi_{versie}"].items():
            van, tot = (int(x) for x in s["afdelingen"].split("-"))
            secties.append(Sectie(versie, letter, s["naam"], van, tot))
    return tuple(secties)


def section_of(versie: str, code: str) -> Sectie | None:
    return next((s for s in load_secties() if s.versie == versie and s.bevat(code)), None)


def level(code: str) -> str:
    """'S' -> sectie, '96' -> afdeling, ... '96022' -> subklasse."""
    return "sectie" if code.isalpha() else NIVEAUS.get(len(code), "subklasse")


def build_tree(codes: list[dict], aantallen: dict[tuple[str, str], int],
               officieel: dict[tuple[str, str], str] | None = None) -> list[Knoop]:
    """Every node (sections from the table, every prefix of every code) in tree order.

    `codes`: rows (versie, code, omschrijving); `aantallen`: (versie, node code) -> count;
    `officieel`: (versie, code) -> the official description, which wins over a delivered one.
    """
    omschrijving = {(r["versie"], r["code"]): r["omschrijving"] for r in codes}
    omschrijving.update(officieel or {})
    for s in load_secties():
        omschrijving[(s.versie, s.letter)] = s.naam
    nodes: dict[tuple[str, str], Knoop] = {}
    for r in codes:
        sectie = section_of(r["versie"], r["code"])
        if sectie is None:
            continue
        keten = [sectie.letter] + [r["code"][:n] for n in range(2, len(r["code"]) + 1)]
        for i, code in enumerate(keten):
            ouder = f"{r['versie']}:{keten[i - 1]}" if i else None
            nodes.setdefault((r["versie"], code), Knoop(
                r["versie"], code, level(code), omschrijving.get((r["versie"], code)), ouder,
                aantallen.get((r["versie"], code), 0)))
    return sorted(nodes.values(), key=_tree_order)


def _tree_order(k: Knoop) -> tuple:
    if k.niveau == ONBEKEND:
        return ("~",)  # after both versions
    # a code with a known level always has a section (unknown codes are ONBEKEND, handled above)
    sectie = k.code if k.niveau == "sectie" else section_of(k.versie, k.code).letter  # type: ignore[union-attr]
    return (k.versie, sectie, k.niveau != "sectie", k.code)


def tree(con, peildatum: str) -> list[Knoop]:
    """The tree of the codes in this snapshot, with active vestigingen per node on `peildatum`."""
    cur = execute_checked(con, sql_text("sbi_codes"))
    codes = [dict(zip(("versie", "code", "omschrijving", "bron"), r, strict=True))
             for r in cur.fetchall()]
    secties = [{"versie": s.versie, "letter": s.letter, "van": s.van, "tot": s.tot}
               for s in load_secties()]
    rows = execute_checked(con, sql_text("sbi_aantallen"), {"peildatum": peildatum, "secties": secties})
    aantallen = {(v, k): n for v, k, n in rows.fetchall()}
    actief, alle = execute_checked(con, sql_text("sbi_onbekend_aantal"), {"peildatum": peildatum}
                               ).fetchone()
    onbekend = [Knoop("", ONBEKEND, ONBEKEND, ONBEKEND_NAAM, None, actief)] if alle else []
    officieel = {(v, c): o for v, c, o in execute_checked(con, sql_text("sbi_omschrijvingen")).fetchall()}
    return build_tree(codes, aantallen, officieel) + onbekend


def prefixes(sleutels) -> list[str]:
    """Selection keys as 'versie:digits' prefixes: a section becomes its divisions."""
    out = []
    for sleutel in sleutels:
        if sleutel == ONBEKEND:
            out.append(ONBEKEND)
            continue
        versie, code = sleutel.split(":", 1)
        if code.isalpha():
            s = next((s for s in load_secties() if s.versie == versie and s.letter == code), None)
            out += [f"{versie}:{n:02d}" for n in range(s.van, s.tot + 1)] if s else []
        else:
            out.append(sleutel)
    return out


def label(k: Knoop) -> str:
    """'SBI 2008 · 96022 Schoonheidsverzorging, … (412)' for lists and chips."""
    if k.niveau == ONBEKEND:
        return f"{k.omschrijving} ({getal(k.aantal)})"
    naam = k.omschrijving or f"({k.niveau})"
    return f"SBI {k.versie} · {k.code} {naam} ({getal(k.aantal)})"


def normalise(text: str) -> str:
    """Lower case without accents, as the search compares text."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def suggest(con, text: str, per_versie: int = 3, limiet: int = 12) -> list[Suggestie]:
    """Codes and branch groups for a free-text activity ('nagelstudio'): from the trade names
    of vestigingen, from code descriptions, and from branch-group keywords."""
    tekst = normalise(text)
    if len(tekst) < 3:
        return []
    found = _from_names(con, tekst, per_versie) + _from_descriptions(con, tekst, limiet)
    found += _from_groups(tekst)
    seen, unique = set(), []
    for s in found:
        if s.sleutel not in seen:
            seen.add(s.sleutel)
            unique.append(s)
    return unique[:limiet]


def _from_names(con, tekst: str, per_versie: int) -> list[Suggestie]:
    rows = execute_checked(con, sql_text("sbi_zoek_naam"), {"tekst": tekst, "per_versie": per_versie})
    out = []
    for versie, code, omschrijving, aantal, totaal in rows.fetchall():
        if aantal / totaal < MIN_AANDEEL_NAAM:
            continue
        reden = (f"{getal(aantal)} van de {getal(totaal)} vestigingen met ‘{text_quote(tekst)}’ "
                 f"in de naam hebben deze hoofdactiviteit (SBI {versie})")
        out.append(Suggestie("sbi", f"{versie}:{code}", omschrijving or "", reden))
    return out


def _from_descriptions(con, tekst: str, limiet: int) -> list[Suggestie]:
    woorden = [w for w in re.split(r"\W+", tekst) if len(w) >= 3]
    if not woorden:
        return []
    rows = execute_checked(con, sql_text("sbi_zoek_omschrijving"), {"woorden": woorden, "limiet": limiet})
    return [Suggestie("sbi", f"{versie}:{code}", omschrijving or "",
                      f"de omschrijving van de code bevat ‘{text_quote(' '.join(woorden))}’")
            for versie, code, omschrijving in rows.fetchall()]


def _from_groups(tekst: str) -> list[Suggestie]:
    out = []
    for groep in load_branches().groepen:
        hit = next((k for k in groep.trefwoorden if re.search(keyword_pattern(k), tekst)), None)
        if hit:
            out.append(Suggestie("groep", groep.id, groep.naam,
                                 f"‘{hit}’ is een trefwoord van de branchegroep"))
    return out


def text_quote(text: str, max_len: int = 40) -> str:
    return text if len(text) <= max_len else text[: max_len - 1] + "…"
