"""SQL lives in .sql files next to the code that runs it; this reads and runs them.

Values go in through DuckDB variables (`SET VARIABLE` / `getvariable('name')`), never through
string formatting, so data can never change the meaning of a statement.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

GEO_SQL = Path(__file__).parent / "sql"


@cache
def sql_text(name: str, folder: Path = GEO_SQL) -> str:
    """The text of `<folder>/<name>.sql`."""
    return (folder / f"{name}.sql").read_text(encoding="utf-8")


def run_script(con, name: str, folder: Path = GEO_SQL, **variables) -> None:
    """Run every statement of a .sql file after setting the given DuckDB variables."""
    set_variables(con, **variables)
    con.execute(sql_text(name, folder))


def set_variables(con, **variables) -> None:
    for key, value in variables.items():
        con.execute(f"SET VARIABLE {key} = ?", [value])
