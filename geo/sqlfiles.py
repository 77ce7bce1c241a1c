"""SQL lives in .sql files next to the code that runs it; this reads and runs them, for geo, the
loaders and the case store alike.

Values go in as parameters (`$name`, or `?` with a list) or as DuckDB variables
(`SET VARIABLE` / `getvariable('name')`) for multi-statement scripts, never through string
formatting, so data can never change the meaning of a statement. `execute_checked` checks the parameters
against the text before DuckDB sees it: every placeholder given, nothing extra (a misspelt
parameter is a bug, not a value to ignore).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

GEO_SQL = Path(__file__).parent / "sql"

# Strings, quoted identifiers and comments first, so a '$' or '?' inside them is not a placeholder.
_TOKENS = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|/\*.*?\*/|\$([a-z_][a-z0-9_]*)|(\?)",
                     re.DOTALL | re.IGNORECASE)
_NAMES: dict[str, str] = {}  # text -> file name, for messages


@cache
def sql_text(name: str, folder: Path = GEO_SQL) -> str:
    """The text of `<folder>/<name>.sql`."""
    text = (folder / f"{name}.sql").read_text(encoding="utf-8")
    _NAMES.setdefault(text, f"{folder.parent.name}/{folder.name}/{name}.sql")
    return text


def placeholders(text: str) -> tuple[set[str], int]:
    """The named `$parameters` of a statement and its number of positional `?`."""
    named: set[str] = set()
    positional = 0
    for match in _TOKENS.finditer(text):
        if match.group(1):
            named.add(match.group(1).lower())
        elif match.group(2):
            positional += 1
    return named, positional


def check_parameters(text: str, params: Mapping[str, Any] | Sequence[Any] | None) -> None:
    """ValueError unless `params` fills exactly the placeholders of `text`."""
    named, positional = placeholders(text)
    where = _NAMES.get(text, "SQL")
    if isinstance(params, Mapping) or params is None:
        given = set(params or {})
        missing, extra = named - given, given - named
        if missing or extra or positional:
            raise ValueError(f"{where}: parameters ontbreken {sorted(missing)} of zijn overbodig "
                             f"{sorted(extra)}" + (f"; {positional} '?' zonder waarde" if positional else ""))
    elif named or len(params) != positional:
        raise ValueError(f"{where}: {positional} '?' en {sorted(named)} benoemd, maar {len(params)} "
                         "waarden gegeven")


def execute_checked(con, text: str, params: Mapping[str, Any] | Sequence[Any] | None = None):
    """Run one statement after the parameter check; returns the cursor."""
    check_parameters(text, params)
    return con.execute(text, params) if params else con.execute(text)


def fetch_rows(con, text: str, params: Mapping[str, Any] | Sequence[Any] | None = None) -> list[dict]:
    """Run one statement (checked as in `execute_checked`); its rows as dicts, [] for a statement without."""
    cur = execute_checked(con, text, params)
    if cur.description is None:
        return []
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def run_script(con, name: str, folder: Path = GEO_SQL, **variables) -> None:
    """Run every statement of a .sql file after setting the given DuckDB variables."""
    set_variables(con, **variables)
    con.execute(sql_text(name, folder))


def set_variables(con, **variables) -> None:
    for key, value in variables.items():
        con.execute(f"SET VARIABLE {key} = ?", [value])
