"""The audit log's hash chain catches edited, deleted, inserted, swapped and truncated lines."""

from __future__ import annotations

import argparse
import json

import pytest

from cases import audit
from cases.audit import Actie, AuditLog, line_hash, verify
from cases.cli import add_parsers
from cases.cli import main as cli_main
from cases.model import GeenToegang


@pytest.fixture
def log(tmp_path):
    log = AuditLog(tmp_path / "audit.log")
    for n in range(1, 7):
        log.append(f"gebruiker{n}", Actie.CASUS_BEKEKEN, casus_id=f"casus-{n}", details={"n": n})
    return log


def _lines(log: AuditLog) -> list[str]:
    return log.path.read_text(encoding="utf-8").splitlines(keepends=True)


def _write(log: AuditLog, lines: list[str]) -> None:
    log.path.write_text("".join(lines), encoding="utf-8")


def test_an_untouched_log_verifies_and_each_line_chains_to_the_previous(log):
    result = verify(log.path)
    assert (result.in_orde, result.regels) == (True, 6)
    entries = [json.loads(line) for line in _lines(log)]
    assert entries[0]["prev_hash"] == "0" * 64
    for prev, entry in zip(entries, entries[1:], strict=False):
        assert entry["prev_hash"] == prev["hash"] == line_hash(prev["prev_hash"], prev)


def test_an_edited_line_is_reported_with_its_line_number(log):
    lines = _lines(log)
    lines[2] = lines[2].replace("gebruiker3", "iemand-anders")
    _write(log, lines)
    result = verify(log.path)
    assert (result.in_orde, result.fout_regel) == (False, 3)
    assert "gewijzigd" in result.melding


def test_a_deleted_line_is_reported(log):
    lines = _lines(log)
    del lines[3]
    _write(log, lines)
    result = verify(log.path)
    assert (result.in_orde, result.fout_regel) == (False, 4)
    assert "verwijderd" in result.melding


def test_a_swapped_pair_is_reported(log):
    lines = _lines(log)
    lines[1], lines[2] = lines[2], lines[1]
    _write(log, lines)
    assert verify(log.path).fout_regel == 2


def test_an_inserted_line_is_reported_even_with_a_valid_own_hash(log):
    lines = _lines(log)
    fake = json.loads(lines[1]) | {"gebruiker": "indringer", "seq": 3}
    fake["prev_hash"] = json.loads(lines[1])["hash"]
    fake["hash"] = line_hash(fake["prev_hash"], fake)
    lines.insert(2, audit.canonical(fake) + "\n")
    _write(log, lines)
    assert verify(log.path).fout_regel == 4


def test_a_truncated_tail_or_rewritten_chain_is_caught_by_the_store_anchor(log, tmp_path):
    anchor = (6, json.loads(_lines(log)[-1])["hash"])
    _write(log, _lines(log)[:4])
    assert verify(log.path).in_orde  # a chain alone cannot see a cut-off tail …
    result = verify(log.path, anchor)  # … the anchor in the encrypted store can
    assert (result.in_orde, result.fout_regel) == (False, 5)
    rewritten = AuditLog(tmp_path / "rewritten.log")
    for _ in range(6):
        rewritten.append("vervalser", Actie.CASUS_BEKEKEN)
    assert verify(rewritten.path).in_orde
    assert verify(rewritten.path, anchor).fout_regel == 6


def test_a_torn_last_line_stops_further_writing(log):
    with log.path.open("a", encoding="utf-8") as handle:
        handle.write('{"seq": 7, "half')
    assert verify(log.path).fout_regel == 7
    with pytest.raises(audit.AuditFout, match="onvolledige regel"):
        log.append("x", Actie.ZOEKOPDRACHT)


def test_zicht_audit_verify_exits_non_zero_on_tampering(log, capsys):
    assert cli_main(["audit", "verify", "--log", str(log.path)]) == 0
    lines = _lines(log)
    _write(log, [lines[0], *lines[2:]])
    assert cli_main(["audit", "verify", "--log", str(log.path)]) == 1
    assert "Regel 2" in capsys.readouterr().err
    parser = argparse.ArgumentParser()
    add_parsers(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["audit", "verify", "--log", str(log.path)])
    with pytest.raises(SystemExit) as exit_:
        args.func(args)  # how `zicht` runs it
    assert exit_.value.code == 1


def test_only_the_coordinator_exports_the_log_and_the_export_is_logged(store, team):
    with pytest.raises(GeenToegang):
        audit.export_audit(store, team.drugs)
    result, rows = audit.export_audit(store, team.coordinator)
    assert result.in_orde
    assert rows[-1]["actie"] == "audit_export" and rows[-1]["gebruiker"] == "coord"
    assert {"seq", "tijd", "gebruiker", "actie", "casus_id", "object_type", "object_id", "details",
            "hash"} <= set(rows[0])


def test_the_ui_may_log_object_card_views_but_not_forge_changes(store, team):
    audit.log_event(store, team.drugs, Actie.OBJECTKAART_BEKEKEN, object_type="pand",
                    object_id="0637100000123456")
    last = audit.read_rows(store.audit.path)[-1]
    assert (last["actie"], last["object_id"]) == ("objectkaart_bekeken", "0637100000123456")
    with pytest.raises(ValueError):
        audit.log_event(store, team.drugs, Actie.WIJZIGING)
