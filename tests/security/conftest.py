"""Fixtures for the security tests: real data folders (demo and non-demo snapshots), a real
encrypted case store in productie, a real Streamlit server driven by headless Chromium, and the
real `zicht` command as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from cases import accounts
from cases.store import open_store
from tests.cases.conftest import store  # noqa: F401  (a real encrypted store, for retention)

KEY = "security-test-sleutel-0123456789abcdef"
PASSWORD = "correct-horse-battery-staple"
ZICHT = [sys.executable, "-m", "cli"]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def zicht(data_dir: Path, *args: str, **env: str | None) -> subprocess.CompletedProcess:
    """The real `zicht` command on `data_dir`; env values of None are removed."""
    full = {**os.environ, "ZICHT_DATA_DIR": str(data_dir)}
    for name, value in env.items():
        full.pop(name, None) if value is None else full.__setitem__(name, value)
    return subprocess.run([*ZICHT, *args], env=full, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def real_data_dir(tmp_path_factory) -> Path:
    """A data folder with a snapshot built from a tiny NON-demo source (is_demo = 0). Do not modify."""
    from demo.sources import generate_and_register
    from loaders.pipeline import build
    from loaders.sources import read_register, write_register

    folder = tmp_path_factory.mktemp("echte-gegevens")
    generate_and_register(folder, 0.02, 11, vervang=False, vorige=False)
    bronnen = read_register(folder)
    for bron in bronnen:
        bron.opties.pop("demo", None)  # registered as the municipality's own sources
    write_register(folder, bronnen)
    build(folder)
    return folder


def seed_team(opslag) -> None:
    add = accounts.register_user
    add(opslag, "test", "beheer", "Bea Beheer", ["beheerder"], wachtwoord=PASSWORD)
    add(opslag, "test", "coord", "Cor Coördinator", ["coordinator"],
        ["drugs", "vastgoed", "prostitutie", "bedrijventerreinen", "weerbaarheid", "overig"],
        wachtwoord=PASSWORD)
    add(opslag, "test", "ana", "Ana Analist", ["analist"], ["drugs"], wachtwoord=PASSWORD)


@pytest.fixture
def productie_data(tmp_path, demo_data_dir) -> Path:
    """A data folder: the demo snapshot (linked) plus a productie case store with a small team."""
    from tests.ui.test_cases_support import link_demo_snapshot

    data = tmp_path / "data"
    link_demo_snapshot(demo_data_dir, data)
    with open_store(data / "cases.duckdb", KEY, mode="productie") as opslag:
        seed_team(opslag)
    return data


@contextmanager
def server(data_dir: Path, monkeypatch, secrets: Path | None = None, **env: str | None) -> Iterator[str]:
    """A real `streamlit run app.py` on data_dir with these environment variables (None: unset)."""
    from tests.ui.conftest import running_server

    for name, value in env.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    extra = ("--secrets.files", str(secrets)) if secrets is not None else ()
    with running_server(data_dir, data_dir.parent, extra) as url:
        yield url


@contextmanager
def browser_page(url: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
        page.set_default_timeout(30_000)
        page.goto(url, wait_until="domcontentloaded")
        try:
            yield page
        finally:
            browser.close()


def login(page, naam: str, wachtwoord: str = PASSWORD) -> None:
    page.get_by_label("Gebruikersnaam").fill(naam)
    page.get_by_label("Wachtwoord").fill(wachtwoord)
    page.get_by_role("button", name="Inloggen", exact=True).click()


@contextmanager
def app_page(data_dir: Path, monkeypatch, secrets: Path | None = None, **env: str | None):
    """A real server on data_dir (with env) and a Chromium tab on it."""
    with server(data_dir, monkeypatch, secrets, **env) as url, browser_page(url) as page:
        yield page
