"""Files an administrator uploads in the app, kept under `<data>/bronnen/uploads/`.

Each upload gets its own folder named by a hash of its content and name, holding the file under a
sanitised version of the name it was uploaded with (so messages and the `bron` table show that
name). The folder is filled under a hidden name and renamed into place: a half-written upload is
never visible, and a registered source's file never changes underneath it. A zipped Shapefile is
unpacked into the same folder. Uploads that
no registered source uses are removed after a day.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
import time
import unicodedata
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from geo.sqlfiles import fetch_rows, sql_text
from loaders import gebieden
from loaders.engine_errors import describe, translate
from loaders.errors import InvoerFout, InvoerFouten
from loaders.file_guard import created_private
from loaders.kvk import file as kvk_file
from loaders.kvk.file_detect import Utf8Csv, detect_delimiter, first_line
from loaders.kvk.mapping import DOOK
from loaders.pipeline import load_source, pid_alive, scratch
from loaders.registry import kind
from loaders.sources import Bron, read_register

FOLDER = Path("bronnen") / "uploads"
MAX_MB = 200
MAX_BYTES = MAX_MB * 1024 * 1024
KVK_EXTENSIONS = kvk_file.SOORT.upload.extensies
GEBIEDEN_EXTENSIONS = gebieden.SOORT.upload.extensies
KOLOMMEN_EXTENSIONS = (".toml",)
ZIP_DATA = (".shp", ".geojson", ".json", ".gpkg")
ZIP_ALLOWED = ZIP_DATA + (".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".xml")
ZIP_MAX_FILES = 50
ORPHAN_AGE_S = 24 * 3600
CHUNK = 1 << 20


@dataclass(frozen=True)
class Upload:
    pad: Path           # the file to register (for a zip: the data file inside it)
    checksum: str       # sha256 of the uploaded bytes
    naam: str           # the name as the user uploaded it, for messages


def upload_dir(data_dir: Path) -> Path:
    return data_dir / FOLDER


def sanitize_name(name: str) -> str:
    """A safe file name: no folders, ASCII letters, digits, '.', '_' and '-' only, not hidden."""
    base = re.split(r"[\\/]", name or "")[-1]
    ascii_name = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode()
    clean = re.sub(r"[^A-Za-z0-9._-]+", "_", ascii_name).strip("._-")
    stem, dot, ext = clean.rpartition(".")
    if not dot:
        stem, ext = clean, ""
    stem = stem[:80] or "bestand"
    return f"{stem}.{ext.lower()}" if ext else stem


def save_upload(data_dir: Path, name: str, stream, allowed: tuple[str, ...]) -> Upload:
    """Store an uploaded file (a binary file object) and return what to register.

    Raises InvoerFout for a wrong kind of file, an empty file, or one larger than MAX_MB.
    """
    safe = sanitize_name(name)
    if Path(safe).suffix.lower() not in allowed:
        raise InvoerFout(name, f"dit soort bestand wordt hier niet geaccepteerd (verwacht "
                               f"{', '.join(allowed)})")
    folder = upload_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    remove_orphans(data_dir)
    part, digest = _write_part(folder, stream, name)
    target = folder / hashlib.sha256(f"{digest}/{safe}".encode()).hexdigest()[:16]
    staging = folder / f".map-{os.getpid()}-{time.monotonic_ns()}"
    try:
        if not target.exists():
            staging.mkdir(mode=0o700)
            os.replace(part, staging / safe)
            if Path(safe).suffix == ".zip":
                _extract(staging / safe, staging, name)
            _move_into_place(staging, target)
    finally:
        part.unlink(missing_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
    pad = target / safe
    return Upload(_data_file(target, name) if pad.suffix == ".zip" else pad, digest, name)


def save_text(data_dir: Path, name: str, text: str) -> Path:
    """Store a small text file made in the app (a column mapping) the same way."""
    return save_upload(data_dir, name, io.BytesIO(text.encode("utf-8")), (Path(name).suffix,)).pad


def _write_part(folder: Path, stream, name: str) -> tuple[Path, str]:
    part = folder / f".upload-{os.getpid()}-{time.monotonic_ns()}.part"
    digest, size = hashlib.sha256(), 0
    try:
        with os.fdopen(created_private(part), "wb") as out:
            while chunk := stream.read(CHUNK):
                size += len(chunk)
                if size > MAX_BYTES:
                    raise InvoerFout(name, f"het bestand is groter dan {MAX_MB} MB")
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if size == 0:
            raise InvoerFout(name, "het bestand is leeg")
    except OSError as exc:  # a full disk, mostly: say so, and leave nothing behind
        part.unlink(missing_ok=True)
        raise InvoerFout(name, describe(exc)) from exc
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return part, digest.hexdigest()


def _move_into_place(staging: Path, target: Path) -> None:
    """One rename makes the folder visible; equal content and name give an equal folder, and
    one that is already there is kept (a registered source may use it)."""
    try:
        os.replace(staging, target)
    except OSError:
        if not target.is_dir():
            raise


def _data_file(folder: Path, name: str) -> Path:
    found = sorted(p for p in folder.iterdir() if p.suffix.lower() in ZIP_DATA)
    if len(found) != 1:
        raise InvoerFout(name, "de zip moet precies één Shapefile (.shp), GeoJSON of GeoPackage "
                               f"bevatten; gevonden: {len(found)}")
    return found[0]


def _extract(archive: Path, folder: Path, name: str) -> None:
    """Unpack next to the archive: base names only (no paths from the zip), allowed kinds only."""
    try:
        zf = zipfile.ZipFile(archive)
    except zipfile.BadZipFile as exc:
        raise InvoerFout(name, "geen geldig zip-bestand") from exc
    with zf:
        members = [m for m in zf.infolist() if not m.is_dir()
                   and Path(m.filename).suffix.lower() in ZIP_ALLOWED
                   and not Path(m.filename).name.startswith(".")]
        if len(members) > ZIP_MAX_FILES:
            raise InvoerFout(name, f"de zip bevat meer dan {ZIP_MAX_FILES} bestanden")
        budget = [MAX_BYTES * 5]
        for member in members:
            _extract_member(zf, member, folder, name, budget)


def _extract_member(zf, member, folder: Path, name: str, budget: list[int]) -> None:
    """Copy one member, counting the bytes really written (a zip's own sizes can lie)."""
    out_path = folder / sanitize_name(Path(member.filename).name)
    if out_path.exists():
        raise InvoerFout(name, "de zip bevat twee bestanden met dezelfde naam",
                         veld=Path(member.filename).name)
    with zf.open(member) as src, os.fdopen(created_private(out_path), "wb") as out:
        while chunk := src.read(CHUNK):
            budget[0] -= len(chunk)
            if budget[0] < 0:
                raise InvoerFout(name, "de zip is uitgepakt te groot")
            out.write(chunk)


def remove_orphans(data_dir: Path, max_age_s: float = ORPHAN_AGE_S) -> list[Path]:
    """Delete uploads older than `max_age_s` that no registered source refers to."""
    folder = upload_dir(data_dir)
    if not folder.exists():
        return []
    used = _used_paths(data_dir)
    cutoff = time.time() - max_age_s
    removed = []
    for path in folder.iterdir():
        if _of_dead_process(path):
            _remove(path)
            removed.append(path)
            continue
        resolved = path.resolve()
        in_use = any(resolved == u or resolved in u.parents for u in used)
        if not in_use and path.stat().st_mtime < cutoff:
            _remove(path)
            removed.append(path)
    return removed


def _of_dead_process(path: Path) -> bool:
    """A half-written upload (.upload-<pid>-….part, .map-<pid>-…) of a process that was killed."""
    match = re.match(r"^\.(?:upload|map)-(\d+)-", path.name)
    return bool(match) and not pid_alive(int(match[1]))


def _used_paths(data_dir: Path) -> list[Path]:
    used = []
    for bron in read_register(data_dir):
        used.append(Path(bron.pad).resolve())
        if bron.opties.get("kolommen"):
            used.append(Path(bron.opties["kolommen"]).resolve())
    return used


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


@dataclass
class UploadInspectie:
    """The outcome of checking an upload: what Zicht read, before anything is registered."""

    rijen: int
    feiten: dict                     # counts and facts (gegevens_controle_*.sql), one row
    voorbeeld: list[dict]            # the first rows as Zicht reads them


def inspect(bron: Bron, weergavenaam: str, limiet: int = 10) -> UploadInspectie:
    """Read `bron` into a scratch database exactly as `registration.validate` does, and describe it.

    Raises InvoerFout naming the file as the user uploaded it; nothing on disk changes.
    """
    upload = kind(bron.soort).upload
    if upload is None:
        raise InvoerFout(weergavenaam, f"een bron van de soort '{bron.soort}' kan niet in de app "
                                       "worden toegevoegd")
    with scratch() as con:
        rijen = _load_named(con, bron, weergavenaam)
        feiten = fetch_rows(con, sql_text(f"gegevens_controle_{upload.controle}"), {})[0]
        voorbeeld = fetch_rows(con, sql_text(f"gegevens_voorbeeld_{upload.controle}"), {"limiet": limiet})
        return UploadInspectie(rijen, feiten, voorbeeld)


def _load_named(con, bron: Bron, weergavenaam: str) -> int:
    with _named(bron.path, weergavenaam):
        try:
            return load_source(con, bron)
        except InvoerFout:
            raise
        except Exception as exc:  # a reader's own error: still say which file, in Dutch
            raise translate(exc, weergavenaam) from exc


@contextmanager
def _named(path: Path, weergavenaam: str) -> Iterator[None]:
    """Errors name the file as the user uploaded it, not as it is stored."""
    try:
        yield
    except InvoerFout as exc:
        if exc.bestand not in (path.name, str(path)):
            raise
        if isinstance(exc, InvoerFouten):
            raise InvoerFouten([InvoerFout(weergavenaam, f.melding, f.rij, f.veld) for f in exc.fouten],
                               exc.totaal) from exc
        raise InvoerFout(weergavenaam, exc.melding, exc.rij, exc.veld) from exc


def column_names(path: Path, weergavenaam: str) -> list[str]:
    """The header of a CSV or XLSX file (for mapping its columns), read as the KVK loader does."""
    with _named(path, weergavenaam), Utf8Csv(path) as readable:
        header = first_line(readable, path)
        delimiter = detect_delimiter(header, path)
    try:
        names = next(csv.reader([header], delimiter=delimiter))
    except (csv.Error, StopIteration) as exc:
        raise InvoerFout(weergavenaam, "kopregel niet te lezen", rij=1) from exc
    return [n.strip() for n in names if n.strip()]


# Column names seen in KVK selections other than DOOK's, normalised (lower case, letters and digits).
SYNONIEMEN = {
    "vestigingsnummer": ("vestigingsnummer", "vestigingsnr", "vestnr", "kvkvestigingsnummer"),
    "kvk_nummer": ("kvknummer", "kvknr", "kvk", "dossiernummer"),
    "naam": ("handelsnaam", "eerstehandelsnaam", "naam", "bedrijfsnaam", "kvkhandelsnaam"),
    "postcode": ("postcode", "pc", "postcodebezoekadres"),
    "huisnummer": ("huisnummer", "huisnr", "nummer"),
    "straat": ("straat", "straatnaam"),
    "huisletter": ("huisletter", "letter"),
    "toevoeging": ("toevoeging", "huisnummertoevoeging", "huisnrtoev", "toev"),
    "plaats": ("plaats", "woonplaats", "vestigingsplaats", "gemeentenaam", "gemeente"),
    "bag_id": ("bagid", "bagnumid", "verblijfsobjectid", "adresseerbaarobjectid", "numid"),
    "sbi_codes": ("sbicodes", "sbicode", "sbi", "kvksbicode"),
    "sbi_hoofd": ("sbihoofdactiviteit", "hoofdactiviteit", "sbicodehoofdactiviteit"),
    "datum_aanvang": ("datumaanvang", "datuminschrijving", "inschrijvingsdatum", "datumvestiging",
                      "datuminschrijvingvestiging"),
    "datum_einde": ("datumeinde", "datumuitschrijving", "uitschrijvingsdatum", "datumopheffing",
                    "datumuitschrijvingvestiging"),
    "rechtsvorm": ("rechtsvorm",),
    "activiteit": ("activiteit", "bedrijfsactiviteit", "activiteitomschrijving"),
    "is_hoofdvestiging": ("hoofdvestiging", "indhoofdvestiging", "indicatiehoofdvestiging"),
}


def guess_mapping(columns: list[str]) -> dict[str, str]:
    """field -> column for the columns whose name says what they hold (DOOK names first)."""
    by_norm = {_norm(c): c for c in reversed(columns)}
    guess: dict[str, str] = {}
    for veld, dook in DOOK.items():
        names = (_norm(dook),) + SYNONIEMEN.get(veld, ())
        found = next((by_norm[n] for n in names if n in by_norm), None)
        if found and found not in guess.values():
            guess[veld] = found
    return guess


def mapping_toml(mapping: dict[str, str], sbi_versie: str | None = None) -> str:
    """A column mapping in the TOML form loaders.kvk.mapping reads (strings JSON-escaped, which
    is valid for TOML basic strings)."""
    lines = ["# Kolomindeling voor een KVK-selectie (Zicht).", "[kolommen]"]
    lines += [f"{veld} = {_toml_string(kolom)}" for veld, kolom in mapping.items()]
    if sbi_versie:
        lines += ["", "[opties]", f"sbi_versie = {_toml_string(sbi_versie)}"]
    return "\n".join(lines) + "\n"


def _toml_string(text: str) -> str:
    """JSON's escapes are TOML's, except that TOML also forbids a raw DEL character."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())
