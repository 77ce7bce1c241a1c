"""Map configuration from data/kaart.toml: the base maps (tile servers) an administrator switched
on, and the classes of the BAG themes.

Nothing here talks to a tile server; this only decides which URLs the browser may ask. A file
kaart.toml in the data directory replaces the shipped one, so a municipality's own settings
survive updates.
"""

from __future__ import annotations

import tomllib
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

SHIPPED = Path(__file__).resolve().parents[1] / "data" / "kaart.toml"
GEEN = "geen"


class ConfigError(ValueError):
    """kaart.toml says something Zicht cannot use; the message names the entry."""


@dataclass(frozen=True)
class Achtergrond:
    id: str
    naam: str
    url: str
    attributie: str
    max_zoom: int = 19

    @property
    def host(self) -> str:
        return urllib.parse.urlparse(self.url).hostname or ""


@dataclass(frozen=True)
class KaartConfig:
    achtergronden: tuple[Achtergrond, ...]  # only the ones switched on
    standaard_achtergrond: str
    oppervlakte: tuple[int, ...]
    bouwjaar: tuple[int, ...]
    bestand: str

    def achtergrond(self, id_: str) -> Achtergrond | None:
        return next((a for a in self.achtergronden if a.id == id_), None)

    def start_achtergrond(self, is_demo: bool) -> str:
        """The base map a session starts with: none for the demo or when nothing is switched on."""
        if is_demo or self.achtergrond(self.standaard_achtergrond) is None:
            return GEEN
        return self.standaard_achtergrond

    @property
    def hosts(self) -> set[str]:
        """The only hosts outside this machine the map may ask anything."""
        return {a.host for a in self.achtergronden}


def config_path(data_dir: Path) -> Path:
    local = data_dir / "kaart.toml"
    return local if local.exists() else SHIPPED


def load(path: Path) -> KaartConfig:
    """Read and check a kaart.toml."""
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path.name} is niet te lezen: {exc}") from exc
    achtergronden = tuple(
        _achtergrond(id_, entry) for id_, entry in doc.get("achtergrond", {}).items()
        if entry.get("aan", False))
    bag = doc.get("bag", {})
    return KaartConfig(
        achtergronden=achtergronden,
        standaard_achtergrond=str(doc.get("standaard_achtergrond", GEEN)),
        oppervlakte=_grenzen(bag.get("oppervlakte", [50, 100, 250, 1000, 5000]), "bag.oppervlakte"),
        bouwjaar=_grenzen(bag.get("bouwjaar", [1944, 1969, 1989, 2009]), "bag.bouwjaar"),
        bestand=str(path),
    )


def _achtergrond(id_: str, entry: dict) -> Achtergrond:
    url = str(entry.get("url", ""))
    parsed = urllib.parse.urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise ConfigError(f"achtergrond.{id_}: url moet met http:// of https:// beginnen")
    if not all(part in url for part in ("{z}", "{x}", "{y}")):
        raise ConfigError(f"achtergrond.{id_}: url mist {{z}}, {{x}} of {{y}}")
    if id_ == GEEN:
        raise ConfigError("achtergrond.geen: deze naam is gereserveerd")
    return Achtergrond(id=id_, naam=str(entry.get("naam", id_)), url=url,
                       attributie=str(entry.get("attributie", "")),
                       max_zoom=int(entry.get("max_zoom", 19)))


def _grenzen(values, name: str) -> tuple[int, ...]:
    grenzen = tuple(int(v) for v in values)
    if not grenzen or list(grenzen) != sorted(set(grenzen)):
        raise ConfigError(f"{name}: geef oplopende grenzen, bijvoorbeeld [50, 100, 250]")
    return grenzen
