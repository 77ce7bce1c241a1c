"""The case store is encrypted at rest, refuses wrong or missing keys, and loses nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import pytest

from cases import access, accounts, workflow
from cases.model import OpslagFout, SleutelFout, Status, VersieConflict
from cases.store import DEMO_KEY, open_store
from tests.cases.conftest import KEY, new_case

NOTE = "ZICHTBAAR-GEHEIM-4711-Pietersen"
ROOT = Path(__file__).resolve().parents[2]


def _raw(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}.wal")) if p.exists())


def test_a_case_note_never_appears_in_plain_text_in_the_file_or_its_wal(store, team):
    case = new_case(store, team.drugs, omschrijving=f"omschrijving {NOTE}")
    workflow.add_note(store, team.drugs, case.id, case.versie, NOTE)
    assert Path(f"{store.path}.wal").exists()  # committed but not yet checkpointed
    assert NOTE.encode() not in _raw(store.path)
    store.close()
    assert NOTE.encode() not in _raw(store.path)
    assert NOTE.encode("utf-16-le") not in _raw(store.path)


def test_wrong_key_is_refused_with_a_dutch_message(tmp_path):
    open_store(tmp_path / "c.duckdb", KEY, mode="productie").close()
    with pytest.raises(SleutelFout, match="sleutel voor de casusopslag .* is onjuist"):
        open_store(tmp_path / "c.duckdb", "een-andere-sleutel-0000", mode="productie")


def test_production_refuses_to_open_without_a_key(tmp_path, monkeypatch):
    monkeypatch.delenv("ZICHT_CASES_KEY", raising=False)
    monkeypatch.setenv("ZICHT_MODE", "productie")
    with pytest.raises(SleutelFout, match="In productie opent Zicht de casusopslag niet zonder sleutel"):
        open_store(tmp_path / "c.duckdb")
    assert not (tmp_path / "c.duckdb").exists()


@pytest.mark.parametrize(("key", "message"), [(DEMO_KEY, "demosleutel"), ("kort", "te kort")])
def test_production_refuses_the_demo_key_and_short_keys(tmp_path, key, message):
    with pytest.raises(SleutelFout, match=message):
        open_store(tmp_path / "c.duckdb", key, mode="productie")


def test_the_key_can_come_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("ZICHT_CASES_KEY", KEY)
    open_store(tmp_path / "c.duckdb", mode="productie").close()
    with pytest.raises(SleutelFout):
        open_store(tmp_path / "c.duckdb", "nog-een-andere-sleutel", mode="productie")
    open_store(tmp_path / "c.duckdb", mode="productie").close()


def test_demo_mode_without_key_uses_the_marked_demo_key(tmp_path, monkeypatch):
    monkeypatch.delenv("ZICHT_CASES_KEY", raising=False)
    with open_store(tmp_path / "c.duckdb", mode="demo") as store:
        assert store.demo_sleutel
    with pytest.raises(SleutelFout):  # the demo store is still encrypted: a real key does not fit
        open_store(tmp_path / "c.duckdb", KEY, mode="demo")


def test_a_mistyped_mode_is_refused_instead_of_meaning_demo(tmp_path):
    with pytest.raises(OpslagFout, match="Onbekende modus"):
        open_store(tmp_path / "c.duckdb", KEY, mode="production")


def test_an_unencrypted_database_is_refused(tmp_path):
    duckdb.connect(str(tmp_path / "plain.duckdb")).close()
    with pytest.raises(SleutelFout, match="niet versleuteld"):
        open_store(tmp_path / "plain.duckdb", KEY, mode="productie")


def test_editing_an_old_version_is_a_conflict_not_a_silent_overwrite(store, team):
    case = new_case(store, team.drugs)
    seen_by_a = case.versie
    workflow.add_note(store, team.coordinator, case.id, case.versie, "B was eerst")
    with pytest.raises(VersieConflict, match="gewijzigd sinds u hem opende.*door coord"):
        workflow.edit_signal(store, team.drugs, case.id, seen_by_a, titel="A overschrijft")
    kept = access.get_case(store, team.drugs, case.id)
    assert (kept.titel, kept.versie) == ("Signaal", 2)


def test_two_simultaneous_edits_of_the_same_version_conflict(store, team):
    case = new_case(store, team.drugs)
    with store.transaction() as other:  # another session is editing version 1 and has not committed
        store.run(other, "casus_versie", id=case.id, versie=1, nu=case.gewijzigd_op, door="coord")
        with pytest.raises(VersieConflict, match="tegelijk"):
            workflow.add_note(store, team.drugs, case.id, 1, "gelijktijdig")
    assert access.case_file(store, team.drugs, case.id).notities == []


def test_an_edit_that_fails_halfway_leaves_nothing_half_written(store, team):
    case = new_case(store, team.drugs)
    with pytest.raises(RuntimeError), store.transaction() as cur:
        store.run(cur, "casus_versie", id=case.id, versie=1, nu=case.gewijzigd_op, door="ana.drugs")
        store.run(cur, "notitie_nieuw", id="n1", casus_id=case.id, tekst="half", nu=case.gewijzigd_op,
                  door="ana.drugs")
        raise RuntimeError("stroomstoring midden in de wijziging")
    again = access.case_file(store, team.drugs, case.id)
    assert (again.casus.versie, again.casus.status, len(again.geschiedenis)) == (1, Status.SIGNAAL, 1)


_CRASHER = textwrap.dedent("""
    import sys, time
    from datetime import date, datetime
    from cases import accounts, workflow
    from cases.store import open_store
    store = open_store(sys.argv[1], sys.argv[2], mode="productie")
    user = accounts.register_user(store, "test", "ana", "Ana", ["analist"], ["drugs"])
    case = workflow.register_signal(store, user, thema="drugs", bron="mma", signaal_datum=date(2026, 1, 1),
                                    omschrijving="vastgelegd", titel="Vastgelegd")
    with store.transaction() as cur:
        store.run(cur, "casus_versie", id=case.id, versie=1, nu=datetime.now(), door="ana")
        store.run(cur, "notitie_nieuw", id="n1", casus_id=case.id, tekst="half geschreven",
                  nu=datetime.now(), door="ana")
        print(case.id, flush=True)
        time.sleep(60)
