"""After retention, a destroyed case leaves only its destruction record, and no block of the
rewritten (encrypted) store can hold its former content.

The proof for the blocks, without decrypting DuckDB's block format by hand: after the rewrite
the store has no free block (pragma_database_size), the file is exactly its headers plus its
blocks in use, no 4 KB page of the old file survives in it, and no live row anywhere mentions the
case. A block in use holds live data, so the case's text is in no block.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from types import SimpleNamespace

import pytest

from cases import accounts, retention, workflow
from cases.model import Status
from tests.cases.conftest import case_in

SECRET = "VERNIETIG-Pietersen-Hennepkwekerij-Dorpsstraat-12"
HEADERS = 3 * 4096  # DuckDB's main header and two database headers precede the blocks


def database_size(store) -> dict:
    cur = store._con.execute(
        "SELECT block_size, total_blocks, used_blocks, free_blocks FROM pragma_database_size() "
        "WHERE database_name = 'cases'")
    return dict(zip([d[0] for d in cur.description], cur.fetchone(), strict=True))


def every_value(store) -> str:
    """All values in every table of the store as one text (a scan of the live data)."""
    parts = []
    with store.cursor() as cur:
        tables = [t for (t,) in cur.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'cases'").fetchall()]
        for table in tables:
            parts += [repr(row) for row in cur.execute(f"SELECT * FROM {table}").fetchall()]
    return "\n".join(parts)


@pytest.fixture
def team(store):
    coord = accounts.register_user(store, "test", "coord", "Cor Coördinator", ["coordinator"],
                                   ["drugs", "vastgoed"])
    return SimpleNamespace(coordinator=coord)


def _archived_cases(store, team, n: int):
    """`n` archived cases, each with a long note holding SECRET (so it fills blocks)."""
    archived = []
    for _ in range(n):
        case = case_in(store, team, Status.AFRONDING, titel=SECRET, omschrijving=SECRET)
        case = workflow.add_note(store, team.coordinator, case.id, case.versie, SECRET * 500)
        case = workflow.link_object(store, team.coordinator, case.id, case.versie, "vestiging",
                                    "000012345678")
        archived.append(workflow.transition(store, team.coordinator, case.id, case.versie,
                                            "administratief_afronden"))
    return archived


def test_rewritten_store_has_no_free_block_and_no_trace_of_the_destroyed_cases(store, team):
    expired = _archived_cases(store, team, 20)
    kept = case_in(store, team, Status.UITVOERING, thema="vastgoed", titel="Blijft")
    store._con.execute("CHECKPOINT cases")
    before = database_size(store)
    old_pages = pages(store.path)

    records = retention.run_retention(store, expired[-1].vernietigen_op, door="test")

    assert {r.casusnummer for r in records} == {c.casusnummer for c in expired}
    size = database_size(store)
    assert size["free_blocks"] == 0 and size["used_blocks"] == size["total_blocks"]
    assert size["total_blocks"] < before["total_blocks"]
    assert store.path.stat().st_size == HEADERS + size["total_blocks"] * size["block_size"]
    live = every_value(store)
    assert SECRET not in live and kept.id in live
    for case in expired:
        assert case.id not in live and case.casusnummer in live  # the number in the record, only there:
    with store.cursor() as cur:
        tables = [t for (t,) in cur.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'cases' "
            "AND table_name <> 'vernietiging'").fetchall()]
        for table in tables:
            rows = " ".join(repr(r) for r in cur.execute(f"SELECT * FROM {table}").fetchall())
            assert not any(c.id in rows or c.casusnummer in rows for c in expired), table
    store.close()  # checkpoints what came after the rewrite (the store's own flags) and ends the WAL
    leftovers = [p.name for p in store.path.parent.iterdir()
                 if p.name.startswith("cases.duckdb") and p.name != "cases.duckdb"]
    assert leftovers == []
    assert SECRET.encode() not in store.path.read_bytes()
    assert old_pages & pages(store.path) == set()


def pages(path) -> set[bytes]:
    data = path.read_bytes()
    return {data[i:i + 4096] for i in range(0, len(data), 4096)} - {bytes(4096)}


def test_destruction_record_holds_number_date_by_whom_and_ground_only(store, team):
    [case] = _archived_cases(store, team, 1)
    retention.run_retention(store, case.vernietigen_op, door="opdrachtregel (beheerder)")
    [record] = retention.destruction_records(store, team.coordinator)
    assert record.casusnummer == case.casusnummer
    assert record.vernietigd_op.date() == date.today()
    assert record.uitgevoerd_door == "opdrachtregel (beheerder)"
    assert record.grondslag == (f"bewaartermijn van {case.bewaartermijn_jaren} jaar na afronding op "
                                f"{case.einddatum:%d-%m-%Y} verstreken")
    stored = {f.name for f in dataclasses.fields(record)}
    assert stored == {"casusnummer", "vernietigd_op", "uitgevoerd_door", "grondslag"}
    assert SECRET not in repr(record) and "Cor" not in repr(record) and case.id not in repr(record)
    with store.cursor() as cur:
        columns = [c for (c,) in cur.execute(
            "SELECT column_name FROM duckdb_columns() WHERE database_name = 'cases' "
            "AND table_name = 'vernietiging'").fetchall()]
    assert columns == ["casusnummer", "vernietigd_op", "uitgevoerd_door", "grondslag"]
