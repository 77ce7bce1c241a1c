"""Login end to end in headless Chromium against a real Streamlit server in productie mode.

Local accounts: the login form leads to the map; a wrong password gives the Dutch refusal; five
failures lock the account. OpenID Connect: Streamlit's st.login against a local OIDC provider
(oidc-provider-mock on 127.0.0.1, which lets the test type the identity it authenticates as);
the verified e-mail address is mapped onto a Zicht user, and an unknown address is refused.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect, sync_playwright

from cases import accounts, audit
from cases.store import open_store
from tests.ui.test_cases_support import APP, KEY, PASSWORD, REPO, link_demo_snapshot

pytestmark = pytest.mark.browser
expect.set_options(timeout=30_000)
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
TIMEOUT_MS = 30_000
START_TIMEOUT_S = 40


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def oidc_provider():
    """A local OpenID Connect provider (any client id is accepted); None when not installed."""
    try:
        import oidc_provider_mock
        from werkzeug.serving import make_server
    except ImportError:
        yield None
        return
    server = make_server("127.0.0.1", 0, oidc_provider_mock.app(), threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(5)


def _seed(data: Path) -> None:
    with open_store(data / "cases.duckdb", KEY, mode="productie") as store:
        add = accounts.register_user
        for naam in ("ana", "bob", "dirk"):
            add(store, "test", naam, f"{naam.title()} Analist", ["analist"], ["drugs"], wachtwoord=PASSWORD)
        add(store, "test", "cor", "Cor Coördinator", ["coordinator"], ["drugs"], email="cor@gemeente.example")


def _secrets(folder: Path, port: int, provider: str | None) -> Path:
    path = folder / "secrets.toml"
    path.write_text("" if provider is None else f"""[auth]
redirect_uri = "http://127.0.0.1:{port}/oauth2callback"
cookie_secret = "test-cookie-secret-0123456789abcdef"
client_id = "zicht"
client_secret = "zicht-test-geheim"
server_metadata_url = "{provider}/.well-known/openid-configuration"
""")
    return path


def _wait_healthy(url: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"streamlit stopte (code {proc.returncode}):\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"streamlit niet gezond binnen {START_TIMEOUT_S} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def productie_server(demo_data_dir, tmp_path_factory, oidc_provider):
    """`streamlit run app.py` in productie mode with local accounts and OIDC configured."""
    folder = tmp_path_factory.mktemp("productie")
    data = folder / "data"
    link_demo_snapshot(demo_data_dir, data)
    _seed(data)
    port = _free_port()
    secrets, log = _secrets(folder, port, oidc_provider), folder / "server.log"
    env = {**os.environ, "ZICHT_DATA_DIR": str(data), "ZICHT_MODE": "productie", "ZICHT_CASES_KEY": KEY,
           "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true",
           "--browser.gatherUsageStats", "false", "--secrets.files", str(secrets)]
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc, log)
        yield SimpleNamespace(url=url, audit=data / "audit.log", oidc=oidc_provider)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def page(productie_server):
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        tab = context.new_page()
        tab.set_default_timeout(TIMEOUT_MS)
        tab.goto(productie_server.url, wait_until="domcontentloaded")
        expect(tab.get_by_role("heading", name="Inloggen met een Zicht-account")).to_be_visible()
        yield tab
        browser.close()


def login(page, naam: str, wachtwoord: str) -> None:
    page.get_by_label("Gebruikersnaam").fill(naam)
    page.get_by_label("Wachtwoord").fill(wachtwoord)
    page.get_by_role("button", name="Inloggen", exact=True).click()


def test_login_screen_shows_nothing_else(page, productie_server):
    if productie_server.oidc:
        expect(page.get_by_role("button", name="Inloggen met uw gemeenteaccount")).to_be_visible()
    expect(page.locator(MAP_FRAME)).to_have_count(0)
    expect(page.get_by_role("link", name="Casussen")).to_have_count(0)


def test_local_account_login_opens_the_map(page):
    login(page, "ana", PASSWORD)
    expect(page.locator(MAP_FRAME)).to_be_visible()
    # the name shows in the sidebar (the export panel also names the author)
    expect(page.get_by_test_id("stSidebarUserContent").get_by_text("Ana Analist")).to_be_visible()
    expect(page.get_by_role("link", name="Casussen")).to_be_visible()


def test_wrong_password_gives_the_dutch_error(page):
    login(page, "bob", "fout-wachtwoord-123")
    expect(page.get_by_text(accounts.ONJUIST)).to_be_visible()
    expect(page.locator(MAP_FRAME)).to_have_count(0)


def failures(audit_log: Path, naam: str) -> int:
    rows = audit.AuditLog(audit_log, KEY).read_rows()
    return sum(1 for r in rows if r["actie"] == "inloggen_mislukt" and r["gebruiker"] == naam)


def test_five_failures_lock_the_account(page, productie_server):
    for n in range(1, accounts.MAX_POGINGEN + 1):
        login(page, "dirk", "fout-wachtwoord-123")
        deadline = time.monotonic() + 20  # each attempt is handled before the next is typed
        while failures(productie_server.audit, "dirk") < n and time.monotonic() < deadline:
            time.sleep(0.1)
    login(page, "dirk", PASSWORD)
    expect(page.get_by_text("tijdelijk geblokkeerd")).to_be_visible()
    expect(page.locator(MAP_FRAME)).to_have_count(0)


def _oidc_login(page, server, email: str) -> None:
    if server.oidc is None:
        pytest.skip("oidc-provider-mock is niet geïnstalleerd (pip install oidc-provider-mock Authlib)")
    page.get_by_role("button", name="Inloggen met uw gemeenteaccount").click()
    page.wait_for_url("**/oauth2/authorize**")
    page.fill('input[name="sub"]', email)
    page.get_by_role("button", name="Authorize").click()


def test_oidc_login_through_the_municipal_provider_opens_the_map(page, productie_server):
    _oidc_login(page, productie_server, "cor@gemeente.example")
    expect(page.get_by_text("Cor Coördinator")).to_be_visible()
    expect(page.locator(MAP_FRAME)).to_be_visible()


def test_oidc_login_with_an_unknown_address_is_refused_in_dutch(page, productie_server):
    _oidc_login(page, productie_server, "onbekend@gemeente.example")
    expect(page.get_by_text("geen (actief) account in Zicht")).to_be_visible()
    # an invisible word joiner before '@' keeps the address from becoming a mailto link
    expect(page.get_by_text(re.compile("onbekend\u2060?@gemeente\\.example"))).to_be_visible()
    expect(page.locator(MAP_FRAME)).to_have_count(0)
