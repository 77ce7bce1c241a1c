"""One runner for every .sql file (geo.sqlfiles): the parameters must fill the placeholders exactly."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from geo.sqlfiles import execute_checked, fetch_rows, placeholders, sql_text

ROOT = Path(__file__).resolve().parents[2]


def test_placeholders_in_strings_and_comments_do_not_count():
    text = "-- $commentaar?\nSELECT '$tekst?' AS a, \"$kolom\" AS b, $echt AS c, ? AS d /* $ook_niet ? */"
    assert placeholders(text) == ({"echt"}, 1)


def test_a_missing_parameter_is_refused_before_duckdb_runs_anything():
    con = duckdb.connect()
    con.execute("CREATE TABLE t (x INTEGER)")
    with pytest.raises(ValueError, match=r"ontbreken \['y'\]"):
        execute_checked(con, "INSERT INTO t VALUES ($x + $y)", {"x": 1})
    assert con.execute("SELECT count(*) FROM t").fetchone() == (0,)


def test_an_extra_parameter_is_refused_and_the_file_is_named():
    con = duckdb.connect()
    with pytest.raises(ValueError, match=r"geo/sql/sbi_codes\.sql.*overbodig \['peildatum'\]"):
        execute_checked(con, sql_text("sbi_codes"), {"peildatum": "2026-01-01"})


def test_positional_placeholders_need_exactly_as_many_values():
    con = duckdb.connect()
    assert fetch_rows(con, "SELECT ? AS a, ? AS b", [1, 2]) == [{"a": 1, "b": 2}]
    with pytest.raises(ValueError, match="2 '\\?'"):
        execute_checked(con, "SELECT ? AS a, ? AS b", [1])
    with pytest.raises(ValueError):
        execute_checked(con, "SELECT ? AS a", {"a": 1})


def test_named_parameters_reach_duckdb_and_rows_come_back_as_dicts():
    con = duckdb.connect()
    assert fetch_rows(con, "SELECT $a + 1 AS b", {"a": 41}) == [{"b": 42}]
    assert fetch_rows(con, "CREATE TABLE t (x INTEGER)") == []


@pytest.mark.parametrize("folder", ["geo/sql", "loaders/sql", "cases/sql"])
def test_every_sql_file_uses_named_or_positional_placeholders_not_both(folder):
    for path in sorted((ROOT / folder).glob("*.sql")):
        named, positional = placeholders(path.read_text(encoding="utf-8"))
        assert not (named and positional), path.name