""")


def test_a_process_killed_mid_transaction_leaves_a_consistent_store(tmp_path):
    path = tmp_path / "cases.duckdb"
    proc = subprocess.Popen([sys.executable, "-c", _CRASHER, str(path), KEY], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True, env=os.environ | {"PYTHONPATH": str(ROOT)})
    case_id = proc.stdout.readline().strip()
    assert case_id, "the writer did not reach its open transaction"
    assert Path(f"{path}.wal").exists()  # the committed case lives only in the WAL
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with open_store(path, KEY, mode="productie") as store:
        ana = accounts.get_user(store, "ana")
        assert ana is not None, "a committed user was lost"
        dossier = access.case_file(store, ana, case_id)
        assert (dossier.casus.versie, dossier.casus.titel, dossier.notities) == (1, "Vastgelegd", [])
        assert [g.actie for g in dossier.geschiedenis] == ["registreren"]
        assert store.audit.verify(store.audit_anchor()).in_orde


def test_a_store_held_by_another_process_is_refused_with_a_dutch_message(tmp_path):
    path = tmp_path / "cases.duckdb"
    holder = ("import sys, time\nfrom cases.store import open_store\n"
              "s = open_store(sys.argv[1], sys.argv[2], mode='productie')\nprint('open', flush=True)\n"
              "time.sleep(60)\n")
    proc = subprocess.Popen([sys.executable, "-c", holder, str(path), KEY], cwd=ROOT, stdout=subprocess.PIPE,
                            text=True, env=os.environ | {"PYTHONPATH": str(ROOT)})
    try:
        assert proc.stdout.readline().strip() == "open"
        with pytest.raises(OpslagFout, match="in gebruik door een ander proces"):
            open_store(path, KEY, mode="productie")
    finally:
        proc.kill()
        proc.wait()


def test_concurrent_sessions_in_threads_keep_store_and_audit_log_consistent(store, team):
    with ThreadPoolExecutor(4) as pool:
        started = list(pool.map(lambda _: new_case(store, team.coordinator), range(4)))
    assert len({c.casusnummer for c in started}) == 4

    def session(case):
        for i in range(5):
            case = workflow.add_note(store, team.coordinator, case.id, case.versie, f"notitie {i}")
            access.list_cases(store, team.coordinator)
        return case.versie

    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(session, started)) == [6, 6, 6, 6]
    assert store.audit.verify(store.audit_anchor()).in_orde
