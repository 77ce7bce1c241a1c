"""RDW erkende bedrijven from opendata.rdw.nl (Socrata), saved as the CSVs loaders/rdw.py reads.

Datasets 5k74-3jha (erkende bedrijven) and nmwb-dqkz (erkenningen) are paged with SoQL
`$limit`/`$offset` in a stable `$order=:id`. Each page is saved as it arrives under `paginas/`, so an
interrupted download resumes; when both are complete `erkende-bedrijven.csv` and
`erkenningen.csv` are written. With `plaats`, bedrijven are asked for that place only and the
erkenningen are kept for those bedrijven only (the erkenningen dataset has no place).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

from loaders.bag.api_pages import write_atomic
from loaders.engine_errors import detail
from loaders.errors import InvoerFout
from loaders.http_client import HttpClient
from loaders.rdw import BEDRIJVEN, ERKENNINGEN

BASE_URL = "https://opendata.rdw.nl"
DATASET_BEDRIJVEN = "5k74-3jha"
DATASET_ERKENNINGEN = "nmwb-dqkz"
BEDRIJF_COLUMNS = ["volgnummer", "naam_bedrijf", "gevelnaam", "straat", "huisnummer",
                   "huisnummer_toevoeging", "postcode_numeriek", "postcode_alfanumeriek", "plaats"]
ERKENNING_COLUMNS = ["volgnummer", "erkenning"]
PAGES = "paginas"
STATE = "state.json"
LIMIT = 50_000
MAX_RPS = 2.0


def download(base_url: str, out_dir: Path, plaats: str | None = None, *, limit: int = LIMIT,
             max_rps: float = MAX_RPS, opnieuw: bool = False, client: HttpClient | None = None,
             report: Callable[[str], None] | None = None) -> int:
    """Save both datasets (optionally one `plaats`) as CSV in `out_dir`. Returns bedrijven saved."""
    base_url = base_url.rstrip("/")
    out_dir = Path(out_dir)
    pages = out_dir / PAGES
    plaats = plaats.strip().upper() if plaats and plaats.strip() else None
    _start(pages, {"base_url": base_url, "plaats": plaats, "limit": limit}, opnieuw)
    client = client or HttpClient(max_rps=max_rps)
    say = report or (lambda _msg: None)
    where = f"upper(plaats) = '{plaats.replace(chr(39), chr(39) * 2)}'" if plaats else None
    bedrijven = _fetch(client, base_url, DATASET_BEDRIJVEN, pages, limit, where, say)
    erkenningen = _fetch(client, base_url, DATASET_ERKENNINGEN, pages, limit, None, say)
    if plaats:
        eigen = {str(b.get("volgnummer")) for b in bedrijven}
        erkenningen = [e for e in erkenningen if str(e.get("volgnummer")) in eigen]
    _write_csv(out_dir / BEDRIJVEN, BEDRIJF_COLUMNS, bedrijven)
    _write_csv(out_dir / ERKENNINGEN, ERKENNING_COLUMNS, erkenningen)
    say(f"RDW: {len(bedrijven)} erkende bedrijven, {len(erkenningen)} erkenningen")
    return len(bedrijven)


def _start(pages: Path, wanted: dict, opnieuw: bool) -> None:
    state_file = pages / STATE
    if state_file.exists() and not opnieuw:
        state = json.loads(state_file.read_text(encoding="utf-8"))
        if state != wanted:
            differs = ", ".join(k for k in wanted if state.get(k) != wanted[k])
            raise InvoerFout(str(state_file), f"deze map hoort bij een andere RDW-download ({differs} "
                             "verschilt); kies een lege map of begin opnieuw")
        return
    if pages.exists():
        shutil.rmtree(pages)
    pages.mkdir(parents=True)
    write_atomic(state_file, json.dumps(wanted, indent=2).encode("utf-8"))


def _fetch(client: HttpClient, base_url: str, dataset: str, pages: Path, limit: int,
           where: str | None, say: Callable[[str], None]) -> list[dict]:
    """All rows of `dataset`: saved pages first, then the missing ones from the server."""
    rows: list[dict] = []
    n = 0
    while True:
        n += 1
        page = pages / f"{dataset}-{n}.json"
        if page.exists():
            body, bron = page.read_bytes(), page.name
        else:
            params = {"$limit": limit, "$offset": (n - 1) * limit, "$order": ":id"}
            if where:
                params["$where"] = where
            antwoord = client.get(f"{base_url}/resource/{dataset}.json", params)
            body, bron = antwoord.body, antwoord.url
        batch = _rows(body, bron)
        if not page.exists():
            write_atomic(page, body)
            say(f"RDW {dataset}: pagina {n}, {len(rows) + len(batch)} rijen")
        rows.extend(batch)
        if len(batch) < limit:
            return rows


def _rows(body: bytes, bron: str) -> list[dict]:
    try:
        doc = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvoerFout(bron, f"geen geldige JSON ({detail(exc)})") from exc
    if not isinstance(doc, list):
        melding = doc.get("message") if isinstance(doc, dict) else None
        raise InvoerFout(bron, "verwacht een lijst rijen van de Socrata-API"
                         + (f" ({melding})" if melding else ""))
    for i, row in enumerate(doc, start=1):
        if not isinstance(row, dict) or not row.get("volgnummer"):
            raise InvoerFout(bron, "rij zonder volgnummer", rij=i, veld="volgnummer")
    return doc


def _write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: _cell(row.get(c)) for c in columns})
    write_atomic(path, buffer.getvalue().encode("utf-8"))


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
