"""The login answers an unknown name, a wrong password and a blocked account with the same words
after about the same time: nobody learns which names exist or which accounts are blocked."""

from __future__ import annotations

import statistics
import time

import pytest

from cases import accounts
from cases.model import InlogFout
from cases.store import open_store
from tests.security.conftest import KEY, PASSWORD, seed_team

TRIES = 3


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "cases.duckdb", KEY, mode="productie") as s:
        seed_team(s)
        accounts.register_user(s, "test", "geblokkeerd", "Gert Geblokkeerd", ["analist"], ["drugs"],
                               wachtwoord=PASSWORD)
        for _ in range(accounts.MAX_POGINGEN):
            with pytest.raises(InlogFout):
                accounts.verify_password(s, "geblokkeerd", "fout-wachtwoord-123")
        yield s


def attempt(store, naam: str, wachtwoord: str) -> tuple[str, float]:
    started = time.perf_counter()
    with pytest.raises(InlogFout) as refused:
        accounts.verify_password(store, naam, wachtwoord)
    return str(refused.value), time.perf_counter() - started


def test_unknown_wrong_and_blocked_get_the_same_answer_in_about_the_same_time(store):
    cases = {"onbekend": ("niemand-hier", "fout-wachtwoord-123"), "fout": ("ana", "fout-wachtwoord-123"),
             "geblokkeerd": ("geblokkeerd", PASSWORD)}  # blocked: even the right password
    answers, times = {}, {}
    for _ in range(TRIES):
        for label, (naam, wachtwoord) in cases.items():
            text, seconds = attempt(store, naam, wachtwoord)
            answers.setdefault(label, set()).add(text)
            times.setdefault(label, []).append(seconds)
    assert all(a == {accounts.ONJUIST} for a in answers.values())
    assert min(min(t) for t in times.values()) >= accounts.MIN_DUUR_MISLUKT
    medians = {label: statistics.median(t) for label, t in times.items()}
    spread = max(medians.values()) - min(medians.values())
    print(f"mediane duur per soort: {medians}; verschil {spread:.3f} s")
    assert spread < 0.25 * min(medians.values()), medians


def test_the_audit_log_still_records_the_real_reason(store):
    attempt(store, "geblokkeerd", PASSWORD)
    attempt(store, "niemand-hier", "x")
    rows = [r for r in store.audit.read_rows() if r["actie"] == "inloggen_mislukt"]
    assert '"reden":"geblokkeerd"' in rows[-2]["details"] and rows[-2]["gebruiker"] == "geblokkeerd"
    assert rows[-1]["gebruiker"] == "onbekend"  # an unknown name is never written down
