"""Guards every file loader runs first, whatever the format: what the path is, bounded lines and
fields, NUL bytes and control characters, one encoding per file, and a file that changes while
it is read.

Memory stays bounded for any input: lines are read with a limit (`readline(n)`), so a 1 GB line
is refused after MAX_LINE bytes and never held whole; the csv module refuses a field past
MAX_FIELD, which also stops an unterminated quote from swallowing the rest of the file.
"""

from __future__ import annotations

import contextlib
import csv
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from loaders.errors import InvoerFout

MAX_LINE = 1 << 20           # bytes per line
MAX_FIELD = 64 << 10         # characters per field
MAX_COLUMNS = 500
DELIMITERS = (b";", b",", b"\t", b"|")
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# C0 controls except tab, CR and LF (those may sit in a quoted field), DEL and the C1 controls:
# they have no place in a register and can rewrite a terminal line when a message echoes them.
_CONTROLS = {c for c in range(0x20) if c not in (9, 10, 13)} | {0x7F} | set(range(0x80, 0xA0))
_CONTROL_TABLE = dict.fromkeys(_CONTROLS, None)

csv.field_size_limit(MAX_FIELD)


def check_path(path: Path, kind: str = "file", shown: str | None = None) -> None:
    """Refuse what is not a plain file (kind 'file'), folder ('dir') or either ('any'):
    a missing path, a symbolic link, a pipe, socket or device."""
    name = shown or path.name or str(path)
    if path.is_symlink():
        raise InvoerFout(name, "is een symbolische koppeling; geef het bestand of de map zelf op")
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise InvoerFout(name, "bestand of map bestaat niet") from None
    except OSError as exc:
        raise InvoerFout(name, f"niet te openen ({exc.strerror or 'geen toegang'})") from None
    if stat.S_ISDIR(mode):
        if kind == "file":
            raise InvoerFout(name, "is een map, geen bestand")
    elif stat.S_ISREG(mode):
        if kind == "dir":
            raise InvoerFout(name, "is een bestand; verwacht een map")
    else:
        raise InvoerFout(name, "is geen gewoon bestand (maar een pipe, socket of apparaat)")


@contextlib.contextmanager
def unchanged(path: Path, shown: str | None = None) -> Iterator[None]:
    """Refuse the result of reading `path` when the file (or a file in the folder) changed
    meanwhile: half an old and half a new file is neither."""
    before = _fingerprint(path)
    yield
    if _fingerprint(path) != before:
        raise InvoerFout(shown or path.name, "het bestand veranderde terwijl Zicht het las; wacht "
                                             "tot het helemaal is weggeschreven en probeer opnieuw")


def _fingerprint(path: Path) -> tuple:
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    out = []
    for file in files:
        with contextlib.suppress(OSError):
            st = file.stat()
            out.append((str(file), st.st_size, st.st_mtime_ns, st.st_ino))
    return tuple(out)


def text_encoding(path: Path, shown: str | None = None) -> str:
    """'utf-8-sig' or 'cp1252' for a delimited text file, after refusing UTF-16, NUL bytes,
    lines longer than MAX_LINE, and a file that mixes UTF-8 with another encoding."""
    name = shown or path.name
    utf8_row = other_row = None
    with open(path, "rb") as f:
        if f.read(2) in UTF16_BOMS:
            raise InvoerFout(name, "het bestand is UTF-16 gecodeerd; sla het op als 'CSV UTF-8'")
        f.seek(0)
        header = b""
        for rij, line in enumerate(bounded_lines(f, name), start=1):
            header = header or line
            if b"\x00" in line:
                veld = field_at(header, line, line.index(b"\x00"))
                raise InvoerFout(name, "bevat een NUL-teken: dit is geen tekstbestand, of het is "
                                       "beschadigd", rij=rij, veld=veld)
            if line.isascii():
                continue
            try:
                line.decode("utf-8")
                utf8_row = utf8_row or rij
            except UnicodeDecodeError:
                other_row = other_row or rij
                _cp1252(line, name, rij)
            if utf8_row and other_row:
                raise InvoerFout(name, f"gemengde tekencodering: rij {utf8_row} is UTF-8, rij "
                                       f"{other_row} niet; sla het bestand opnieuw op als 'CSV UTF-8'",
                                 rij=max(utf8_row, other_row))
    return "cp1252" if other_row else "utf-8-sig"


