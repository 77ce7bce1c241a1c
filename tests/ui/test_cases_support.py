"""Shared fixtures and helpers for the case-register UI tests (no tests in this module).

Each test gets its own data directory: the session's demo snapshot (linked, read-only) plus a
fresh encrypted case store in productie mode. Tests seed and inspect the store through
`ui.cases_data.store()`, the very object the app under AppTest uses, so there is one DuckDB
attachment per file in this process.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from cases import accounts, workflow
from cases.model import PlanVanAanpak, Weging, Zwaarte
from ui import cases_data

REPO = Path(__file__).resolve().parents[2]
APP = REPO / "app.py"
KEY = "ui-test-sleutel-0123456789abcdef"
PASSWORD = "correct-horse-battery-staple"
ALL_THEMES = ["drugs", "vastgoed", "prostitutie", "bedrijventerreinen", "weerbaarheid", "overig"]
PAND = "0637100000123456"
BUURT = "BU06370101"


def link_demo_snapshot(demo_data_dir: Path, data: Path) -> None:
    """Make `data` serve the session's demo snapshot without copying or modifying it."""
    data.mkdir(parents=True, exist_ok=True)
    (data / "snapshots").symlink_to(demo_data_dir / "snapshots", target_is_directory=True)
    (data / "current").write_text((demo_data_dir / "current").read_text())


@pytest.fixture
def case_env(tmp_path, demo_data_dir, monkeypatch) -> Path:
    """ZICHT_DATA_DIR with the demo snapshot and no case store yet; productie mode with a key."""
    data = tmp_path / "data"
    link_demo_snapshot(demo_data_dir, data)
    monkeypatch.setenv("ZICHT_DATA_DIR", str(data))
    monkeypatch.setenv("ZICHT_MODE", "productie")
    monkeypatch.setenv("ZICHT_CASES_KEY", KEY)
    return data


@pytest.fixture
def store(case_env):
    return cases_data.store()


@pytest.fixture
def team(store):
    add = accounts.register_user
    return SimpleNamespace(
        beheerder=add(store, "test", "beheer", "Bea Beheer", ["beheerder"], wachtwoord=PASSWORD),
        coordinator=add(store, "test", "coord", "Cor Coördinator", ["coordinator"], ALL_THEMES,
                        email="cor@gemeente.example", wachtwoord=PASSWORD),
        drugs=add(store, "test", "ana.drugs", "Ana Drugs", ["analist"], ["drugs"], wachtwoord=PASSWORD),
        vastgoed=add(store, "test", "ana.vastgoed", "Vera Vastgoed", ["analist"], ["vastgoed"],
                     wachtwoord=PASSWORD),
        kernteam=add(store, "test", "kern", "Kees Kernteam", ["kernteamlid"], ["drugs"], wachtwoord=PASSWORD),
    )


def new_case(store, user, thema: str, titel: str, omschrijving: str = "Signaal uit de wijk"):
    from datetime import date

    return workflow.register_signal(store, user, thema=thema, bron="mma", signaal_datum=date(2026, 1, 5),
                                    omschrijving=omschrijving, titel=titel)


def in_informatie(store, user, case):
    return workflow.weigh_signal(store, user, case.id, case.versie,
                                 Weging(True, True, True, Zwaarte.GECOMPLICEERD))


def in_uitvoering(store, user, case):
    case = in_informatie(store, user, case)
    case = workflow.set_plan(store, user, case.id, case.versie, PlanVanAanpak("h", "d", "s", "i"))
    return workflow.transition(store, user, case.id, case.versie, "start_uitvoering")


@pytest.fixture
def two_cases(store, team):
    """A drugs case and a vastgoed case, both linked to the same pand."""
    drugs = new_case(store, team.drugs, "drugs", "Hennepkwekerij Dorpsstraat", "Wietlucht bij loods")
    drugs = workflow.link_object(store, team.drugs, drugs.id, drugs.versie, "pand", PAND, buurtcode=BUURT)
    vastgoed = new_case(store, team.vastgoed, "vastgoed", "Stroman koopt panden",
                        "Katvanger-constructie rond pand")
    vastgoed = workflow.link_object(store, team.vastgoed, vastgoed.id, vastgoed.versie, "pand", PAND,
                                    buurtcode=BUURT)
    return drugs, vastgoed


def app(page: str | None = None, user: str | None = None, query: dict | None = None) -> AppTest:
    """The real app.py; `user` logged in (session holds the name, as after a login); on `page`."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    if user:
        at.session_state[cases_data.SESSION_USER] = user
        at.session_state[cases_data.SESSION_METHOD] = "wachtwoord"
    if page:
        # A page registered by st.navigation with a callable is identified by the hash of its
        # url_path; AppTest.switch_page only knows file pages.
        at._page_hash = calc_hash(page)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    return at


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    """Every text the page shows (main area and sidebar), for 'is it (not) there' checks."""
    kinds = ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success",
             "text", "metric")
    parts = [str(getattr(e, "value", "")) for kind in kinds for e in getattr(at, kind)]
    parts += [str(getattr(e, "label", "")) for kind in ("metric", "button", "tabs")
              for e in getattr(at, kind)]
    parts += [d.value.to_csv() for d in at.dataframe]
    return plain("\n".join(parts))


def plain(text: str) -> str:
    """Markdown text as the reader sees it (the UI escapes data with backslashes and keeps
    addresses from becoming links with an invisible word joiner)."""
    return re.sub(r"\\(.)", r"\1", str(text)).replace("\u2060", "")


def has_map(at: AppTest) -> bool:
    return any("streamlit_folium" in str(c.proto.component_name) for c in at.get("component_instance"))


def buttons(at: AppTest) -> set[str]:
    return {str(b.key) for b in at.button if b.key}


def audit_lines(store) -> list[dict]:

    return store.audit.read_rows()
