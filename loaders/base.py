"""What a source kind is: everything Zicht needs to know about one kind of source, in one place.

Each kind's module declares one `SourceKind` (its `SOORT`); loaders.registry lists them. The
pipeline, `zicht load`, uploads in the app, the rebuild, `zicht status` and the Gegevens page ask
the kind instead of testing its name.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from loaders.sources import Bron

# bag: the base every build needs, loaded first; kvk: vestigingen, matched to the BAG and counted
# in the load summary per SBI version; gebied: areas; aanvulling: anything else matched to the BAG.
Rol = Literal["bag", "kvk", "gebied", "aanvulling"]
PadSoort = Literal["file", "dir", "any"]


@dataclass(frozen=True)
class Upload:
    """How an administrator adds this kind in the app (Gegevens, Bestand toevoegen)."""

    label: str                      # the choice on the form
    uitleg: str                     # one paragraph under it
    extensies: tuple[str, ...]      # accepted file name endings, with the dot
    controle: str                   # gegevens_controle_<controle>.sql / gegevens_voorbeeld_<…>.sql
    naam_prefix: str                # a proposed source name starts with this


@dataclass(frozen=True)
class Koppeling:
    """A build step after KVK is matched to the BAG (needs adres_norm), e.g. RDW to BAG."""

    stap: str                       # its name in the build progress, in Dutch
    run: Callable[[object], None]   # run(con)


@dataclass(frozen=True)
class SourceKind:
    naam: str                       # 'bag-gpkg': `zicht load <naam>` and bron.soort
    omschrijving: str               # the source in words when the registration gave none
    rol: Rol
    load: Callable[[object, Bron], int]  # load(con, bron) -> rows delivered, into staging/snapshot
    hulp: str | None = None         # `zicht load --help`; None: registered by a download command only
    pad: PadSoort = "any"           # what PATH must be (file_guard.check_path)
    pad_nargs: str | None = None    # argparse nargs of PATH ('+' several files, '?' optional)
    argumenten: Callable[[argparse.ArgumentParser], None] | None = None  # its own CLI options
    opties: Callable[[argparse.Namespace], dict] | None = None  # bron.opties from those options
    controle: Callable[[Bron], int] | None = None  # a cheaper check than a full read (zicht load)
    peildatum: Callable[[Path], tuple[str, str] | None] | None = None  # the date the file states
    koppeling: Koppeling | None = None
    tabellen: dict[str, str] = field(default_factory=dict)  # snapshot table -> label of its count
    upload: Upload | None = None