def _cp1252(line: bytes, name: str, rij: int) -> None:
    try:
        line.decode("cp1252")
    except UnicodeDecodeError:
        raise InvoerFout(name, "onbekende tekencodering (geen UTF-8 en geen Windows-1252); sla het "
                               "bestand op als 'CSV UTF-8'", rij=rij) from None


def bounded_lines(f, name: str, limit: int = MAX_LINE) -> Iterator:
    """The lines of a binary or text file object, refusing one longer than `limit` after reading
    at most `limit` + 1 bytes or characters of it."""
    rij = 0
    while line := f.readline(limit + 1):
        rij += 1
        if len(line) > limit and not line.endswith("\n" if isinstance(line, str) else b"\n"):
            raise InvoerFout(name, f"de regel is langer dan {limit // 1024} KB; is dit wel een "
                                   "CSV-bestand met één rij per regel?", rij=rij)
        yield line


def field_at(header: bytes, line: bytes, pos: int) -> str | None:
    """The column name of the field holding byte `pos` of `line` (by counting delimiters)."""
    delimiter = max(DELIMITERS, key=header.count)
    names = header.rstrip(b"\r\n").split(delimiter)
    index = line[:pos].count(delimiter)
    if index >= len(names) or not header.count(delimiter):
        return None
    return names[index].strip().strip(b'"').decode("utf-8", "replace") or None


def check_records(path: Path, delimiter: str, shown: str | None = None) -> int:
    """Walk a UTF-8 delimited file record by record as DuckDB will read it, refusing ragged
    rows, oversized fields, broken quoting, control characters and a file with only a header.
    Returns the number of data rows. `rij` is the record number, the header being 1."""
    name = shown or path.name
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(bounded_lines(f, name), delimiter=delimiter, quotechar='"',
                            doublequote=True, strict=True)
        rij, header = 1, None
        try:
            header = next(reader, None)
            if not header:
                raise InvoerFout(name, "het bestand is leeg")
            _check_header(header, name)
            for record in reader:
                if record == [] or record == [""]:
                    continue  # a blank line, which DuckDB skips as well
                rij += 1
                _check_record(record, header, name, rij)
        except csv.Error as exc:
            raise InvoerFout(name, _csv_reason(exc), rij=rij + 1) from None
    if rij == 1:
        raise InvoerFout(name, "het bestand bevat alleen een kopregel, geen rijen", rij=1)
    return rij - 1


def _check_header(header: list[str], name: str) -> None:
    if len(header) > MAX_COLUMNS:
        raise InvoerFout(name, f"de kopregel heeft {len(header)} kolommen; meer dan {MAX_COLUMNS} "
                               "past niet bij een registerbestand", rij=1)
    seen = set()
    for column in header:
        _check_text(column, name, 1, column)
        key = column.strip()
        if key and key in seen:
            raise InvoerFout(name, "deze kolomnaam komt twee keer voor in de kopregel", rij=1, veld=key)
        seen.add(key)


def _check_record(record: list[str], header: list[str], name: str, rij: int) -> None:
    if len(record) != len(header):
        raise InvoerFout(name, f"de rij heeft {len(record)} velden, de kopregel {len(header)}; "
                               "controleer scheidingstekens en aanhalingstekens", rij=rij)
    for column, value in zip(header, record, strict=True):
        _check_text(value, name, rij, column)


def _check_text(value: str, name: str, rij: int, column: str) -> None:
    if len(value.translate(_CONTROL_TABLE)) != len(value):
        raise InvoerFout(name, "bevat een onzichtbaar stuurteken; verwijder het en sla opnieuw op",
                         rij=rij, veld=column.strip() or None)


def _csv_reason(exc: csv.Error) -> str:
    text = str(exc)
    if "field larger than field limit" in text:
        return (f"een veld is langer dan {MAX_FIELD // 1024} KB, of een aanhalingsteken wordt niet "
                "gesloten")
    if "unexpected end of data" in text or "EOF" in text:
        return "een aanhalingsteken wordt niet gesloten"
    return "de aanhalingstekens kloppen niet (een \" midden in of direct na een veld)"


def created_private(path: Path) -> int:
    """Open `path` for writing, created with mode 0600 whatever the umask (O_EXCL: never an
    existing file)."""
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
