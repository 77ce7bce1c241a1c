"""The case register's part of the `zicht` command: retentie, audit verify, gebruiker toevoegen.

Mounted by the top-level cli.py with `cases.cli.add_parsers(sub)`; each sub-command ends with
SystemExit(code) when it fails, so `zicht` exits non-zero. Standalone: `python -m cases.cli …`.
Exit codes: 0 in order, 1 audit log not in order, 2 store or input problem.
The key comes from ZICHT_CASES_KEY, the mode from ZICHT_MODE, the folder from ZICHT_DATA_DIR.
"""

from __future__ import annotations

import argparse
import csv
import getpass
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from cases import audit
from cases.accounts import register_user
from cases.model import CasusFout, Rol, Thema
from cases.retention import run_retention
from cases.store import AUDIT_NAME, current_mode, default_path, open_store, resolve_key

OK, NIET_IN_ORDE, FOUT = 0, 1, 2
AUDIT_KOLOMMEN = ["regel", "seq", "tijd", "gebruiker", "actie", "casus_id", "object_type", "object_id",
                  "details", "hash"]


def add_parsers(sub: argparse._SubParsersAction) -> None:
    ret = sub.add_parser("retentie", help="vernietig gearchiveerde casussen na de bewaartermijn")
    ret.add_argument("--datum", type=date.fromisoformat, help="peildatum JJJJ-MM-DD (standaard vandaag)")
    _handle(ret, retentie)
    aud = sub.add_parser("audit", help="het (versleutelde) auditlog van de casusregistratie")
    audit_sub = aud.add_subparsers(dest="audit_command", required=True)
    verify = audit_sub.add_parser("verify", help="controleer de sleutelketen en de ankers van het auditlog")
    lees = audit_sub.add_parser("lees", help="toon het auditlog ontsleuteld als CSV (op stdout)")
    for p in (verify, lees):
        p.add_argument("--log", type=Path, help=f"pad van het auditlog (standaard {AUDIT_NAME} naast "
                                                "de casusopslag)")
    omzetten = audit_sub.add_parser("omzetten", help="zet een oud, onversleuteld auditlog om")
    _handle(verify, audit_verify)
    _handle(lees, audit_lees)
    _handle(omzetten, audit_omzetten)
    gebruiker = sub.add_parser("gebruiker", help="gebruikers van de casusregistratie")
    add = gebruiker.add_subparsers(dest="gebruiker_command", required=True).add_parser(
        "toevoegen", help="voeg een gebruiker toe (bijvoorbeeld de eerste beheerder)")
    add.add_argument("gebruikersnaam")
    add.add_argument("--naam", required=True, help="weergavenaam")
    add.add_argument("--rol", action="append", required=True,
                     help="beheerder, coördinator, analist of kernteamlid (mag vaker)")
    add.add_argument("--datarol", action="append", default=[],
                     help=f"thema: {', '.join(t.value for t in Thema)} (mag vaker)")
    add.add_argument("--email", help="e-mailadres (voor inloggen via OIDC)")
    how = add.add_mutually_exclusive_group()
    how.add_argument("--wachtwoord-stdin", action="store_true", help="lees het wachtwoord van stdin")
    how.add_argument("--alleen-oidc", action="store_true", help="geen wachtwoord; alleen inloggen via OIDC")
    _handle(add, gebruiker_toevoegen)


def retentie(args: argparse.Namespace) -> int:
    with open_store() as store:
        records = run_retention(store, args.datum, door=_door())
    for r in records:
        print(f"vernietigd: {r.casusnummer} ({r.grondslag})")
    print(f"{len(records)} casus(sen) vernietigd.")
    return OK


def audit_verify(args: argparse.Namespace) -> int:
    """Check the chain, the anchor file and (when the store is free) the store's anchor.

    While the app holds the store (DuckDB allows one process), the anchor file is checked; it
    carries its own keyed tag, so it cannot be moved back by hand either."""
    path = args.log or default_path().with_name(AUDIT_NAME)
    anchor, note = _anchor()
    result = _log(path).verify(anchor)
    if result.in_orde:
        print(f"{result.melding}{note} Laatste hash: {result.laatste_hash}")
        return OK
    print(f"Auditlog {path} NIET in orde. {result.melding}", file=sys.stderr)
    return NIET_IN_ORDE


def audit_lees(args: argparse.Namespace) -> int:
    """Every line decrypted, as CSV: the only way to read the log outside the app."""
    rows = _log(args.log or default_path().with_name(AUDIT_NAME)).read_rows()
    out = csv.DictWriter(sys.stdout, fieldnames=AUDIT_KOLOMMEN, extrasaction="ignore")
    out.writeheader()
    out.writerows(rows)
    return OK


def audit_omzetten(args: argparse.Namespace) -> int:
    """Encrypt and key an old-format log after checking its chain and the store's anchor."""
    with open_store() as store:
        regels = store.convert_legacy_audit()
    print("Het auditlog heeft al het nieuwe formaat." if regels is None
          else f"Auditlog omgezet: {regels} regels, versleuteld en met sleutelketen.")
    return OK


def _log(path: Path) -> audit.AuditLog:
    key, _demo = resolve_key(None, current_mode())
    return audit.AuditLog(path, key)


def gebruiker_toevoegen(args: argparse.Namespace) -> int:
    password = None if args.alleen_oidc else _password(args.wachtwoord_stdin)
    with open_store() as store:
        user = register_user(store, _door(), args.gebruikersnaam, args.naam, args.rol, args.datarol,
                             email=args.email, wachtwoord=password)
    rollen = ", ".join(sorted(r.label for r in user.rollen))
    themas = ", ".join(sorted(t.value for t in user.datarollen)) or "geen"
    print(f"Gebruiker {user.gebruikersnaam} toegevoegd: rollen {rollen}; datarollen {themas}.")
    if Rol.BEHEERDER in user.rollen and not user.datarollen:
        print("Let op: zonder datarollen ziet deze beheerder geen casusinhoud (zo bedoeld).")
    return OK


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="zicht", description="Casusregistratie van Zicht.")
    add_parsers(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return _run(args.handler, args)


def _handle(parser: argparse.ArgumentParser, handler: Callable[[argparse.Namespace], int]) -> None:
    def func(args: argparse.Namespace) -> None:
        code = _run(handler, args)
        if code:
            raise SystemExit(code)

    parser.set_defaults(func=func, handler=handler)


def _run(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    try:
        return handler(args)
    except CasusFout as exc:
        print(f"zicht: fout: {exc}", file=sys.stderr)
        return FOUT


def _anchor() -> tuple[tuple[int, str] | None, str]:
    """The store's audit anchor when the store can be opened; otherwise why not."""
    if not default_path().exists():
        return None, " (geen casusopslag gevonden: anker niet gecontroleerd)"
    try:
        with open_store() as store:
            return store.audit_anchor(), ""
    except CasusFout as exc:
        return None, f" (anker in de casusopslag niet gecontroleerd: {exc} Het ankerbestand wel.)"


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Wachtwoord: ")
    if getpass.getpass("Nogmaals: ") != first:
        raise SystemExit("zicht: fout: de wachtwoorden zijn niet gelijk.")
    return first


def _door() -> str:
    return f"opdrachtregel ({getpass.getuser()})"


if __name__ == "__main__":
    raise SystemExit(main())
