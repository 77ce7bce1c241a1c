"""`zicht load <soort> PATH`: check a source, then register it for the next build.

A source is read once into a scratch in-memory database before it is registered, so a file with
an error is refused with its file, row and field, and the register stays exactly as it was.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from geo.db import data_dir
from loaders import peildatum, sbi_versie
from loaders.errors import InvoerFout
from loaders.file_guard import check_path
from loaders.gemeente import gemeentecode
from loaders.pipeline import load_source, scratch
from loaders.registry import REGISTRY, kind
from loaders.sources import Bron, register
from loaders.waarschuwingen import soort_label


def add_load_parser(sub):
    load = sub.add_parser("load", help="controleer en registreer een bron")
    kinds = load.add_subparsers(dest="soort", required=True)
    for soort in REGISTRY.values():
        if soort.hulp is None:  # registered by its download command only
            continue
        p = kinds.add_parser(soort.naam, help=soort.hulp)
        p.add_argument("pad", type=Path, nargs=soort.pad_nargs,
                       help="bestanden of mappen" if soort.pad_nargs == "+" else None)
        common_options(p)
        if soort.argumenten:
            soort.argumenten(p)
        p.set_defaults(func=register_from_path)
    return kinds


def common_options(p: argparse.ArgumentParser, peildatum_help: str | None = None) -> None:
    p.add_argument("--naam", help="naam van de bron (standaard de soort)")
    p.add_argument("--peildatum", help=peildatum_help or (
        "datum waarop de gegevens betrekking hebben (JJJJ-MM-DD); standaard de datum die het "
        "bestand zelf noemt (LVBAG-Leveringsdocument, CBS-jaar, exportdatum), anders verplicht"))


def register_from_path(args) -> None:
    soort = kind(args.soort)
    if args.pad is None:
        raise InvoerFout(args.soort, "geef het pad van het bestand of de map (of --api)")
    for pad in args.pad if isinstance(args.pad, list) else [args.pad]:
        check_path(pad, soort.pad, shown=str(pad))
    paden = _paden(args.pad)
    datum, gezegd = peildatum.bepaal(args.soort, paden, args.peildatum)
    if gezegd:
        print(f"peildatum {datum} ({'opgegeven; het bestand noemt ' if args.peildatum else ''}"
              f"{gezegd})")
    eigen = soort.opties(args) if soort.opties else {}
    if eigen.get("gemeente"):  # normalised once, where it enters: 637, GM0637 -> 0637
        eigen["gemeente"] = gemeentecode(eigen["gemeente"])
    opties = {k: v for k, v in {
        **eigen, "bestanden": [str(p) for p in paden] if len(paden) > 1 else None}.items() if v}
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
    controle = kind(bron.soort).controle
    if controle:
        return controle(bron), []
    with scratch() as con:
        rijen = load_source(con, bron)
        return rijen, samenvatting(con, bron)


def samenvatting(con, bron: Bron, per_soort: int = 20) -> list[str]:
    """The load summary: SBI versions and unknown codes in words (sbi_versie.summary), then per
    other kind of warning a count with its first record and at most `per_soort` records (the rest
    via `zicht waarschuwingen` after the build). They are listed, not refused."""
    regels = sbi_versie.summary(con, bron.bron) if bron.rol == "kvk" else []
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


def check_date(value: str) -> None:
    peildatum.check(value)
