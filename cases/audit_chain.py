"""The audit log's file format: encrypted lines in a keyed chain, an anchor, and the check of both.

One line (UTF-8 JSON, keys sorted, ending in a newline):

    {"data":"<base64 AES-GCM ciphertext>","mac":"<hex>","nonce":"<base64>","seq":17}

`data` decrypts to the entry (seq, tijd, gebruiker, actie, casus_id, object, details): search
terms and addresses asked about are personal data, so the file holds them encrypted only.
`mac` = HMAC-SHA256(chain key, prev_mac | seq | nonce | data), the first line's prev_mac being 64
zeros. Without the chain key nobody can forge, change, insert or reorder a line, or rewrite the
chain as a whole. Cutting off the tail is what a chain cannot see by itself: the anchor file next
to the log (`audit.log.anker`: last seq and mac, with its own HMAC tag) and the anchor in the
encrypted case store catch it.

The three keys are derived from the case-store key with HKDF-SHA256 under distinct labels, so
there is no extra secret to manage and no key is stored next to the log.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

GENESIS = "0" * 64
_LABELS = {"versleuteling": b"zicht auditlog versleuteling v1", "keten": b"zicht auditlog keten v1",
           "anker": b"zicht auditlog anker v1"}


@dataclass(frozen=True)
class Sleutels:
    versleuteling: bytes
    keten: bytes
    anker: bytes


def derive_keys(store_key: str) -> Sleutels:
    def one(label: bytes) -> bytes:
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=label).derive(
            store_key.encode("utf-8"))

    return Sleutels(**{name: one(label) for name, label in _LABELS.items()})


@dataclass(frozen=True)
class Controle:
    """Result of verifying the log. fout_regel is the 1-based line number of the first problem."""

    in_orde: bool
    regels: int
    melding: str
    fout_regel: int | None = None
    laatste_hash: str = GENESIS


def canonical(entry: dict) -> str:
    return json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def chain_mac(keys: Sleutels, prev_mac: str, seq: int, nonce: str, data: str) -> str:
    message = f"{prev_mac}|{seq}|{nonce}|{data}".encode("ascii")
    return hmac.new(keys.keten, message, hashlib.sha256).hexdigest()


def seal(keys: Sleutels, prev_mac: str, entry: dict) -> dict:
    """The stored line for `entry` (which carries its seq), chained to prev_mac."""
    nonce = os.urandom(12)
    seq = int(entry["seq"])
    data = AESGCM(keys.versleuteling).encrypt(nonce, canonical(entry).encode("utf-8"), str(seq).encode())
    nonce_b64, data_b64 = _b64(nonce), _b64(data)
    line = {"seq": seq, "nonce": nonce_b64, "data": data_b64,
            "mac": chain_mac(keys, prev_mac, seq, nonce_b64, data_b64)}
    return line


def unseal(keys: Sleutels, line: dict) -> dict:
    """The entry inside a stored line; ValueError when it cannot be decrypted."""
    try:
        plain = AESGCM(keys.versleuteling).decrypt(base64.b64decode(line["nonce"]),
                                                   base64.b64decode(line["data"]), str(line["seq"]).encode())
    except (InvalidTag, KeyError, TypeError, ValueError) as exc:
        raise ValueError("regel is niet te ontsleutelen") from exc
    return json.loads(plain)


def parse(raw: bytes) -> dict | None:
    """A stored line as dict, or None when it is not a complete line of this format."""
    if not raw.endswith(b"\n"):
        return None
    try:
        line = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(line, dict) or not {"seq", "nonce", "data", "mac"} <= line.keys():
        return None
    return line if isinstance(line["seq"], int) and isinstance(line["mac"], str) else None


# --- The anchor file ------------------------------------------------------------------------------

def anchor_path(log_path: Path) -> Path:
    return log_path.with_name(log_path.name + ".anker")


def anchor_tag(keys: Sleutels, seq: int, mac: str) -> str:
    return hmac.new(keys.anker, f"{seq}|{mac}".encode("ascii"), hashlib.sha256).hexdigest()


def write_anchor(keys: Sleutels, log_path: Path, seq: int, mac: str) -> None:
    """Replace the anchor file atomically (a reader sees the old or the new anchor)."""
    path = anchor_path(log_path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    body = canonical({"seq": seq, "mac": mac, "tag": anchor_tag(keys, seq, mac)}).encode("ascii")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, body)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


def read_anchor(keys: Sleutels, log_path: Path) -> tuple[int, str] | str | None:
    """(seq, mac) from the anchor file; None when absent; a Dutch problem text when not genuine."""
    try:
        data = json.loads(anchor_path(log_path).read_bytes())
        seq, mac, tag = int(data["seq"]), str(data["mac"]), str(data["tag"])
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError):
        return "het ankerbestand is onleesbaar"
    if not hmac.compare_digest(tag, anchor_tag(keys, seq, mac)):
        return "het ankerbestand is gewijzigd (de sleutelcode klopt niet)"
    return seq, mac


# --- Verification ---------------------------------------------------------------------------------

def verify(keys: Sleutels, path: Path, store_anchor: tuple[int, str] | None = None, *,
           decrypt: bool = True) -> Controle:
    """Check every line, then the anchor file and the store's anchor against the chain."""
    path = Path(path)
    anchor = read_anchor(keys, path)
    if isinstance(anchor, str):
        return Controle(False, 0, f"Het auditlog is niet te vertrouwen: {anchor}.", 1)
    macs = [GENESIS]
    if path.exists():
        with path.open("rb") as handle:
            for n, raw in enumerate(handle, 1):
                problem = _check_line(keys, raw, n, macs[-1], decrypt)
                if problem:
                    return Controle(False, n - 1, f"Regel {n}: {problem}", n, macs[-1])
                macs.append(json.loads(raw)["mac"])
    for label, expected in (("het ankerbestand", anchor), ("de casusopslag", store_anchor)):
        refusal = _check_anchor(macs, expected, label)
        if refusal:
            return refusal
    n = len(macs) - 1
    checked = " en klopt met het anker" + (" in de casusopslag" if store_anchor else "") \
        if anchor or store_anchor else ""
    return Controle(True, n, f"Auditlog in orde: {n} regels{checked}.", None, macs[-1])


