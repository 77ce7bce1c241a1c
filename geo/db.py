"""The one place where DuckDB connections are made.

The spatial extension is loaded from the file shipped in the duckdb-extension-spatial wheel:
this machine (and a municipality's closed network) cannot download extensions, and nothing may
be written to the user's home directory, so autoinstall is off and the extension directory
lives inside the data directory.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import duckdb

from geo import crs
from geo.sqlfiles import sql_text

DUCKDB_VERSION = "1.5.5"


def data_dir() -> Path:
    """The data directory: ZICHT_DATA_DIR, or ./data next to where Zicht is run."""
    return Path(os.environ.get("ZICHT_DATA_DIR", "data")).resolve()


def extension_file(name: str) -> Path:
    """Path of a DuckDB extension binary shipped in its `duckdb-extension-<name>` wheel."""
    module = __import__(f"duckdb_extension_{name}")
    base = Path(str(module.__file__)).parent / "extensions" / f"v{DUCKDB_VERSION}"
    path = base / f"{name}.duckdb_extension"
    if not path.exists():
        raise RuntimeError(
            f"DuckDB-extensie '{name}' niet gevonden op {path}: installeer "
            f"duckdb-extension-{name}=={DUCKDB_VERSION} (zie README)."
        )
    return path


def connect(
    path: Path | str | None = None, *, read_only: bool = False, threads: int | None = None
) -> duckdb.DuckDBPyConnection:
    """Open a DuckDB database (or an in-memory one) with the spatial extension loaded."""
    # Extensions are LOADed from their wheel, never installed; these settings only make sure
    # nothing is written to the user's home. They must not depend on ZICHT_DATA_DIR: DuckDB
    # refuses a second connection to a file with a different configuration.
    ext_dir = Path(sys.prefix) / "var" / "duckdb-extensions"
    config: dict[str, str | bool | int | float | list[str]] = {
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
        "extension_directory": str(ext_dir),
        "home_directory": str(ext_dir),
    }
    if threads:
        config["threads"] = threads
    target = ":memory:" if path is None else str(path)
    con = duckdb.connect(target, read_only=read_only, config=config)
    con.execute(f"LOAD '{extension_file('spatial')}'")
    con.execute(macro_sql(temp=True))
    return con


def macro_sql(temp: bool) -> str:
    """The shared macros (axis-safe to_wgs84/to_rd from geo.crs, and geo/sql/macros.sql).

    Temporary ones live on one connection (cursors do not see them); the pipeline also stores
    them in each snapshot (temp=False) so every cursor on a snapshot has them."""
    shared = sql_text("macros")
    if temp:
        shared = shared.replace("CREATE OR REPLACE MACRO", "CREATE OR REPLACE TEMP MACRO")
    return crs.sql_macros(temp) + "\n" + shared
