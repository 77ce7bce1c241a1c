"""Converting an audit log of the old format (plaintext JSON lines chained by unkeyed SHA-256)
into the encrypted, keyed format of cases.audit_chain.

The old log is converted only when its whole chain, and the store's anchor, check out; each entry
keeps its seq and time. The converted file replaces the old one in one rename, so no plaintext copy
stays behind. Demo stores convert by themselves when opened; in productie the beheerder runs
`zicht audit omzetten` (with the app stopped).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from cases import audit_chain
from cases.audit_chain import GENESIS, canonical
from cases.errors import AuditFout


def is_legacy(path: Path) -> bool:
    try:
        with Path(path).open("rb") as handle:
            return b'"prev_hash"' in handle.readline()
    except FileNotFoundError:
        return False


def convert(path: Path, key: str, store_anchor: tuple[int, str] | None) -> tuple[int, str]:
    """Rewrite the old log at `path` in the new format; (seq, mac) of its last line."""
    entries = _checked(Path(path), store_anchor)
    keys = audit_chain.derive_keys(key)
    tmp = path.with_name(f".{path.name}.omzetten.{os.getpid()}")
    mac = GENESIS
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        for entry in entries:
            body = {k: v for k, v in entry.items() if k not in ("hash", "prev_hash")}
            line = audit_chain.seal(keys, mac, body)
            os.write(fd, (canonical(line) + "\n").encode("ascii"))
            mac = line["mac"]
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    audit_chain.write_anchor(keys, path, len(entries), mac)
    return len(entries), mac


def _checked(path: Path, store_anchor: tuple[int, str] | None) -> list[dict]:
    entries, prev = [], GENESIS
    with path.open("rb") as handle:
        for n, raw in enumerate(handle, 1):
            try:
                entry = json.loads(raw)
                body = {k: v for k, v in entry.items() if k != "hash"}
                digest = hashlib.sha256((prev + canonical(body)).encode("utf-8")).hexdigest()
                intact = raw.endswith(b"\n") and entry["seq"] == n and entry["prev_hash"] == prev \
                    and entry["hash"] == digest
            except (ValueError, KeyError, TypeError):
                intact = False
            if not intact:
                raise AuditFout(f"Het oude auditlog {path} is niet in orde bij regel {n}; het wordt niet "
                                "omgezet. Bewaar het zoals het is en meld dit bij de coördinator.")
            entries.append(entry)
            prev = entry["hash"]
    if store_anchor and store_anchor[0] > 0 and (store_anchor[0] > len(entries)
                                                 or entries[store_anchor[0] - 1]["hash"] != store_anchor[1]):
        raise AuditFout(f"Het oude auditlog {path} klopt niet met het anker in de casusopslag (ingekort of "
                        "vervangen); het wordt niet omgezet.")
    return entries
