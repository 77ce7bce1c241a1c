"""Errors about input, phrased for the person who supplied the file."""

from __future__ import annotations

import re

MAX_PART = 1000  # characters of a file name, message or field shown
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class InvoerFout(Exception):
    """Bad input: names the file, and where known the row and field, in plain Dutch."""

    def __init__(self, bestand: str, melding: str, rij: int | None = None, veld: str | None = None):
        self.bestand, self.melding, self.rij, self.veld = bestand, melding, rij, veld
        super().__init__(str(self))

    def __str__(self) -> str:
        waar = [f"bestand {_shown(self.bestand)}"]
        if self.rij is not None:
            waar.append(f"rij {self.rij}")
        if self.veld:
            waar.append(f"veld {_shown(self.veld)}")
        return f"{', '.join(waar)}: {_shown(self.melding)}"


def _shown(text) -> str:
    """One line, of bounded length, without control characters: names and values come from the
    file, and a newline or terminal escape in them must not change what the message says."""
    text = _CONTROL.sub("?", str(text))
    return text if len(text) <= MAX_PART else text[:MAX_PART] + "…"


class InvoerFouten(InvoerFout):
    """Every problem found in one file at once (up to a cap), so it is fixed in one round.

    `fouten` holds the problems found (at most the cap), `totaal` how many there are in all. As an
    InvoerFout it reads as the first problem plus how many more, so every caller that handles one
    error still says something true."""

    MAX = 1000

    def __init__(self, fouten: list[InvoerFout], totaal: int | None = None):
        self.fouten = list(fouten)
        self.totaal = max(totaal or 0, len(self.fouten))
        eerste = self.fouten[0]
        meer = self.totaal - 1
        melding = eerste.melding + (f" (en nog {meer} {'fout' if meer == 1 else 'fouten'} in dit bestand)"
                                    if meer else "")
        super().__init__(eerste.bestand, melding, eerste.rij, eerste.veld)
