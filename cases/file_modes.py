"""Files at rest in productie: only the account that runs Zicht may read them.

Snapshots hold KVK data the app itself marks vertrouwelijk, the case store and the audit log hold
personal data, and the key opens all of it. In productie the data folder is 0700 and every file
in it 0600 (`secure_data_dir`, run when the app or a command opens the case store), and files
made later are private from the start (umask 077). A secrets file or key file that others can
read is refused: the key would no longer be a secret.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from cases.errors import SleutelFout

PRIVATE_DIR, PRIVATE_FILE = 0o700, 0o600
KEY_FILE_ENV = "ZICHT_CASES_KEY_FILE"


def secure_data_dir(data_dir: Path) -> None:
    """umask 077 for this process; the data folder and everything below it private."""
    os.umask(0o077)
    with contextlib.suppress(FileNotFoundError):
        os.chmod(data_dir, PRIVATE_DIR)
    for root, dirs, files in os.walk(data_dir):
        for name in dirs:
            _chmod(Path(root, name), PRIVATE_DIR)
        for name in files:
            _chmod(Path(root, name), PRIVATE_FILE)


def _chmod(path: Path, mode: int) -> None:
    # Symlinks are left alone: chmod would change what they point to, outside the data folder.
    with contextlib.suppress(FileNotFoundError, PermissionError):
        if not path.is_symlink():
            os.chmod(path, mode)


def require_private(path: Path, what: str) -> None:
    """SleutelFout (Dutch, with the fix) when `path` can be read or written by group or others."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return
    if mode & 0o077:
        raise SleutelFout(f"Zicht start niet: {what} {path} is leesbaar voor anderen (rechten {mode:o}). "
                          f"Alleen het account dat Zicht draait mag het lezen: voer uit "
                          f"'chmod 600 {path}' en start opnieuw.")


def key_from_file() -> str | None:
    """The key in the file ZICHT_CASES_KEY_FILE names (refused when others can read it), or None."""
    name = os.environ.get(KEY_FILE_ENV)
    if not name:
        return None
    path = Path(name)
    if not path.exists():
        raise SleutelFout(f"Het sleutelbestand {path} ({KEY_FILE_ENV}) bestaat niet.")
    require_private(path, "het sleutelbestand")
    return path.read_text(encoding="utf-8").strip() or None