def _check_line(keys: Sleutels, raw: bytes, n: int, prev: str, decrypt: bool) -> str | None:
    line = parse(raw)
    if line is None:
        if not raw.endswith(b"\n"):
            return "regel is onvolledig (afgebroken schrijfactie of afgeknipt)."
        if b'"prev_hash"' in raw:
            return "regel in het oude, onversleutelde formaat; zet het log om met 'zicht audit omzetten'."
        return "regel is geen geldige auditregel (gewijzigd of beschadigd)."
    if line["seq"] != n:
        return f"volgnummer {line['seq']} waar {n} verwacht: regels verwijderd, ingevoegd of verplaatst."
    if not hmac.compare_digest(line["mac"], chain_mac(keys, prev, n, str(line["nonce"]), str(line["data"]))):
        return ("de sleutelcode klopt niet: de regel is gewijzigd, vervalst of sluit niet aan op de "
                "regel ervoor.")
    if decrypt:
        try:
            unseal(keys, line)
        except ValueError:
            return "regel is niet te ontsleutelen (gewijzigd of met een andere sleutel geschreven)."
    return None


def _check_anchor(macs: list[str], anchor: tuple[int, str] | None, label: str) -> Controle | None:
    n = len(macs) - 1
    if anchor is None:
        if label == "het ankerbestand" and n > 0:
            return Controle(False, n, "Het ankerbestand naast het auditlog ontbreekt: het log kan zijn "
                                      "vervangen of ingekort.", n, macs[-1])
        return None
    seq, mac = anchor
    if seq > n:
        return Controle(False, n, f"Het auditlog is ingekort: {label} kent regel {seq}, het log heeft "
                                  f"er {n}.", n + 1, macs[-1])
    if not hmac.compare_digest(macs[seq], mac):
        return Controle(False, n, f"Regel {seq} wijkt af van het anker in {label}: het log is (deels) "
                                  "vervangen.", seq, macs[-1])
    return None


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")
