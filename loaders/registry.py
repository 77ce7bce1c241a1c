"""Every source kind Zicht knows, in the order `zicht load --help` lists them.

A new kind is one module that declares its `SOORT` (loaders.base.SourceKind), its SQL file, a
test, and one line here.
"""

from __future__ import annotations

from loaders import gebieden, rdw
from loaders.bag import api_load, gpkg, xml_extract
from loaders.base import SourceKind
from loaders.errors import InvoerFout
from loaders.kvk import api_json
from loaders.kvk import file as kvk_file

REGISTRY: dict[str, SourceKind] = {k.naam: k for k in (
    gpkg.SOORT, xml_extract.SOORT, api_load.SOORT, kvk_file.SOORT, api_json.SOORT, gebieden.SOORT,
    rdw.SOORT,
)}


def kind(soort: str, waar: str = "bronnen.json", veld: str | None = None) -> SourceKind:
    """The kind named `soort`; an unknown one (a register from another version) is refused."""
    try:
        return REGISTRY[soort]
    except KeyError:
        raise InvoerFout(waar, f"onbekende bronsoort '{soort}'", veld=veld) from None


def met_rol(rol: str) -> list[SourceKind]:
    return [k for k in REGISTRY.values() if k.rol == rol]


def uploadbaar() -> list[SourceKind]:
    """The kinds an administrator can add as a file in the app."""
    return [k for k in REGISTRY.values() if k.upload is not None]
