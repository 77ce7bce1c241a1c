"""`zicht load <soort> PATH`: check a source, then register it for the next build.

A source is read once into a scratch in-memory database before it is registered, so a file with
an error is refused with its file, row and field, and the register stays exactly as it was.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pyogrio

from geo.db import connect, data_dir
from geo.sqlfiles import run_script
from loaders import bag_gpkg, peildatum, sbi_versie
from loaders.errors import InvoerFout
from loaders.file_guard import check_path
from loaders.gemeente import gemeentecode
from loaders.pipeline import PATH_KIND, _load_source, prepare_staging
from loaders.sources import Bron, register
from loaders.waarschuwingen import soort_label

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
        nargs = {"rdw": "?", "kvk-json": "+"}.get(soort)
        p.add_argument("pad", type=Path, nargs=nargs,
                       help="bestanden of mappen" if soort == "kvk-json" else None)
        common_options(p)
        _kind_options(soort, p)
        p.set_defaults(func=_load)
    from loaders import registration_net  # network sources download first, then register

    registration_net.add_parsers(kinds)


def common_options(p: argparse.ArgumentParser, peildatum_help: str | None = None) -> None:
    p.add_argument("--naam", help="naam van de bron (standaard de soort)")
    p.add_argument("--peildatum", help=peildatum_help or (
        "datum waarop de gegevens betrekking hebben (JJJJ-MM-DD); standaard de datum die het "
        "bestand zelf noemt (LVBAG-Leveringsdocument, CBS-jaar, exportdatum), anders verplicht"))


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
                       help="voor vestigingen waarvan elke code in beide versies bestaat; "
                            "verder beslissen de officiële lijsten per code")
    if soort == "gebieden":
        p.add_argument("--soort", dest="gebied_soort",
                       choices=["gemeente", "wijk", "buurt", "bedrijventerrein", "eigen"])


def _load(args) -> None:
    if args.soort == "rdw" and args.api:
        from loaders import registration_net

        return registration_net.load_rdw_api(args)
    if args.pad is None:
        raise InvoerFout(args.soort, "geef het pad van het bestand of de map (of --api)")
    for pad in args.pad if isinstance(args.pad, list) else [args.pad]:
        check_path(pad, PATH_KIND.get(args.soort, "any"), shown=str(pad))
    paden = _paden(args.pad)
    datum, gezegd = peildatum.bepaal(args.soort, paden, args.peildatum)
    if gezegd:
        print(f"peildatum {datum} ({'opgegeven; het bestand noemt ' if args.peildatum else ''}"
              f"{gezegd})")
    if getattr(args, "preset", None) == "generic" and not args.kolommen:
        raise InvoerFout("--preset generic", "geef ook --kolommen met een kolomindeling (TOML)")
    opties = {k: v for k, v in {
        "kolommen": str(args.kolommen.resolve()) if getattr(args, "kolommen", None) else None,
        "gemeente": gemeentecode(args.gemeente) if getattr(args, "gemeente", None) else None,
        "sbi_versie": getattr(args, "sbi_versie", None),
        "soort": getattr(args, "gebied_soort", None),
        "streng": getattr(args, "streng", None),
        "bestanden": [str(p) for p in paden] if len(paden) > 1 else None,
    }.items() if v}
    pad = paden[0] if len(paden) == 1 else Path(os.path.commonpath(paden))
    check_and_register(Bron(bron=args.naam or args.soort, soort=args.soort, pad=str(pad),
                            peildatum=datum, opties=opties))


def _paden(pad: Path | list[Path]) -> list[Path]:
    paden = [p.resolve() for p in (pad if isinstance(pad, list) else [pad])]
    for given, p in zip(pad if isinstance(pad, list) else [pad], paden, strict=True):
        if not p.exists():
            raise InvoerFout(str(given), "bestand of map bestaat niet")
    return paden


def check_and_register(bron: Bron) -> None:
    """Validate, then register; the register is untouched when validation fails."""
    rijen, meldingen = validate(bron)
    register(data_dir(), bron)
    print(f"bron '{bron.bron}' geregistreerd: {rijen:,} rijen gecontroleerd. "
          "Bouw een nieuwe snapshot met `zicht build`.".replace(",", "."))
    for melding in meldingen:
        print(f"  {melding}")


def validate(bron: Bron) -> tuple[int, list[str]]:
    """Read the source into a scratch database; raises InvoerFout on anything wrong. Returns the
    rows read and Dutch summary lines of what the loader noticed but did not refuse."""
    if bron.soort == "bag-gpkg":
        return _validate_bag(bron), []
    con = connect()
    try:
        run_script(con, "schema")
        prepare_staging(con)
        rijen = _load_source(con, bron)
        return rijen, samenvatting(con, bron)
    finally:
        con.close()


def samenvatting(con, bron: Bron, per_soort: int = 20) -> list[str]:
    """The load summary: SBI versions and unknown codes in words (sbi_versie.summary), then per
    other kind of warning a count with its first record and at most `per_soort` records (the rest
    via `zicht waarschuwingen` after the build). They are listed, not refused."""
    regels = sbi_versie.summary(con, bron.bron) if bron.soort.startswith("kvk") else []
    rows = con.execute(
        "SELECT soort, coalesce(sleutel, ''), coalesce(toelichting, ''),"
        " row_number() OVER w, count(*) OVER (PARTITION BY soort),"
        " first_value(coalesce('rij ' || rij, sleutel) || coalesce(', veld ' || veld, '')) OVER w"
        " FROM waarschuwing WHERE soort NOT IN ? "
        " WINDOW w AS (PARTITION BY soort ORDER BY rij NULLS LAST, sleutel) ORDER BY soort, 4",
        [list(sbi_versie.SOORTEN)]).fetchall()
    for soort, sleutel, toelichting, volgnummer, aantal, voorbeeld in rows:
        if volgnummer == 1:
            # no "loaded" here: a skipped file is a warning too, and it was not loaded
            regels.append(f"let op: {aantal} × {soort}, bv. {voorbeeld}; na de bouw te zien bij "
                          "Gegevens en met `zicht waarschuwingen`")
        if volgnummer <= per_soort:
            regels.append(f"{soort_label(soort)}: {sleutel}: {toelichting}")
        elif volgnummer == per_soort + 1:
            regels.append(f"{soort_label(soort)}: en nog {aantal - per_soort} (zie `zicht "
                          "waarschuwingen` na de bouw)")
    return regels


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
    peildatum.check(value)
