"""The connection factory loads spatial from the installed wheel and never from the internet."""

from pathlib import Path

from geo.db import connect, extension_file


def test_spatial_extension_comes_from_the_installed_wheel():
    path = extension_file("spatial")
    assert path.exists() and "site-packages" in str(path)


def test_connection_has_spatial_and_no_autoinstall(tmp_path):
    con = connect(tmp_path / "x.duckdb")
    assert con.execute("SELECT ST_AsText(ST_Point(1, 2))").fetchone()[0] == "POINT (1 2)"
    assert con.execute("SELECT current_setting('autoinstall_known_extensions')").fetchone()[0] is False


def test_extension_directory_is_inside_the_data_dir_not_home(tmp_path, monkeypatch):
    monkeypatch.setenv("ZICHT_DATA_DIR", str(tmp_path))
    con = connect()
    ext_dir = con.execute("SELECT current_setting('extension_directory')").fetchone()[0]
    assert Path(ext_dir).is_relative_to(tmp_path)
