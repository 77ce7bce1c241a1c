"""After the bewaartermijn, archived cases are destroyed for good and only a record remains."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

import cases
from cases import access, retention, workflow
from cases.cli import main as cli_main
from cases.model import GeenToegang, NietGevonden, Status
from tests.cases.conftest import KEY, case_in, new_case

NOTE = "VERNIETIG-MIJ-Jansen-0612345678"
TODAY = date.today()


def _blocks(path: Path) -> set[bytes]:
    data = path.read_bytes()
    return {data[i:i + 4096] for i in range(0, len(data), 4096)} - {bytes(4096)}


def _archived_with_note(store, team, thema="drugs"):
    case = case_in(store, team, Status.AFRONDING, thema)
    case = workflow.add_note(store, team.coordinator, case.id, case.versie, NOTE)
    case = workflow.link_object(store, team.coordinator, case.id, case.versie, "vestiging", "000012345678")
    return workflow.transition(store, team.coordinator, case.id, case.versie, "administratief_afronden")


def test_retention_destroys_exactly_the_expired_archived_cases(store, team):
    expired = _archived_with_note(store, team)
    open_case = case_in(store, team, Status.UITVOERING)
    monitored = case_in(store, team, Status.MONITORING)
    retention.set_bewaartermijn(store, team.coordinator, 5)
    within_term = case_in(store, team, Status.ARCHIEF)  # archived under the 5-year term
    day = expired.vernietigen_op

    records = retention.run_retention(store, day, door="test")

    assert [r.casusnummer for r in records] == [expired.casusnummer]
    remaining = {c.id for c in access.list_cases(store, team.coordinator)}
    assert remaining == {open_case.id, monitored.id, within_term.id}
    with pytest.raises(NietGevonden):
        access.get_case(store, team.coordinator, expired.id)
    assert retention.run_retention(store, day - timedelta(days=1)) == []


def test_a_case_is_kept_until_the_last_day_of_its_term(store, team):
    archived = case_in(store, team, Status.ARCHIEF)
    assert retention.run_retention(store, archived.vernietigen_op - timedelta(days=1)) == []
    assert [r.casusnummer for r in retention.run_retention(store, archived.vernietigen_op)] == [
        archived.casusnummer]


def test_every_row_of_a_destroyed_case_is_gone_from_every_table(store, team):
    expired = _archived_with_note(store, team)
    retention.run_retention(store, expired.vernietigen_op)
    with store.cursor() as cur:
        tables = [t for (t,) in cur.execute(
            "SELECT table_name FROM duckdb_columns() WHERE database_name = 'cases' "
            "AND column_name = 'casus_id'").fetchall()]
        assert {"koppeling", "notitie", "gebeurtenis"} <= set(tables)
        for table in [*tables, "casus"]:
            column = "id" if table == "casus" else "casus_id"
            count = cur.execute(f"SELECT count(*) FROM {table} WHERE {column} = ?", [expired.id]).fetchone()
            assert count == (0,), table


def test_destroyed_notes_leave_the_file_no_old_block_survives(store, team):
    expired = _archived_with_note(store, team)
    store.rewrite()  # settle everything into the main file first
    before = _blocks(store.path)
    retention.run_retention(store, expired.vernietigen_op)
    store.close()
    after = _blocks(store.path)
    assert NOTE.encode() not in store.path.read_bytes()
    assert not Path(f"{store.path}.wal").exists()
    assert before & after == set(), "blocks of the old file (with the deleted case) are still there"


def test_the_destruction_record_holds_no_personal_data(store, team):
    expired = _archived_with_note(store, team)
    retention.run_retention(store, expired.vernietigen_op, door="opdrachtregel (test)")
    [record] = retention.destruction_records(store, team.coordinator)
    assert set(dataclasses.asdict(record)) == {"casusnummer", "vernietigd_op", "uitgevoerd_door", "grondslag"}
    assert (record.casusnummer, record.uitgevoerd_door) == (expired.casusnummer, "opdrachtregel (test)")
    assert f"{expired.einddatum:%d-%m-%Y}" in record.grondslag
    assert NOTE not in str(record) and "Signaal" not in str(record)
    with pytest.raises(GeenToegang):
        retention.destruction_records(store, team.drugs)


def test_destruction_record_holds_only_number_date_actor_and_ground(store, team):
    expired = _archived_with_note(store, team)
    kept = case_in(store, team, Status.UITVOERING)
    [written] = retention.run_retention(store, expired.vernietigen_op, door="opdrachtregel (test)")
    assert written == retention.destruction_records(store, team.coordinator)[0]
    assert written.grondslag == (f"bewaartermijn van 2 jaar na afronding op {expired.einddatum:%d-%m-%Y} "
                                 "verstreken")
    with store.cursor() as cur:
        columns = {c for (c,) in cur.execute(
            "SELECT column_name FROM duckdb_columns() WHERE database_name = 'cases' "
            "AND table_name = 'vernietiging'").fetchall()}
        assert columns == {"casusnummer", "vernietigd_op", "uitgevoerd_door", "grondslag"}
        assert cur.execute("SELECT * FROM vernietiging").fetchall() == [
            (expired.casusnummer, written.vernietigd_op, "opdrachtregel (test)", written.grondslag)]
        tables = [t for (t,) in cur.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'cases'").fetchall()]
        assert {"casus", "notitie", "koppeling", "gebeurtenis", "vernietiging"} <= set(tables)
        for table in tables:
            values = repr(cur.execute(f"SELECT * FROM {table}").fetchall())
            assert expired.id not in values, table  # the internal id is nowhere, not even in the record
            assert (expired.casusnummer in values) == (table == "vernietiging"), table
            assert NOTE not in values, table
        assert kept.id in repr(cur.execute("SELECT * FROM casus").fetchall())


def test_a_store_with_the_old_destruction_record_is_migrated_on_opening(tmp_path):
    path = tmp_path / "cases.duckdb"
    with cases.open_store(path, KEY, mode="productie") as store, store.cursor() as cur:
        cur.execute("DROP TABLE vernietiging")
        cur.execute("""CREATE TABLE vernietiging (casus_id VARCHAR NOT NULL, casusnummer VARCHAR NOT NULL,
                       thema VARCHAR NOT NULL, aangemaakt_op DATE NOT NULL, einddatum DATE NOT NULL,
                       bewaartermijn_jaren INTEGER NOT NULL, vernietigd_op TIMESTAMP NOT NULL,
                       uitgevoerd_door VARCHAR NOT NULL)""")
        cur.execute("""INSERT INTO vernietiging VALUES ('c-0001-oude-id', 'DR-2024-0007', 'drugs',
                       DATE '2023-01-02', DATE '2024-03-01', 2, TIMESTAMP '2026-03-01 04:05:06',
                       'systeem (start app)')""")
        cur.execute("UPDATE meta SET waarde = '1' WHERE sleutel = 'schema_versie'")
    with cases.open_store(path, KEY, mode="productie") as store:
        with store.cursor() as cur:
            assert cur.execute("SELECT * FROM vernietiging").fetchall() == [
                ("DR-2024-0007", datetime(2026, 3, 1, 4, 5, 6), "systeem (start app)",
                 "bewaartermijn van 2 jaar na afronding op 01-03-2024 verstreken")]
            versie = cur.execute("SELECT waarde FROM meta WHERE sleutel = 'schema_versie'").fetchall()
            assert versie == [("3",)]  # through schema 2 to the latest
            tables = [t for (t,) in cur.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = 'cases'").fetchall()]
            assert "vernietiging_v1" not in tables
            for table in tables:
                assert "c-0001-oude-id" not in repr(cur.execute(f"SELECT * FROM {table}").fetchall()), table
        # The dropped columns may still sit in free blocks: the next retention run rewrites the file.
        assert retention.run_retention(store, TODAY) == []
        free = store._con.execute("SELECT free_blocks FROM pragma_database_size() "
                                  "WHERE database_name = 'cases'").fetchone()
        assert free == (0,)
        assert store.query("meta_get", sleutel="herschrijven_nodig") == []
    with cases.open_store(path, KEY, mode="productie") as store:  # a second opening changes nothing
        assert [r["casusnummer"] for r in store.query("vernietigingen")] == ["DR-2024-0007"]


def test_reopening_within_the_term_keeps_the_case_from_destruction(store, team):
    archived = case_in(store, team, Status.ARCHIEF)
    workflow.transition(store, team.coordinator, archived.id, archived.versie, "heropenen")
    assert retention.run_retention(store, archived.vernietigen_op + timedelta(days=1)) == []


def test_bewaartermijn_setting_is_checked(store, team):
    with pytest.raises(GeenToegang):
        retention.set_bewaartermijn(store, team.drugs, 5)
    with pytest.raises(Exception, match="heel aantal jaren"):
        retention.set_bewaartermijn(store, team.coordinator, 0)
    assert retention.bewaartermijn(store) == 2


def test_retention_runs_when_the_app_opens_the_store(tmp_path, monkeypatch):
    from cases import accounts

    path = tmp_path / "cases.duckdb"
    with cases.open_store(path, KEY, mode="productie") as store:
        coord = accounts.register_user(store, "test", "coord", "Cor", ["coordinator"], ["drugs"])
        c = case_in(store, _Team(coord), Status.ARCHIEF)
    monkeypatch.setenv("ZICHT_MODE", "productie")
    with cases.open_for_app(path, KEY, today=c.vernietigen_op) as store:
        assert access.list_cases(store, coord) == []
        assert [r.casusnummer for r in retention.destruction_records(store, coord)] == [c.casusnummer]


def test_zicht_retentie_command_destroys_and_reports(tmp_path, monkeypatch, capsys):
    from cases import accounts

    monkeypatch.setenv("ZICHT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ZICHT_MODE", "productie")
    monkeypatch.setenv("ZICHT_CASES_KEY", KEY)
    with cases.open_store() as store:
        coord = accounts.register_user(store, "test", "coord", "Cor", ["coordinator"], ["drugs"])
        c = case_in(store, _Team(coord), Status.ARCHIEF)
        new_case(store, coord)
    assert cli_main(["retentie", "--datum", c.vernietigen_op.isoformat()]) == 0
    out = capsys.readouterr().out
    assert f"vernietigd: {c.casusnummer}" in out and "1 casus(sen) vernietigd" in out
    assert f"(bewaartermijn van 2 jaar na afronding op {c.einddatum:%d-%m-%Y} verstreken)" in out


@dataclasses.dataclass
class _Team:
    coordinator: object
