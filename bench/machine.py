"""What the figures were measured on: cores, memory, load average, date, versions."""

from __future__ import annotations

import os
import platform
from datetime import datetime

import psutil


def load() -> list[float]:
    """The 1, 5 and 15 minute load averages, rounded (2 cores: above 2 means others were busy)."""
    return [round(x, 2) for x in os.getloadavg()]


def info() -> dict:
    return {
        "kernen": os.cpu_count(),
        "geheugen_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "beschikbaar_gb": round(psutil.virtual_memory().available / 2**30, 1),
        "load_begin": load(),
        "datum": datetime.now().astimezone().isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "versies": versions(),
    }


def versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in ("duckdb", "duckdb-extension-spatial", "geopandas", "pandas", "shapely", "pyogrio",
                 "pyarrow", "psycopg", "psycopg-binary"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "-"
    return out
