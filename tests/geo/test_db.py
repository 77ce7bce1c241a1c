"""The connection factory loads spatial from the installed wheel and never from the internet."""

import sys
from pathlib import Path

from geo.db import connect, extension_file


def test_spatial_extension_comes_from_the_installed_wheel():
    path = extension_file("spatial")
    assert path.exists() and "site-packages" in str(path)


def test_connection_has_spatial_and_no_autoinstall(tmp_path):
    con = connect(tmp_path / "x.duckdb")
    assert con.execute("SELECT ST_AsText(ST_Point(1, 2))").fetchone()[0] == "POINT (1 2)"
    assert con.execute("SELECT current_setting('autoinstall_known_extensions')").fetchone()[0] is False


def test_extension_directory_is_in_the_virtualenv_not_home_and_same_for_every_data_dir(
        tmp_path, monkeypatch):
    first = connect().execute("SELECT current_setting('extension_directory')").fetchone()[0]
    monkeypatch.setenv("ZICHT_DATA_DIR", str(tmp_path))
    second = connect().execute("SELECT current_setting('extension_directory')").fetchone()[0]
    assert first == second and Path(first).is_relative_to(sys.prefix)
    assert not Path(first).is_relative_to(Path.home()) or Path(sys.prefix).is_relative_to(Path.home())


def test_snapshot_can_be_opened_twice_in_one_process(tmp_path):
    connect(tmp_path / "s.duckdb").close()
    a = connect(tmp_path / "s.duckdb", read_only=True)
    b = connect(tmp_path / "s.duckdb", read_only=True)
    assert a.execute("SELECT 1").fetchone() == b.execute("SELECT 1").fetchone()
