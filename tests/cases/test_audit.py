"""The audit log's keyed chain catches edited, deleted, inserted, swapped, forged and truncated
lines, and the log holds no readable personal data."""

from __future__ import annotations

import argparse
import json

import pytest

from cases import audit, audit_chain
from cases.audit import Actie, AuditLog
from cases.cli import add_parsers
from cases.cli import main as cli_main
from cases.model import GeenToegang

KEY = "test-sleutel-0123456789abcdef"


@pytest.fixture
def log(tmp_path):
    log = AuditLog(tmp_path / "audit.log", KEY)
    for n in range(1, 7):
        log.append(f"gebruiker{n}", Actie.CASUS_BEKEKEN, casus_id=f"casus-{n}", details={"n": n})
    return log


def _lines(log: AuditLog) -> list[str]:
    return log.path.read_text(encoding="utf-8").splitlines(keepends=True)


def _write(log: AuditLog, lines: list[str]) -> None:
    log.path.write_text("".join(lines), encoding="utf-8")


def verify(log: AuditLog, anchor=None) -> audit.Controle:
    return AuditLog(log.path, KEY).verify(anchor)


def test_an_untouched_log_verifies_and_each_line_chains_to_the_previous(log):
    result = verify(log)
    assert (result.in_orde, result.regels) == (True, 6)
    keys = audit_chain.derive_keys(KEY)
    lines = [json.loads(line) for line in _lines(log)]
    prev = audit_chain.GENESIS
    for line in lines:
        assert line["mac"] == audit_chain.chain_mac(keys, prev, line["seq"], line["nonce"], line["data"])
        prev = line["mac"]
    assert [r["gebruiker"] for r in log.read_rows()] == [f"gebruiker{n}" for n in range(1, 7)]


def test_the_file_holds_no_readable_names_or_ids(log):
    text = log.path.read_text(encoding="utf-8")
    assert "gebruiker3" not in text and "casus-3" not in text and "casus_bekeken" not in text


def test_an_edited_line_is_reported_with_its_line_number(log):
    lines = _lines(log)
    third = json.loads(lines[2])
    third["data"] = json.loads(lines[3])["data"]  # someone else's (valid) ciphertext
    lines[2] = audit_chain.canonical(third) + "\n"
    _write(log, lines)
    result = verify(log)
    assert (result.in_orde, result.fout_regel) == (False, 3)
    assert "gewijzigd" in result.melding


def test_a_deleted_line_is_reported(log):
    lines = _lines(log)
    del lines[3]
    _write(log, lines)
    result = verify(log)
    assert (result.in_orde, result.fout_regel) == (False, 4)
    assert "verwijderd" in result.melding


def test_a_swapped_pair_is_reported(log):
    lines = _lines(log)
    lines[1], lines[2] = lines[2], lines[1]
    _write(log, lines)
    assert verify(log).fout_regel == 2


def test_a_line_sealed_with_another_key_is_reported(log, tmp_path):
    other = AuditLog(tmp_path / "ander.log", "een-andere-sleutel-0123456789")
    for _ in range(7):
        other.append("indringer", Actie.CASUS_BEKEKEN)
    lines = _lines(log)
    lines.append(_lines(other)[6])  # seq 7, a perfect line, but not made with this log's key
    _write(log, lines)
    assert verify(log).fout_regel == 7


def test_a_truncated_tail_is_caught_by_the_anchor_file_and_by_the_store_anchor(log):
    anchor = (6, json.loads(_lines(log)[-1])["mac"])
    _write(log, _lines(log)[:4])
    result = verify(log)
    assert (result.in_orde, result.fout_regel) == (False, 5)
    assert "ingekort" in result.melding
    audit_chain.anchor_path(log.path).unlink()  # the insider removes the anchor file as well
    result = verify(log, anchor)
    assert not result.in_orde and "ontbreekt" in result.melding


def test_a_hand_edited_anchor_file_is_reported(log):
    path = audit_chain.anchor_path(log.path)
    data = json.loads(path.read_text()) | {"seq": 4}
    path.write_text(json.dumps(data))
    result = verify(log)
    assert not result.in_orde and "ankerbestand" in result.melding


def test_a_torn_last_line_stops_further_writing(log):
    with log.path.open("a", encoding="utf-8") as handle:
        handle.write('{"seq": 7, "half')
    assert verify(log).fout_regel == 7
    with pytest.raises(audit.AuditFout, match="niet in orde"):
        AuditLog(log.path, KEY).append("x", Actie.ZOEKOPDRACHT)


def test_zicht_audit_verify_exits_non_zero_on_tampering(log, capsys, monkeypatch):
    monkeypatch.setenv("ZICHT_CASES_KEY", KEY)
    monkeypatch.setenv("ZICHT_MODE", "productie")
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
    last = store.audit.read_rows()[-1]
    assert (last["actie"], last["object_id"]) == ("objectkaart_bekeken", "0637100000123456")
    with pytest.raises(ValueError):
        audit.log_event(store, team.drugs, Actie.WIJZIGING)
