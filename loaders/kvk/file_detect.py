"""What a KVK selection file really is: format, encoding, delimiter; refuse what it is not."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

from loaders import file_guard, xlsx_guard
from loaders.errors import InvoerFout

DELIMITERS = [";", ",", "\t", "|"]
ZIP_MAGIC = b"PK\x03\x04"
SNIFF_BYTES = 64 * 1024


def sniff_format(path: Path) -> str:
    """'xlsx' or 'csv', judged from the content, not the name; refuses binary files."""
    with open(path, "rb") as f:
        head = f.read(SNIFF_BYTES)
    if not head.strip():
        raise InvoerFout(path.name, "het bestand is leeg")
    if head.startswith(ZIP_MAGIC):
        if path.suffix.lower() in (".xlsx", *xlsx_guard.MACRO_EXTENSIONS):
            xlsx_guard.check_zip(path)
            return "xlsx"
        raise InvoerFout(path.name, "dit is een ZIP- of Excel-bestand, geen CSV; sla het op als "
                                    ".xlsx of exporteer naar CSV")
    if _binary(head):
        raise InvoerFout(path.name, "dit is geen tekstbestand (binaire inhoud); verwacht CSV of XLSX")
    return "csv"


def _binary(head: bytes) -> bool:
    """Mostly NUL and control bytes. A stray NUL in a text file is left to the encoding scan,
    which names its row and field."""
    if head.startswith(file_guard.UTF16_BOMS) or b"\x00" not in head:
        return False
    controls = sum(head.count(bytes([c])) for c in range(32) if c not in (9, 10, 13))
    return controls * 100 > len(head)


def detect_encoding(path: Path) -> str:
    """'utf-8-sig' when the whole file is UTF-8, 'cp1252' (Excel on Windows) when it is that;
    refuses a mixture, NUL bytes and overlong lines (loaders.file_guard)."""
    return file_guard.text_encoding(path)


def detect_delimiter(header: str, path: Path) -> str:
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(counts, key=counts.get)
    if counts[best] == 0:
        raise InvoerFout(path.name, "scheidingsteken niet herkend (verwacht ; of , of tab)", rij=1)
    return best


def first_line(path: Path, original: Path) -> str:
    with open(path, encoding="utf-8-sig") as f:
        line = f.readline().strip()
    if not line:
        raise InvoerFout(original.name, "het bestand is leeg")
    return line


class Utf8Csv:
    """Context manager giving a UTF-8 CSV path for any input: the file itself when it already is
    one, else a temporary copy (cp1252 transcoded, or the first sheet of an XLSX)."""

    def __init__(self, path: Path):
        self.path, self.tmp = path, None

    def __enter__(self) -> Path:
        kind = sniff_format(self.path)
        encoding = None if kind == "xlsx" else detect_encoding(self.path)
        if encoding == "utf-8-sig":
            return self.path
        self.tmp = tempfile.NamedTemporaryFile("w", suffix=".csv", encoding="utf-8", delete=False,
                                               newline="")
        try:
            with self.tmp:
                if kind == "xlsx":
                    _xlsx_to_csv(self.path, self.tmp)
                else:
                    _transcode(self.path, encoding, self.tmp)
        except BaseException:
            self.__exit__()
            raise
        return Path(self.tmp.name)

    def __exit__(self, *exc):
        if self.tmp:
            Path(self.tmp.name).unlink(missing_ok=True)


def _transcode(path: Path, encoding: str, out) -> None:
    with open(path, encoding=encoding, errors="replace", newline="") as src:
        while chunk := src.read(1 << 20):
            out.write(chunk)


def _xlsx_to_csv(path: Path, out) -> None:
    """First sheet, every cell as text (codes keep leading zeros only if Excel kept them)."""
    writer = csv.writer(out, delimiter=";")
    for row in xlsx_guard.rows(path):
        writer.writerow(["" if v is None else _cell_text(v) for v in row])


def _cell_text(value) -> str:
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
