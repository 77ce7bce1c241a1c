"""The beauty inventory (prostitution theme, first action of the uitvoeringsnotitie): how many
beauty businesses there are, of which types, where, and which of them sit on a dwelling.

Types follow the SBI hoofdactiviteit (2008 and 2025). A business whose beauty code is only a
nevenactiviteit, and one found only by a keyword in its name (massage, thai, spa, tantra, …),
are counted apart and never mixed with the SBI types: a keyword is a lead, not a classification.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pyarrow as pa

from geo import indicators
from geo.nlformat import datum
from geo.sqlfiles import execute_checked, set_variables, sql_text

MAANDEN_NIEUW = 12
ADRESTYPEN = {"woonadres": "Op een woonadres", "bedrijfsadres": "Op een bedrijfsadres",
              "onbekend": "Adres niet gekoppeld"}


@dataclass(frozen=True)
class Soort:
    id: str
    naam: str
    uitleg: str
    sbi_2008: tuple[str, ...] = ()
    sbi_2025: tuple[str, ...] = ()


SOORTEN = (
    Soort("kapper", "Kappers en barbiers", "SBI 2008 96021, SBI 2025 96210", ("96021",), ("96210",)),
    Soort("schoonheid", "Schoonheid, nagels en pedicure", "SBI 2008 96022, SBI 2025 96220",
          ("96022",), ("96220",)),
    Soort("wellness", "Sauna en wellness", "SBI 2008 9604, SBI 2025 96230", ("9604",), ("96230",)),
    Soort("overig", "Overige persoonlijke dienstverlening",
          "SBI 2008 9609, SBI 2025 96990: o.a. tatoeage, en waar erotische massage vaak staat "
          "ingeschreven", ("9609",), ("96990",)),
    Soort("neven", "Beauty alleen als nevenactiviteit",
          "Een van bovenstaande SBI-codes, maar niet als hoofdactiviteit"),
    Soort("trefwoord", "Alleen een trefwoord in de naam",
          "Geen beauty-SBI-code; de naam of omschrijving bevat een trefwoord (massage, thai, spa, "
          "tantra, …). Een aanwijzing, geen indeling"),
)
SBI_SOORTEN = tuple(s for s in SOORTEN if s.sbi_2008)
KOLOMMEN = (("naam", "Naam"), ("adres", "Adres"), ("adrestype", "Adrestype"),
            ("gebruiksdoelen", "Gebruiksdoelen BAG"), ("buurtnaam", "Buurt"), ("wijknaam", "Wijk"),
            ("sbi_hoofd", "SBI-hoofdactiviteit"), ("sbi_omschrijving", "Omschrijving SBI"),
            ("trefwoord", "Trefwoord"), ("seksbranche", "Trefwoord mogelijke seksbranche"),
            ("datum_aanvang", "Datum inschrijving"), ("nieuw", "Nieuw (12 maanden)"),
            ("kvk_nummer", "KVK-nummer"), ("vestigingsnummer", "Vestigingsnummer"),
            ("verblijfsobject_id", "Verblijfsobject"))


def soort(soort_id: str) -> Soort:
    return next(s for s in SOORTEN if s.id == soort_id)


def type_table() -> pa.Table:
    """(type, sbi_versie, prefix): the SBI codes of each type."""
    return pa.Table.from_pylist([
        {"type": s.id, "sbi_versie": versie, "prefix": code}
        for s in SBI_SOORTEN for versie, codes in (("2008", s.sbi_2008), ("2025", s.sbi_2025))
        for code in codes])


def vestigingen(con, prepared: bool = False) -> list[dict]:
    """Every active vestiging in the inventory (see inventaris_beauty.sql), one dict each."""
    if not prepared:
        indicators.prepare(con)
    con.register("beauty_type", type_table())
    set_variables(con, maanden_nieuw=MAANDEN_NIEUW)
    cur = execute_checked(con, sql_text("inventaris_beauty"))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def per_soort(rows: list[dict]) -> list[dict]:
    """One line per type: total, on a dwelling, on a business address, unmatched, new."""
    out = []
    for s in SOORTEN:
        mine = [r for r in rows if r["type"] == s.id]
        adres = Counter(r["adrestype"] for r in mine)
        out.append({"soort": s.id, "naam": s.naam, "totaal": len(mine),
                    **{k: adres.get(k, 0) for k in ADRESTYPEN},
                    "nieuw": sum(r["nieuw"] for r in mine),
                    "seksbranche": sum(r["seksbranche"] for r in mine)})
    return out


def per_buurt(rows: list[dict]) -> list[dict]:
    """One line per buurt (with its wijk): count per type and how many on a dwelling."""
    buurten: dict[tuple, Counter] = {}
    for r in rows:
        key = (r["wijknaam"] or "–", r["buurtnaam"] or "Buiten de buurten / niet gekoppeld")
        buurten.setdefault(key, Counter())[r["type"]] += 1
        buurten[key]["woonadres"] += r["adrestype"] == "woonadres"
        buurten[key]["totaal"] += 1
    return [{"wijk": wijk, "buurt": buurt, **{s.id: c.get(s.id, 0) for s in SOORTEN},
             "woonadres": c["woonadres"], "totaal": c["totaal"]}
            for (wijk, buurt), c in sorted(buurten.items())]


def table(rows: list[dict]) -> tuple[list[str], list[tuple]]:
    """(columns, rows) for a screen table or an export sheet, in Dutch."""
    data = [tuple(_cell(key, r[key]) for key, _ in KOLOMMEN) for r in rows]
    return [label for _, label in KOLOMMEN], data


def uitleg_regels() -> list[tuple[str, str]]:
    """How the inventory is made, for the 'Verantwoording' sheet."""
    lines = [("Indeling", "Actieve vestigingen op de peildatum, naar SBI-hoofdactiviteit; "
                          "nevenactiviteit en trefwoord apart geteld.")]
    lines += [(f"Soort: {s.naam}", s.uitleg) for s in SOORTEN]
    lines.append(("Woonadres", "Het BAG-verblijfsobject heeft alleen woonfunctie."))
    return lines


def _cell(key: str, value):
    if key == "adrestype":
        return ADRESTYPEN.get(value, value)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if key == "datum_aanvang":
        return datum(value)
    return value
