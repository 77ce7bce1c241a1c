"""Finding and opening the XML parts of an LVBAG extract: nested zips, a folder, or one XML file.

A delivery zip holds one zip per object type (9999PND15092020.zip, 9999LIG…, 9999STA…, …) that
holds the XML parts (0221PND15092020-000001.xml, …). Nothing is extracted to disk: a part is read
as a stream from its zip member. A stored (uncompressed) inner zip, the usual case, is read through
a window on the outer file, so opening it costs no decompression; a compressed one through
zipfile's seekable stream.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path

from loaders.engine_errors import detail
from loaders.errors import InvoerFout

SOORTEN = ("VBO", "PND", "NUM", "OPR", "WPL", "LIG", "STA")
# 9999PND15092020.zip, 0221PND15092020-000001.xml; not 0221IOPND… (in onderzoek) or 0221IAPND… (inactief).
_NAAM = re.compile(r"^\d{4}(VBO|PND|NUM|OPR|WPL|LIG|STA)\d{8}(?:-\d+)?\.(xml|zip)$", re.IGNORECASE)
_GWR = re.compile(r"^GEM-WPL-RELATIE.*\.(xml|zip)$", re.IGNORECASE)


@dataclass(frozen=True)
class Deel:
    """One XML part: `naam` is the path shown to the user (outer.zip/inner.zip/part.xml)."""

    naam: str
    soort: str                 # VBO PND NUM OPR WPL LIG STA GWR, or '?' (loose XML: look inside)
    keten: tuple[str, ...]     # zip members from the outer file down to the part ('' for a plain file)
    bestand: Path


def soort_van(naam: str) -> str | None:
    """Object type of a member by its name, or None when it is not a part we read."""
    base = naam.rsplit("/", 1)[-1]
    if base.startswith("._") or naam.startswith("__MACOSX/"):
        return None
    if m := _NAAM.match(base):
        return m.group(1).upper()
    return "GWR" if _GWR.match(base) else None


class BagXmlInvoer:
    """The parts of one input path; keeps the zip currently being read open (use as context manager)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._open: dict[tuple, tuple] = {}  # (file, *chain) -> (ZipFile, the stream it reads or None)

    def __enter__(self) -> BagXmlInvoer:
        return self

    def __exit__(self, *exc) -> None:
        self._sluit(None)

    def delen(self) -> list[Deel]:
        if not self.path.exists():
            raise InvoerFout(self.path.name, "bestand of map bestaat niet")
        if self.path.is_dir():
            return [d for f in sorted(self.path.rglob("*")) if f.is_file() for d in self._bestand(f, True)]
        return self._bestand(self.path, False)

    def _bestand(self, f: Path, in_map: bool) -> list[Deel]:
        naam = f.name if not in_map else str(f.relative_to(self.path))
        if zipfile.is_zipfile(f):
            return self._zip_delen(f, (), naam)
        soort = soort_van(f.name)
        if f.suffix.lower() == ".xml" and soort != "GWR" and _begint_als_xml(f):
            return [Deel(naam, soort or "?", (), f)]
        if soort == "GWR":
            return [Deel(naam, soort, (), f)]
        if in_map:
            return []
        if f.suffix.lower() == ".zip":
            raise InvoerFout(naam, "geen leesbaar zip-bestand (beschadigd of onvolledig gedownload?)")
        raise InvoerFout(naam, "geen zip- of XML-bestand; verwacht een BAG-extract (LVBAG, BAG 2.0)")

    def _zip_delen(self, f: Path, keten: tuple[str, ...], naam: str) -> list[Deel]:
        zf = self._zip(f, keten, naam)
        delen = []
        for info in zf.infolist():
            soort = soort_van(info.filename)
            if info.is_dir() or soort is None:
                continue
            sub = (*keten, info.filename)
            if info.filename.lower().endswith(".zip"):
                delen += self._zip_delen(f, sub, f"{naam}/{info.filename}")
            else:
                delen.append(Deel(f"{naam}/{info.filename}", soort, sub, f))
        return delen

    def open(self, deel: Deel):
        """A binary stream of the part's XML."""
        if not deel.keten:
            try:
                return open(deel.bestand, "rb")  # noqa: SIM115 (the caller closes it)
            except OSError as exc:
                raise InvoerFout(deel.naam, f"niet te openen ({exc.strerror})") from exc
        *zips, lid = deel.keten
        zf = self._zip(deel.bestand, tuple(zips), deel.naam.rsplit("/", 1)[0])
        try:
            return zf.open(lid)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise InvoerFout(deel.naam, f"onleesbaar in het zip-bestand ({detail(exc)})") from exc

    def _zip(self, f: Path, keten: tuple[str, ...], naam: str) -> zipfile.ZipFile:
        """The (nested) zip at `keten`, opened once and kept open while its parts are read."""
        sleutel = (f, *keten)
        if sleutel in self._open:
            return self._open[sleutel][0]
        self._sluit(sleutel)
        stroom = None
        try:
            if not keten:
                zf = zipfile.ZipFile(f)
            else:
                ouder = self._zip(f, keten[:-1], naam.rsplit("/", 1)[0])
                stroom = _lid_stroom(f, ouder, keten[-1], direct=len(keten) == 1)
                zf = zipfile.ZipFile(stroom)
        except (zipfile.BadZipFile, OSError, EOFError, KeyError) as exc:
            if stroom is not None:
                stroom.close()
            raise InvoerFout(naam, f"geen leesbaar zip-bestand ({detail(exc)})") from exc
        self._open[sleutel] = (zf, stroom)
        return zf

    def _sluit(self, houd: tuple | None) -> None:
        """Close opened zips that are not `houd` (file, *chain) or one of its ancestors (all: None)."""
        for sleutel in sorted(self._open, key=len, reverse=True):
            if houd is None or sleutel != houd[: len(sleutel)]:
                zf, stroom = self._open.pop(sleutel)
                zf.close()
                if stroom is not None:
                    stroom.close()


