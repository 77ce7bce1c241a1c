"""The one place where DuckDB connections are made.

The spatial extension is loaded from the file shipped in the duckdb-extension-spatial wheel:
this machine (and a municipality's closed network) cannot download extensions, and nothing may
be written to the user's home directory, so autoinstall is off and the extension directory
lives inside the data directory.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from geo import crs

DUCKDB_VERSION = "1.5.5"


def data_dir() -> Path:
    """The data directory: ZICHT_DATA_DIR, or ./data next to where Zicht is run."""
    return Path(os.environ.get("ZICHT_DATA_DIR", "data")).resolve()


def extension_file(name: str) -> Path:
    """Path of a DuckDB extension binary shipped in its `duckdb-extension-<name>` wheel."""
    module = __import__(f"duckdb_extension_{name}")
    base = Path(module.__file__).parent / "extensions" / f"v{DUCKDB_VERSION}"
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
    ext_dir = data_dir() / ".duckdb-extensions"
    ext_dir.mkdir(parents=True, exist_ok=True)
    config = {
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
    con.execute(crs.sql_macros())
    return con
