"""Load SQL text from geo/sql/<name>.sql.

SQL lives in files, not in f-strings. The one thing a query file cannot spell itself is the
coordinate transform, because axis order is decided in geo.crs only: a query writes
`TO_WGS84(expr)` and the loader replaces it with geo.crs.sql_to_wgs84(expr). `expr` must not
contain parentheses (use a CTE column instead). Values always go in as bound parameters.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from geo import crs

SQL_DIR = Path(__file__).parent / "sql"
_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_TO_WGS84_RE = re.compile(r"\bTO_WGS84\(\s*([^()]+?)\s*\)")


@lru_cache(maxsize=64)
def load(name: str) -> str:
    """SQL text of geo/sql/<name>.sql with TO_WGS84(...) expanded."""
    if not _NAME_RE.match(name):
        raise ValueError(f"invalid query name: {name!r}")
    text = (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")
    return _TO_WGS84_RE.sub(lambda m: crs.sql_to_wgs84(m.group(1)), text)