def _begint_als_xml(f: Path) -> bool:
    with open(f, "rb") as fh:
        return fh.read(64).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def _lid_stroom(f: Path, ouder: zipfile.ZipFile, lid: str, direct: bool):
    """A seekable stream of a member holding a zip: a window on the file when stored uncompressed
    directly in the outer zip (the usual layout), else zipfile's own (slower) seekable stream."""
    info = ouder.getinfo(lid)
    if not direct or info.compress_type != zipfile.ZIP_STORED or info.flag_bits & 0x1:
        return ouder.open(info)
    fh = open(f, "rb")  # noqa: SIM115 (the window closes it)
    fh.seek(info.header_offset)
    header = fh.read(30)
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        fh.close()
        raise zipfile.BadZipFile(f"lokale kop van {lid} ontbreekt")
    naam_len, extra_len = struct.unpack("<HH", header[26:30])
    start = info.header_offset + 30 + naam_len + extra_len
    return io.BufferedReader(_Venster(fh, start, info.compress_size), 1 << 20)


class _Venster(io.RawIOBase):
    """Read-only, seekable view of bytes [start, start+lengte) of an open file."""

    def __init__(self, fh, start: int, lengte: int):
        self._fh, self._start, self._lengte, self._pos = fh, start, lengte, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = 0) -> int:
        basis = {0: 0, 1: self._pos, 2: self._lengte}[whence]
        self._pos = min(max(basis + offset, 0), self._lengte)
        return self._pos

    def readinto(self, buf) -> int:
        n = min(len(buf), self._lengte - self._pos)
        if n <= 0:
            return 0
        self._fh.seek(self._start + self._pos)
        gelezen = self._fh.readinto(memoryview(buf)[:n])
        self._pos += gelezen
        return gelezen

    def close(self) -> None:
        if not self.closed:
            self._fh.close()
        super().close()
