"""Files at rest in productie: the data folder 0700, snapshots, sources, the case store and the
audit log 0600; a secrets file or key file that others can read stops Zicht from starting."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.security.conftest import KEY, app_page, zicht

expect.set_options(timeout=30_000)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@pytest.fixture
def loose_data(tmp_path, real_data_dir) -> Path:
    """A real data folder as an unwary copy leaves it: everything readable by everyone."""
    data = tmp_path / "data"
    shutil.copytree(real_data_dir, data, ignore=shutil.ignore_patterns("*.wal", ".duckdb-*"))
    upload = data / "bronnen" / "uploads" / "kvk-export.csv"
    upload.parent.mkdir(parents=True)
    upload.write_text("kvk_nummer;naam\n12345678;Voorbeeld BV\n")
    for path in [data, *data.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return data


def test_productie_makes_the_data_folder_and_every_file_in_it_private(loose_data):
    result = zicht(loose_data, "gebruiker", "toevoegen", "bea", "--naam", "Bea", "--rol", "beheerder",
                   "--alleen-oidc", ZICHT_MODE="productie", ZICHT_CASES_KEY=KEY)
    assert result.returncode == 0, result.stderr
    assert mode(loose_data) == 0o700
    for name in ("cases.duckdb", "audit.log", "audit.log.anker", "current", "bronnen.json",
                 "bronnen/uploads/kvk-export.csv"):
        assert mode(loose_data / name) == 0o600, name
    snapshots = list((loose_data / "snapshots").glob("zicht-*.duckdb"))
    assert snapshots and all(mode(p) == 0o600 for p in snapshots)
    loose = [p for p in loose_data.rglob("*") if not p.is_symlink() and mode(p) & 0o077]
    assert loose == []


def test_a_new_snapshot_is_private_from_the_start(loose_data):
    loose_data.chmod(0o700)
    built = zicht(loose_data, "build", ZICHT_MODE="productie", ZICHT_CASES_KEY=KEY)
    assert built.returncode == 0, built.stderr
    newest = max((loose_data / "snapshots").glob("zicht-*.duckdb"), key=lambda p: p.stat().st_mtime)
    assert mode(newest) == 0o600


def test_a_key_file_others_can_read_is_refused(loose_data, tmp_path):
    key_file = tmp_path / "zicht.key"
    key_file.write_text(KEY + "\n")
    key_file.chmod(0o644)
    refused = zicht(loose_data, "audit", "verify", ZICHT_MODE="productie", ZICHT_CASES_KEY=None,
                    ZICHT_CASES_KEY_FILE=str(key_file))
    assert refused.returncode == 2
    assert "leesbaar voor anderen" in refused.stderr and f"chmod 600 {key_file}" in refused.stderr
    key_file.chmod(0o600)
    accepted = zicht(loose_data, "audit", "verify", ZICHT_MODE="productie", ZICHT_CASES_KEY=None,
                     ZICHT_CASES_KEY_FILE=str(key_file))
    assert accepted.returncode == 0, accepted.stderr


@pytest.mark.browser
def test_the_app_does_not_start_with_a_secrets_file_others_can_read(loose_data, tmp_path, monkeypatch):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'zicht_cases_key = "{KEY}"\n')
    secrets.chmod(0o644)
    with app_page(loose_data, monkeypatch, secrets, ZICHT_MODE="productie", ZICHT_CASES_KEY=None) as page:
        expect(page.get_by_text("leesbaar voor anderen", exact=False)).to_be_visible()
        expect(page.get_by_text(f"chmod 600 {secrets}", exact=False)).to_be_visible()
        expect(page.get_by_role("heading", name="Inloggen met een Zicht-account")).to_have_count(0)
    assert not (loose_data / "cases.duckdb").exists()  # nothing was opened
    secrets.chmod(0o600)
    with app_page(loose_data, monkeypatch, secrets, ZICHT_MODE="productie", ZICHT_CASES_KEY=None) as page:
        expect(page.get_by_role("heading", name="Inloggen met een Zicht-account")).to_be_visible()
