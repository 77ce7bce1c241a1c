"""A small Demostad with hostile text in every text field, made through the real loaders.

On top of Demostad (scale 0.02, with its earlier snapshot, so Veranderingen has something to
show) come: a KVK file in the DOOK layout whose names, streets, activities and legal forms are
payloads (HTML, script, Markdown images and links, javascript: URLs, template syntax, bidi
overrides, NUL, very long strings, spreadsheet formulas), placed at real Demostad addresses so
they are on the map, on a bedrijventerrein and in the inventory; a bedrijventerrein GeoJSON whose
name is a payload; a hostile gemeentenaam and hostile source descriptions; then the real pipeline
builds the snapshot. Cases and users are written through the cases API into an encrypted store
in productie mode. Nothing here knows how the app shows text: it only plants the payloads.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

HOST = "evil.example"  # every payload that could fetch or link points here
KEY = "markup-test-sleutel-0123456789abcdef"
PASSWORD = "correct-horse-battery-staple"
BEHEERDER = "bea"

MD_IMAGE = f"![beeld](http://{HOST}/md.png)"
MD_LINK = f"[klik hier](http://{HOST}/md-link)"
HTML_IMG = f"<img src=http://{HOST}/img.png onerror=alert(1)>"
SCRIPT = "<script>alert(2)</script>"
HTML_LINK = f'<a href="http://{HOST}/a">a</a>'
JS_LINK = "[js](javascript:alert(3))"
AUTOLINK = f"www.{HOST}/auto <http://{HOST}/hoek>"
TEMPLATE = "{{7*7}} ${7*7} {% raw %} :red[rood] :material/warning: $x^2$"
RTL = "\u202egnp.exe\u202c"
NUL = "nul\x00teken"
LONG = "Lang" + "A" * 6000

FORMULAS = ['=HYPERLINK("http://evil.example/f","klik")', "+cmd|' /C calc'!A0", "-2+3",
            "@SUM(1+1)", "\t=1+1", "\r=1+1"]
MARKUP = [MD_IMAGE, MD_LINK, HTML_IMG, SCRIPT, HTML_LINK, JS_LINK, AUTOLINK, TEMPLATE, RTL]

GEMEENTE = f'=HYPERLINK("http://{HOST}/g","Demostad") {MD_IMAGE} {HTML_IMG}'
BRON_OMSCHRIJVING = f"@SUM(1) KVK {MD_LINK} {HTML_IMG}"
TERREIN = f'=HYPERLINK("http://{HOST}/t") Terrein {MD_IMAGE} {SCRIPT} {RTL} {NUL}'
CASE_TITEL = f"+cmd Casus {MD_IMAGE} {HTML_IMG}"
CASE_TEKST = "\n\n".join([f"-2+3 {MD_LINK}", HTML_LINK, JS_LINK, TEMPLATE, RTL, AUTOLINK, SCRIPT,
                           NUL, LONG])
WEERGAVENAAM = f"Bea {MD_IMAGE} {HTML_IMG}"

SCALE, SEED = 0.02, 7
BEAUTY_SBI = ("96021", "Haarverzorging")  # kapper: Inventarisatie
AUTO_SBI = ("45201", "Algemene reparatie en onderhoud van personenauto's")  # automotive signal


def names() -> list[str]:
    """One handelsnaam per payload; each also carries a formula-like start for the exports.
    (NUL cannot be in a KVK file: the loader refuses binary content; it comes in the terrain
    GeoJSON and the case texts.)"""
    payloads = MARKUP + [LONG]
    return [f"{FORMULAS[i % len(FORMULAS)]} Kapper {p}" for i, p in enumerate(payloads)]


def build(folder: Path) -> dict:
    """Generate, plant, build and seed; returns what the tests need to find things again."""
    from demo.sources import generate_and_register
    from loaders.pipeline import build as build_snapshot
    from loaders.sources import Bron, checksum, read_register, write_register

    generate_and_register(folder, SCALE, SEED, vervang=False)
    bronnen = read_register(folder)
    demo_csv = next(b for b in bronnen if b.bron == "kvk-dook").path
    kvk = _write_kvk(demo_csv, folder / "vijandig" / "vestigingen.csv")
    terrein = _write_terrein(next(b for b in bronnen if b.bron == "bedrijventerreinen-ibis").path,
                             folder / "vijandig" / "terrein.geojson")
    bronnen = [_hostile_meta(b) for b in bronnen]
    bronnen += [
        Bron("kvk-vijandig", "kvk-file", str(kvk), "2026-11-01",
             {"preset": "dook", "sbi_versie": "2008", "omschrijving": BRON_OMSCHRIJVING},
             checksum(kvk)),
        Bron("terrein-vijandig", "gebieden", str(terrein), "2026-11-01",
             {"soort": "bedrijventerrein", "omschrijving": f"Terreinen ({MD_LINK})"},
             checksum(terrein)),
    ]
    write_register(folder, bronnen)
    build_snapshot(folder)
    return {"folder": folder, **_seed_cases(folder)}


def _hostile_meta(bron):
    if bron.soort.startswith("bag"):
        return replace(bron, opties={**bron.opties, "gemeentenaam": GEMEENTE})
    if bron.bron == "kvk-dook":
        return replace(bron, opties={**bron.opties, "omschrijving": BRON_OMSCHRIJVING})
    return bron


def _write_kvk(demo_csv: Path, target: Path) -> Path:
    """Rows at the first matched Demostad addresses, every text field a payload; one row with
    an address that matches nothing (it lands in Gegevens' list of unmatched vestigingen)."""
    with open(demo_csv, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f, delimiter=";")
        header = reader.fieldnames
        adressen = [r for r in reader if r["BAG numid"] and not r["KVK_Datum_uitschrijving_vestiging"]]
    rows = []
    for i, naam in enumerate(names()):
        bron = adressen[i * 7 % len(adressen)]
        sbi = BEAUTY_SBI if i % 2 == 0 else AUTO_SBI
        row = {**bron, "KVK_Handelsnaam": naam, "KVK_Nummer": f"{99000000 + i:08d}",
               "KVK_Vestigingsnummer": f"{990000000000 + i:012d}",
               "KVK_Bedrijfsactiviteit": f"{FORMULAS[(i + 1) % 6]} {MARKUP[i % len(MARKUP)]}",
               "KVK_SBI_code": sbi[0], "KVK_SBI_code_hoofdactiviteit": sbi[0],
               "KVK_SBI_omschrijving_hoofdact": f"{sbi[1]} {MARKUP[(i + 3) % len(MARKUP)]}",
               "KVK_SBI_code_nevenactiviteit1": "", "KVK_SBI_omschrijving_nevenactiviteit1": "",
               "KVK_Rechtsvorm": f"{FORMULAS[(i + 2) % 6]} {MARKUP[(i + 5) % len(MARKUP)]}",
               "KVK_Datum_inschrijving_vestiging": "01-10-2026",
               "KVK_Datum_inschrijving_onderneming": "01-10-2026",
               "KVK_Indicatiehoofdvestiging": "Ja"}
        rows.append(row)
    rows.append({**rows[0], "BAG numid": "", "straat": f"{FORMULAS[0]} {HTML_IMG}",
                 "huisnummer": "1", "postcode": "0000ZZ", "KVK_Nummer": "99000099",
                 "KVK_Vestigingsnummer": "990000000099", "KVK_Handelsnaam": f"-2+3 Nergens {MD_IMAGE}"})
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, header, delimiter=";", lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
    return target


def _write_terrein(ibis: Path, target: Path) -> Path:
    """Every IBIS terrain again, under a hostile name (so every hostile row is on a terrain
    only when it lies on one: the pages show what the data says)."""
    data = json.loads(ibis.read_text(encoding="utf-8"))
    for i, feature in enumerate(data["features"]):
        feature["properties"] = {"naam": f"{TERREIN} {i}", "code": f"T{i}"}
    target.write_text(json.dumps(data), encoding="utf-8")
    return target


def _seed_cases(folder: Path) -> dict:
    """A beheerder-coördinator with a hostile display name and a case full of payloads."""
    from cases import accounts, workflow
    from cases.model import PlanVanAanpak, Weging, Zwaarte
    from cases.store import open_store

    with open_store(folder / "cases.duckdb", KEY, mode="productie") as store:
        bea = accounts.register_user(store, "test", BEHEERDER, WEERGAVENAAM,
                                     ["beheerder", "coordinator"],
                                     ["drugs", "vastgoed", "prostitutie", "bedrijventerreinen",
                                      "weerbaarheid", "overig"], wachtwoord=PASSWORD)
        case = workflow.register_signal(store, bea, thema="prostitutie", bron="mma",
                                        signaal_datum=date(2026, 10, 5), omschrijving=CASE_TEKST,
                                        titel=CASE_TITEL, bron_toelichting=f"@SUM(1) {HTML_LINK}")
        case = workflow.weigh_signal(store, bea, case.id, case.versie,
                                     Weging(True, True, True, Zwaarte.GECOMPLICEERD,
                                            toelichting=f"=1+1 {MD_IMAGE}"))
        case = workflow.set_plan(store, bea, case.id, case.versie, PlanVanAanpak(
            hypothese=CASE_TEKST, doel=MD_LINK, strategie=HTML_IMG, interventieplan=TEMPLATE))
        case = workflow.add_note(store, bea, case.id, case.versie, CASE_TEKST)
        case = workflow.link_object(store, bea, case.id, case.versie, "vestiging",
                                    "990000000000", omschrijving=f"+cmd {MD_IMAGE}")
        return {"casus_id": case.id, "vestiging": "990000000000"}


_BUILT: dict[str, dict] = {}


def built(tmp_path_factory) -> dict:
    """The hostile data set, built once per test session (shared by the test modules)."""
    if "data" not in _BUILT:
        _BUILT["data"] = build(tmp_path_factory.mktemp("markup-vijandig"))
    return _BUILT["data"]


# ----------------------------------------------------------------------------- export checks
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def csv_problems(name: str, content: bytes) -> tuple[list[str], int]:
    """(cells a spreadsheet would run as a formula, number of neutralised formula cells)."""
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";"))
    problems, defused = [], 0
    for r, row in enumerate(rows, 1):
        for c, cell in enumerate(row, 1):
            if cell.lstrip(" ").startswith(FORMULA_START):
                problems.append(f"{name} rij {r} kolom {c}: {cell[:60]!r}")
            defused += cell.startswith("'") and cell[1:].lstrip(" ").startswith(FORMULA_START)
    return problems, defused


def xlsx_problems(name: str, content: bytes) -> tuple[list[str], int]:
    """(cells stored as a formula or as anything but a string while holding text, number of
    string cells holding a formula-like text)."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(content))
    problems, texts = [], 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f" or (isinstance(cell.value, str) and cell.data_type != "s"):
                    problems.append(f"{name} {sheet.title}!{cell.coordinate}: {cell.data_type} "
                                    f"{str(cell.value)[:60]!r}")
                texts += isinstance(cell.value, str) and cell.value.startswith(FORMULA_START)
    return problems, texts
