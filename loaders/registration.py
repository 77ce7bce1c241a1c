"""`zicht load <soort> PATH`: check a source, then register it for the next build.

A source is read once into a scratch in-memory database before it is registered, so a file with
an error is refused with its file, row and field, and the register stays exactly as it was.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import pyogrio

from geo.db import connect, data_dir
from geo.sqlfiles import run_script
from loaders import bag_gpkg
from loaders.errors import InvoerFout
from loaders.file_guard import check_path
from loaders.gemeente import gemeentecode
from loaders.pipeline import PATH_KIND, _load_source, prepare_staging
from loaders.sources import Bron, register

SOORTEN = {
    "bag-gpkg": "BAG uit PDOK's bag-light GeoPackage",
    "bag-xml": "BAG uit een LVBAG XML-extract (zip met zips, map of xml)",
    "kvk-file": "KVK-selectie als CSV (DOOK-indeling)",
    "kvk-json": "opgeslagen KVK API-antwoorden (map of bestand)",
    "gebieden": "gebieden: CBS wijken/buurten, bedrijventerreinen of eigen (GeoJSON/GPKG/SHP)",
    "rdw": "RDW erkende bedrijven (map met erkende-bedrijven.csv en erkenningen.csv)",
}


def add_load_parser(sub) -> None:
    load = sub.add_parser("load", help="controleer en registreer een bron")
    kinds = load.add_subparsers(dest="soort", required=True)
    for soort, helptext in SOORTEN.items():
        p = kinds.add_parser(soort, help=helptext)
        p.add_argument("pad", type=Path, nargs="?" if soort == "rdw" else None)
        common_options(p)
        _kind_options(soort, p)
        p.set_defaults(func=_load)
    from loaders import registration_net  # network sources download first, then register

    registration_net.add_parsers(kinds)


def common_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--naam", help="naam van de bron (standaard de soort)")
    p.add_argument("--peildatum", default=date.today().isoformat(),
                   help="datum waarop de gegevens betrekking hebben (JJJJ-MM-DD)")


def _kind_options(soort: str, p: argparse.ArgumentParser) -> None:
    if soort in ("bag-gpkg", "bag-xml"):
        p.add_argument("--gemeente", help="gemeentecode, bv. 0637; zonder: het hele bestand")
    if soort == "bag-xml":
        p.add_argument("--streng", action="store_true",
                       help="controleer ook de geometrie van historische voorkomens")
    if soort == "rdw":
        p.add_argument("--api", action="store_true", help="haal de gegevens op bij RDW open data")
        p.add_argument("--plaats", help="met --api: alleen bedrijven in deze plaats")
    if soort == "kvk-file":
        p.add_argument("--preset", choices=["dook", "generic"], default="dook",
                       help="dook: kolommen van de DOOK-export; generic: geef --kolommen")
        p.add_argument("--kolommen", type=Path, help="TOML-bestand met de kolomindeling")
        p.add_argument("--sbi-versie", choices=["2008", "2025"],
                       help="standaard herkend uit de codes")
    if soort == "gebieden":
        p.add_argument("--soort", dest="gebied_soort",
                       choices=["gemeente", "wijk", "buurt", "bedrijventerrein", "eigen"])


def _load(args) -> None:
    if args.soort == "rdw" and args.api:
        from loaders import registration_net

        return registration_net.load_rdw_api(args)
    if args.pad is None:
        raise InvoerFout(args.soort, "geef het pad van het bestand of de map (of --api)")
    check_path(args.pad, PATH_KIND.get(args.soort, "any"), shown=str(args.pad))
    path = args.pad.resolve()
    check_date(args.peildatum)
    if getattr(args, "preset", None) == "generic" and not args.kolommen:
        raise InvoerFout("--preset generic", "geef ook --kolommen met een kolomindeling (TOML)")
    opties = {k: v for k, v in {
        "kolommen": str(args.kolommen.resolve()) if getattr(args, "kolommen", None) else None,
        "gemeente": getattr(args, "gemeente", None),
        "sbi_versie": getattr(args, "sbi_versie", None),
        "soort": getattr(args, "gebied_soort", None),
        "streng": getattr(args, "streng", None),
    }.items() if v}
    check_and_register(Bron(bron=args.naam or args.soort, soort=args.soort, pad=str(path),
                            peildatum=args.peildatum, opties=opties))


def check_and_register(bron: Bron) -> None:
    """Validate, then register; the register is untouched when validation fails."""
    waarschuwingen: list[tuple] = []
    rijen = validate(bron, waarschuwingen)
    register(data_dir(), bron)
    print(f"bron '{bron.bron}' geregistreerd: {rijen:,} rijen gecontroleerd. "
          "Bouw een nieuwe snapshot met `zicht build`.".replace(",", "."))
    for soort, aantal, voorbeeld in waarschuwingen:
        print(f"  let op: {aantal} × {soort}, bv. {voorbeeld}; geladen, en te zien bij Gegevens")


def validate(bron: Bron, waarschuwingen: list | None = None) -> int:
    """Read the source into a scratch database; raises InvoerFout on anything wrong.
    `waarschuwingen` receives (soort, aantal, first record) for what loaded with a warning."""
    if bron.soort == "bag-gpkg":
        return _validate_bag(bron)
    con = connect()
    try:
        run_script(con, "schema")
        prepare_staging(con)
        rijen = _load_source(con, bron)
        if waarschuwingen is not None:
            waarschuwingen.extend(con.execute(
                "SELECT soort, count(*), min(coalesce('rij ' || rij, sleutel) || coalesce(', veld '"
                " || veld, '')) FROM waarschuwing GROUP BY soort ORDER BY soort").fetchall())
        return rijen
    finally:
        con.close()


def _validate_bag(bron: Bron) -> int:
    """The full file can be 7.5 GB: check its layers and that the gemeente is in it."""
    check_path(bron.path, "file")
    bag_gpkg.check_layers(bron.path)
    where = None
    if bron.opties.get("gemeente"):
        where = f"bronhouder_identificatie = '{gemeentecode(bron.opties['gemeente'])}'"
    info = pyogrio.read_info(bron.path, layer="verblijfsobject", where=where)
    count = info.get("features", 0)
    if count <= 0 and where:
        raise InvoerFout(bron.path.name, f"geen verblijfsobjecten voor gemeente "
                                         f"{bron.opties['gemeente']}", veld="bronhouder_identificatie")
    return count


def check_date(value: str) -> None:
    try:
        date.fromisoformat(value)
    except ValueError as exc:
        raise InvoerFout("--peildatum", f"'{value}' is geen datum (JJJJ-MM-DD)") from exc
