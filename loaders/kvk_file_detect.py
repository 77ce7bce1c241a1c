"""What a KVK selection file really is: format, encoding, delimiter; refuse what it is not."""

from __future__ import annotations

import codecs
import csv
import tempfile
from pathlib import Path

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
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            return "xlsx"
        raise InvoerFout(path.name, "dit is een ZIP- of Excel-bestand, geen CSV; sla het op als "
                                    ".xlsx of exporteer naar CSV")
    if b"\x00" in head:
        raise InvoerFout(path.name, "dit is geen tekstbestand (binaire inhoud); verwacht CSV of XLSX")
    return "csv"


def detect_encoding(path: Path) -> str:
    """'utf-8-sig' when the whole file decodes as UTF-8, else 'cp1252' (Excel on Windows)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with open(path, "rb") as f:
        try:
            while chunk := f.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"
    return "utf-8-sig"


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
        with self.tmp:
            if kind == "xlsx":
                _xlsx_to_csv(self.path, self.tmp)
            else:
                _transcode(self.path, encoding, self.tmp)
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
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise InvoerFout(path.name, f"niet te lezen als Excel-bestand ({exc})") from exc
    writer = csv.writer(out, delimiter=";")
    for row in book.worksheets[0].iter_rows(values_only=True):
        writer.writerow(["" if v is None else _cell_text(v) for v in row])
    book.close()


def _cell_text(value) -> str:
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
