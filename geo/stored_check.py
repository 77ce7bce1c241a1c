"""May a connection use the figures the build stored (geo.stored)? Only when they were made with
today's configuration, the connection has no membership of its own, and it does not see through
map rights. Apart from geo.stored, so geo.indicators and geo.kaartrechten can ask without
importing what geo.stored imports (no cycle).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from geo import branches as branches_mod

INDICATORS_PATH = Path(__file__).resolve().parents[1] / "data" / "indicators.toml"
SLEUTEL = "configuratie"


def config_hash() -> str:
    digest = hashlib.sha256()
    for path in (branches_mod.DEFAULT_PATH, INDICATORS_PATH):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def valid(con) -> bool:
    """Whether this snapshot has stored figures made with today's configuration."""
    try:
        row = con.execute("SELECT waarde FROM meta WHERE sleutel = ?", [SLEUTEL]).fetchone()
    except duckdb.CatalogException:
        return False
    return row is not None and row[0] == config_hash()


def registered(con) -> bool:
    """Whether this connection has its own branche_lid registered (it shadows the stored one)."""
    return con.execute("SELECT count(*) FROM duckdb_views() WHERE view_name = 'branche_lid' "
                       "AND temporary").fetchone()[0] > 0


def beperkt(con) -> bool:
    """Does this cursor see through map rights? geo.kaartrechten.beperk sets this variable (read
    here by name: kaartrechten imports this module, not the other way round)."""
    [(actief,)] = con.execute("SELECT getvariable('kaartrecht_groepen') IS NOT NULL").fetchall()
    return bool(actief)
