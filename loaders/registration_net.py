"""`zicht load bag-api|cbs|kvk-api` and `zicht load rdw --api`: download, then register.

Downloads are saved under <data>/bronnen/<naam>/ and the build reads them offline, so a rebuild
never fetches again and an interrupted download resumes where it stopped.
"""

from __future__ import annotations

import re
import sys
import urllib.parse
from datetime import date
from pathlib import Path

from geo.db import data_dir
from loaders import cbs, rdw_api
from loaders.bag import api as bag_api
from loaders.errors import InvoerFout
from loaders.gemeente import cbs_gemeentecode, gemeentecode
from loaders.kvk import api as kvk_api
from loaders.registration import check_and_register, check_date, common_options, register_from_path
from loaders.sources import Bron

DOWNLOADS = "bronnen"
PEILDATUM_HELP = ("datum waarop de gegevens betrekking hebben (JJJJ-MM-DD); standaard wat de "
                  "download zelf zegt: het jaar van de CBS-kaart, anders de dag van downloaden "
                  "(de API's leveren de stand van vandaag)")
_JAAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


def add_parsers(kinds) -> None:
    bag = kinds.add_parser("bag-api", help="BAG van PDOK's OGC API (download, hervatbaar)")
    bag.add_argument("--gemeente", required=True, help="gemeentecode, bv. 0637")
    bag.add_argument("--url", default=bag_api.BASE_URL)
    bag.add_argument("--opnieuw", action="store_true", help="begin de download opnieuw")
    c = kinds.add_parser("cbs", help="CBS gemeente, wijken en buurten van PDOK (download)")
    c.add_argument("--gemeente", required=True, help="gemeentecode, bv. GM0637")
    c.add_argument("--url", default=cbs.BASE_URL)
    kvk = kinds.add_parser("kvk-api", help="Vestigingsprofielen van de KVK API (sleutel in "
                                           f"{kvk_api.API_KEY_ENV})")
    kvk.add_argument("vestigingsnummers", nargs="*")
    kvk.add_argument("--uit-bestand", type=Path, help="bestand met één vestigingsnummer per regel")
    kvk.add_argument("--test", action="store_true", help="gebruik de testomgeving van de KVK")
    for p, func in ((bag, _bag), (c, _cbs), (kvk, _kvk)):
        common_options(p, PEILDATUM_HELP)
        p.set_defaults(func=func)
    kinds.choices["rdw"].set_defaults(func=_rdw)  # `zicht load rdw --api` downloads first


def _rdw(args) -> None:
    if not args.api:
        register_from_path(args)
        return
    folder = _folder("rdw")
    rdw_api.download(rdw_api.BASE_URL, folder, plaats=args.plaats, report=_say)
    _register(args, "rdw", folder)


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _folder(name: str) -> Path:
    folder = data_dir() / DOWNLOADS / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _register(args, soort: str, folder: Path, opties: dict | None = None,
              peildatum: str | None = None) -> None:
    """`peildatum`: what the download states; else the day of the download, because an API
    answers with the state of today (not a default: it is when the data was taken)."""
    datum = args.peildatum or peildatum or date.today().isoformat()
    check_date(datum)
    check_and_register(Bron(bron=args.naam or args.soort, soort=soort, pad=str(folder),
                            peildatum=datum, opties=opties or {}))


def _bag(args) -> None:
    code = gemeentecode(args.gemeente)
    folder = _folder(f"bag-api-{code}")
    bag_api.download(args.url, code, folder, opnieuw=args.opnieuw, report=_say)
    _register(args, "bag-api", folder, {"gemeente": code})


def _cbs(args) -> None:
    code = cbs_gemeentecode(args.gemeente)
    folder = _folder(f"cbs-{code}")
    cbs.download(args.url, code, folder, report=_say)
    jaar = _JAAR.search(urllib.parse.urlsplit(args.url).path)  # …/wijken-en-buurten-2024/…
    _register(args, "gebieden", folder, peildatum=f"{jaar.group(1)}-01-01" if jaar else None)


def _kvk(args) -> None:
    nummers = list(args.vestigingsnummers)
    if args.uit_bestand:
        try:
            nummers += args.uit_bestand.read_text(encoding="utf-8").split()
        except OSError as exc:
            raise InvoerFout(str(args.uit_bestand), f"niet te lezen ({exc.strerror})") from exc
    if not nummers:
        raise InvoerFout("kvk-api", "geef vestigingsnummers of --uit-bestand")
    client = kvk_api.KvkClient(base_url=kvk_api.TEST_BASE_URL if args.test else kvk_api.BASE_URL,
                               cache_dir=_folder("kvk-api-cache"))
    folder = _folder("kvk-api")
    kvk_api.download(client, nummers, folder, report=_say)
    _register(args, "kvk-json", folder)
