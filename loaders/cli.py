"""The loaders' part of the `zicht` command (mounted by the top-level cli.py): register sources,
build snapshots, report status and warnings, and the guard every command runs in.

Every failure prints one line that names the file, row and field, and exits non-zero.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from contextlib import nullcontext
from dataclasses import asdict
from datetime import date
from pathlib import Path

from geo.db import data_dir
from loaders import pipeline, registration, registration_net, waarschuwingen
from loaders.engine_errors import describe, is_interrupt
from loaders.errors import InvoerFout
from loaders.status import status


def run(args: argparse.Namespace) -> int:
    """Run the command `args.func` the way every `zicht` command runs: files private to this
    account, leftovers of killed runs removed first, one Dutch line on failure, never a traceback."""
    # Everything a command writes (snapshots, fetched sources, the audit log) is for this account
    # only: snapshots hold KVK data marked vertrouwelijk. The app does the same in productie.
    os.umask(0o077)
    started = time.perf_counter()
    try:
        pipeline.remove_leftovers(data_dir())
        args.func(args)
    except InvoerFout as exc:
        print(f"zicht: fout: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return _interrupted()
    except Exception as exc:  # never a traceback: one Dutch line (the cause with ZICHT_DEBUG=1)
        if is_interrupt(exc):
            return _interrupted()
        print(f"zicht: fout: {describe(exc)}; de vorige snapshot blijft in gebruik", file=sys.stderr)
        if os.environ.get("ZICHT_DEBUG"):
            print(f"zicht: technische melding: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    if args.func not in (_status, _waarschuwingen):
        say(f"klaar in {time.perf_counter() - started:.1f} s")
    return 0


def _interrupted() -> int:
    print("zicht: afgebroken; de vorige snapshot blijft in gebruik", file=sys.stderr)
    return 130


def add_parsers(sub) -> None:
    """`zicht load …`, `build`, `status` and `waarschuwingen`."""
    registration_net.add_parsers(registration.add_load_parser(sub))  # downloads, then register
    b = sub.add_parser("build", help="bouw een nieuwe snapshot uit de geregistreerde bronnen")
    b.add_argument("--voortgang", type=Path, help="schrijf elke stap ook als JSON-regel naar dit "
                                                  "bestand (zo volgt de app de bouw)")
    b.set_defaults(func=build)
    st = sub.add_parser("status", help="toon de huidige snapshot, bronnen en koppelkwaliteit")
    st.add_argument("--json", action="store_true", help="als JSON")
    st.set_defaults(func=_status)
    w = sub.add_parser("waarschuwingen", help="wat de bouw opmerkte maar niet weigerde, per regel")
    w.add_argument("--bron", help="alleen deze bron")
    w.add_argument("--soort", help=f"alleen deze soort ({', '.join(waarschuwingen.SOORTEN)})")
    w.add_argument("--csv", type=Path, help="schrijf de lijst als CSV naar dit bestand")
    w.set_defaults(func=_waarschuwingen)


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def build(args) -> None:
    voortgang = getattr(args, "voortgang", None)
    with open(voortgang, "a", encoding="utf-8") if voortgang else nullcontext() as out:
        def event(e: pipeline.Gebeurtenis) -> None:
            say(e.tekst())
            if out is not None:
                out.write(json.dumps(asdict(e), ensure_ascii=False) + "\n")
                out.flush()

        result = pipeline.build(data_dir(), events=event)
    say(f"snapshot {result.snapshot.name} is nu in gebruik")
    _print_status(status(data_dir()))


def _status(args) -> None:
    report = status(data_dir())
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False, default=str))
    else:
        _print_status(report)


def _print_status(report: dict) -> None:
    snap = report["snapshot"]
    if snap is None:
        print("Nog geen snapshot. Maak er een met `zicht demo` of `zicht load …` + `zicht build`.")
        return
    print(f"Snapshot   {snap['bestand']}  ({snap.get('gemeentenaam')}, peildatum "
          f"{_nl_date(snap.get('peildatum'))})")
    print("Bronnen")
    for b in report["bronnen"]:
        print(f"  {b['bron']:<26} {b['soort']:<10} peildatum {_nl_date(b['peildatum'])}"
              f"  {_nl_int(b['rijen']):>10} rijen")
    print("Aantallen")
    for key, value in report["counts"].items():
        print(f"  {key:<26} {_nl_int(value):>10}")
    match = report["match"]
    rate = match.get("rate")
    print(f"KVK → BAG  {_nl_pct(rate)} gekoppeld ({_nl_int(match.get('gekoppeld'))} van "
          f"{_nl_int(match.get('totaal'))})")
    for m in match.get("methods", []):
        print(f"  {m['methode']:<26} {_nl_int(m['aantal']):>10}  gem. score "
              f"{str(m['gemiddelde_score']).replace('.', ',')}")
    print("Waarschuwingen" + ("" if report["waarschuwingen"] else "  geen"))
    for bron, soorten in report["waarschuwingen"].items():
        print(f"  {bron or '(bouw)':<26} {waarschuwingen.samenvatting(soorten)}")
    if report["waarschuwingen"]:
        print("  lijst: `zicht waarschuwingen [--bron …] [--soort …] [--csv bestand]`")


def _waarschuwingen(args) -> None:
    from exports.dook_csv import to_csv
    from geo import snapshots

    con = snapshots.open_current(data_dir())
    if con is None:
        raise InvoerFout(str(data_dir()), "nog geen snapshot; bouw er een met `zicht build`")
    try:
        rijen = waarschuwingen.lijst(con, args.bron, args.soort)
    finally:
        con.close()
    if args.csv:
        args.csv.write_bytes(to_csv(waarschuwingen.KOPPEN, [
            (r[0], waarschuwingen.soort_label(r[1]), *r[2:]) for r in rijen]))
        print(f"{_nl_int(len(rijen))} waarschuwingen geschreven naar {args.csv}")
        return
    for bron, soort, sleutel, rij, veld, waarde, toelichting in rijen:
        waar = ", ".join(x for x in (f"rij {rij}" if rij is not None else "",
                                     f"veld {veld}" if veld else "") if x)
        print(f"{bron or '(bouw)'}\t{waarschuwingen.soort_label(soort)}\t{sleutel or ''}"
              f"\t{waar}\t{toelichting or waarde or ''}")
    print(f"{_nl_int(len(rijen))} waarschuwingen", file=sys.stderr)


def _nl_int(value) -> str:
    return "–" if value is None else f"{int(value):,}".replace(",", ".")


def _nl_pct(value) -> str:
    return "–" if value is None else f"{value * 100:.1f} %".replace(".", ",")


def _nl_date(value) -> str:
    try:
        return date.fromisoformat(str(value)[:10]).strftime("%d-%m-%Y")
    except ValueError:
        return str(value)
