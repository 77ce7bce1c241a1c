"""The register of sources (`bronnen.json` in the data directory).

`zicht load` adds or replaces a source here; `zicht build` builds a snapshot from all of them.
The file is replaced atomically, so a failed registration leaves the register as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from loaders.registry import REGISTRY

REGISTER = "bronnen.json"


@dataclass
class Bron:
    bron: str                      # the name it is registered under, e.g. 'bag', 'kvk-dook'
    soort: str                     # the loader, e.g. 'bag-gpkg', 'kvk-file', 'kvk-json'
    pad: str                       # absolute path of the file or folder
    peildatum: str                 # YYYY-MM-DD: the date the data describes
    opties: dict = field(default_factory=dict)
    checksum: str = ""
    geregistreerd_op: str = ""

    @property
    def path(self) -> Path:
        return Path(self.pad)

    @property
    def paden(self) -> list[Path]:
        """Every file or folder of the source: several for `zicht load kvk-json a.json b.json`."""
        return [Path(p) for p in self.opties.get("bestanden", [])] or [self.path]

    @property
    def omschrijving(self) -> str:
        """As registered, else what its kind is in words."""
        kind = _kind(self.soort)
        return self.opties.get("omschrijving") or (kind.omschrijving if kind else self.soort)

    @property
    def rol(self) -> str | None:
        """bag, kvk, gebied or aanvulling (loaders.base.Rol); None for an unknown kind."""
        kind = _kind(self.soort)
        return kind.rol if kind else None


def _kind(soort: str):
    return REGISTRY.get(soort)


def read_register(data_dir: Path) -> list[Bron]:
    path = data_dir / REGISTER
    if not path.exists():
        return []
    return [Bron(**item) for item in json.loads(path.read_text(encoding="utf-8"))]


def write_register(data_dir: Path, bronnen: list[Bron]) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    tmp = data_dir / f".{REGISTER}.{os.getpid()}.tmp"
    try:
        tmp.unlink(missing_ok=True)
        with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w",
                       encoding="utf-8") as f:
            f.write(json.dumps([asdict(b) for b in bronnen], indent=2, ensure_ascii=False))
        os.replace(tmp, data_dir / REGISTER)
    except BaseException:  # a full disk or Ctrl-C: the old register stays, no half file
        tmp.unlink(missing_ok=True)
        raise


def register(data_dir: Path, bron: Bron) -> list[Bron]:
    """Add `bron`, replacing one with the same name. Returns the new register."""
    bron.checksum = bron.checksum or checksum(*bron.paden)
    bron.geregistreerd_op = datetime.now(UTC).isoformat(timespec="seconds")
    bronnen = [b for b in read_register(data_dir) if b.bron != bron.bron] + [bron]
    write_register(data_dir, bronnen)
    return bronnen


def checksum(*paths: Path) -> str:
    """sha256 of files, or of all files below folders (names and contents, sorted)."""
    digest = hashlib.sha256()
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            digest.update(str(file.relative_to(path) if path.is_dir() else file.name).encode())
            with open(file, "rb") as f:
                while chunk := f.read(1 << 20):
                    digest.update(chunk)
    return digest.hexdigest()
