"""What a BAG source delivered, counted the same way for every BAG loader (bron.rijen).

Every BAG object counts: panden, verblijfsobjecten, ligplaatsen and standplaatsen, so an
extract of panden only is not recorded as empty.
"""

from __future__ import annotations

from pathlib import Path

from geo.sqlfiles import execute_checked, sql_text

SQL = Path(__file__).parents[1] / "sql"


def bag_objecten(con) -> int:
    """The number of BAG objects now in the snapshot tables of `con`."""
    return execute_checked(con, sql_text("bag_objecten", SQL)).fetchone()[0]
