"""An insider with write access to the data folder cannot rewrite the audit log unseen.

Each way of tampering is followed by ordinary use (a login, as every working day starts) and then
by the real `zicht audit verify`: the tampering is still reported, the login is refused rather than
logged into a broken log, and neither the log nor the store's anchor has moved."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cases import accounts, audit_chain
from cases.audit import Actie, AuditLog
from cases.model import AuditFout
from cases.store import open_store
from tests.security.conftest import KEY, PASSWORD, zicht

ATTACKER_KEY = "sleutel-van-de-vervalser-0123456789"


def _lines(data: Path) -> list[str]:
    return (data / "audit.log").read_text(encoding="utf-8").splitlines(keepends=True)


def _write(data: Path, lines: list[str]) -> None:
    (data / "audit.log").write_text("".join(lines), encoding="utf-8")


def verify(data: Path):
    return zicht(data, "audit", "verify", ZICHT_MODE="productie", ZICHT_CASES_KEY=KEY)


def forge_append(data: Path) -> None:
    """A well-formed next line, chained to the real last line, but MAC'd with another key."""
    keys = audit_chain.derive_keys(ATTACKER_KEY)
    last = json.loads(_lines(data)[-1])
    entry = {"seq": last["seq"] + 1, "gebruiker": "coord", "actie": "inloggen", "details": {}}
    line = audit_chain.seal(keys, last["mac"], entry)
    _write(data, [*_lines(data), audit_chain.canonical(line) + "\n"])
    audit_chain.write_anchor(keys, data / "audit.log", line["seq"], line["mac"])


def change(data: Path) -> None:
    lines = _lines(data)
    line = json.loads(lines[2])
    line["data"] = line["data"][:10] + ("A" if line["data"][10] != "A" else "B") + line["data"][11:]
    lines[2] = audit_chain.canonical(line) + "\n"
    _write(data, lines)


def remove(data: Path) -> None:
    lines = _lines(data)
    del lines[2]
    _write(data, lines)


def reorder(data: Path) -> None:
    lines = _lines(data)
    lines[1], lines[2] = lines[2], lines[1]
    _write(data, lines)


def rewrite(data: Path) -> None:
    """The whole chain made anew (say, without one inconvenient line), anchor file included."""
    (data / "audit.log").unlink()
    (data / "audit.log.anker").unlink()
    fake = AuditLog(data / "audit.log", ATTACKER_KEY)
    for n in range(6):
        fake.append("test", Actie.GEBRUIKERSBEHEER, details={"n": n})


def truncate_with_old_anchor(data: Path) -> None:
    """Cut off the tail and put back an anchor file saved at that point: a consistent pair."""
    saved = data.parent / "bewaard"
    with open_store(data / "cases.duckdb", KEY, mode="productie") as store:
        saved.mkdir()
        for name in ("audit.log", "audit.log.anker"):
            shutil.copy2(data / name, saved / name)
        accounts.verify_password(store, "ana", PASSWORD)  # the line the insider wants gone
    for name in ("audit.log", "audit.log.anker"):
        shutil.copy2(saved / name, data / name)


TAMPERING = [forge_append, change, remove, reorder, rewrite, truncate_with_old_anchor]


def test_an_untouched_log_verifies_with_both_anchors(productie_data):
    result = verify(productie_data)
    assert result.returncode == 0, result.stderr
    assert "klopt met het anker in de casusopslag" in result.stdout


@pytest.mark.parametrize("tamper", TAMPERING, ids=lambda f: f.__name__)
def test_tampering_is_reported_and_survives_ordinary_use(productie_data, tamper):
    tamper(productie_data)
    first = verify(productie_data)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "NIET in orde" in first.stderr
    before = (productie_data / "audit.log").read_bytes()
    with open_store(productie_data / "cases.duckdb", KEY, mode="productie") as store:
        anchor = store.audit_anchor()
        with pytest.raises(AuditFout, match="niet in orde"):
            accounts.verify_password(store, "ana", PASSWORD)
        with pytest.raises(AuditFout):
            store.log("coord", Actie.INSTELLING, details={"poging": "opnieuw verankeren"})
        assert store.audit_anchor() == anchor  # never re-anchored to the forged chain
        assert not store.audit_status().in_orde
    assert (productie_data / "audit.log").read_bytes() == before  # nothing appended
    again = verify(productie_data)
    assert again.returncode == 1 and again.stderr == first.stderr


def test_the_log_holds_no_readable_search_terms_and_zicht_audit_lees_shows_them(productie_data):
    with open_store(productie_data / "cases.duckdb", KEY, mode="productie") as store:
        store.log("ana", Actie.ZOEKOPDRACHT, details={"zoektekst": "Dorpsstraat 12 Zoetermeer"})
    assert b"Dorpsstraat" not in (productie_data / "audit.log").read_bytes()
    shown = zicht(productie_data, "audit", "lees", ZICHT_MODE="productie", ZICHT_CASES_KEY=KEY)
    assert shown.returncode == 0, shown.stderr
    assert "Dorpsstraat 12 Zoetermeer" in shown.stdout and "zoekopdracht" in shown.stdout
    wrong = zicht(productie_data, "audit", "lees", ZICHT_MODE="productie", ZICHT_CASES_KEY=ATTACKER_KEY)
    assert "Dorpsstraat" not in wrong.stdout


def _old_format(path: Path, n: int) -> tuple[int, str]:
    """An audit log as Zicht wrote it before: plaintext lines chained by unkeyed SHA-256."""
    import hashlib

    prev, lines = audit_chain.GENESIS, []
    for seq in range(1, n + 1):
        entry = {"seq": seq, "prev_hash": prev, "tijd": "2026-11-28T16:03:01.123+01:00", "gebruiker": "ana",
                 "actie": "zoekopdracht", "casus_id": None, "object": None,
                 "details": {"zoektekst": f"Dorpsstraat {seq}"}}
        entry["hash"] = hashlib.sha256((prev + audit_chain.canonical(entry)).encode()).hexdigest()
        lines.append(audit_chain.canonical(entry) + "\n")
        prev = entry["hash"]
    path.write_text("".join(lines))
    return n, prev


def test_an_old_plaintext_log_is_converted_only_when_its_chain_holds(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    seq, last = _old_format(data / "audit.log", 4)
    with open_store(data / "cases.duckdb", KEY, mode="productie") as store, store.cursor() as cur:
        store.run(cur, "audit_anker_omgezet", seq=seq, hash=last)  # the old store's anchor
    assert verify(data).returncode == 1  # an old log is not taken for a good one
    converted = zicht(data, "audit", "omzetten", ZICHT_MODE="productie", ZICHT_CASES_KEY=KEY)
    assert converted.returncode == 0, converted.stderr
    assert b"Dorpsstraat" not in (data / "audit.log").read_bytes()
    result = verify(data)
    assert result.returncode == 0 and "4 regels" in result.stdout
    shown = zicht(data, "audit", "lees", ZICHT_MODE="productie", ZICHT_CASES_KEY=KEY).stdout
    assert "Dorpsstraat 3" in shown


def test_a_tampered_old_log_is_not_converted(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    _old_format(data / "audit.log", 4)
    text = (data / "audit.log").read_text().replace("Dorpsstraat 2", "Kerkstraat 2")
    (data / "audit.log").write_text(text)
    refused = zicht(data, "audit", "omzetten", ZICHT_MODE="productie", ZICHT_CASES_KEY=KEY)
    assert refused.returncode == 2 and "regel 2" in refused.stderr
    assert (data / "audit.log").read_text() == text
