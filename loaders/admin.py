"""The one door from the app to loading: register, inspect an upload, rebuild, status.

ui/ imports loaders through this module only (and loaders.errors for the error types), so the
loaders' internals can change without touching a page.
"""

from __future__ import annotations

from pathlib import Path

from loaders import rebuild, uploads, waarschuwingen
from loaders.base import SourceKind
from loaders.errors import InvoerFout, InvoerFouten
from loaders.kvk.mapping import DOOK, REQUIRED
from loaders.peildatum import uit_bestand as peildatum_uit_bestand
from loaders.registry import REGISTRY, uploadbaar
from loaders.sources import Bron, read_register, register, write_register
from loaders.status import aantallen, tabellen

__all__ = [
    "DOOK", "REQUIRED", "REGISTRY", "Bron", "BouwBezig", "UploadInspectie", "InvoerFout", "InvoerFouten",
    "SourceKind", "Upload", "Voortgang", "aantallen", "column_names", "guess_mapping", "heeft_bag",
    "enige_bag", "inspect", "mapping_toml", "peildatum_uit_bestand", "read_register", "register", "remove",
    "save_text", "save_upload", "tabellen", "upload_soorten", "MAX_MB", "KOLOMMEN_EXTENSIONS",
    "build_running", "build_progress", "start_build", "stop_build", "waarschuwing_tellingen",
    "waarschuwing_lijst", "WAARSCHUWING_KOPPEN", "WAARSCHUWING_SOORTEN", "soort_label",
]


# Register
def remove(data_dir: Path, naam: str) -> None:
    """Take a source out of the register; the snapshot in use keeps it until the next build."""
    write_register(data_dir, [b for b in read_register(data_dir) if b.bron != naam])


def heeft_bag(bronnen: list[Bron]) -> bool:
    """Whether a build can run: every snapshot rests on a BAG source."""
    return any(b.rol == "bag" for b in bronnen)


def enige_bag(bron: Bron, bronnen: list[Bron]) -> bool:
    return bron.rol == "bag" and sum(b.rol == "bag" for b in bronnen) == 1


# Uploads: what the app can add, storing a file, checking it before it is registered
def upload_soorten() -> list[SourceKind]:
    return uploadbaar()


Upload = uploads.Upload
UploadInspectie = uploads.UploadInspectie
MAX_MB = uploads.MAX_MB
KOLOMMEN_EXTENSIONS = uploads.KOLOMMEN_EXTENSIONS
save_upload = uploads.save_upload
save_text = uploads.save_text
inspect = uploads.inspect
column_names = uploads.column_names
guess_mapping = uploads.guess_mapping
mapping_toml = uploads.mapping_toml

# Rebuild in the background
BouwBezig = rebuild.BouwBezig
Voortgang = rebuild.Voortgang
start_build = rebuild.start
stop_build = rebuild.stop
build_running = rebuild.running
build_progress = rebuild.read

# Status of the snapshot in use (the figures `zicht status` shows)
waarschuwing_tellingen = waarschuwingen.tellingen
waarschuwing_lijst = waarschuwingen.lijst
WAARSCHUWING_KOPPEN = waarschuwingen.KOPPEN
WAARSCHUWING_SOORTEN = waarschuwingen.SOORTEN
soort_label = waarschuwingen.soort_label
