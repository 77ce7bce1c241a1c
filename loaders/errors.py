"""Errors about input, phrased for the person who supplied the file."""

from __future__ import annotations


class InvoerFout(Exception):
    """Bad input: names the file, and where known the row and field, in plain Dutch."""

    def __init__(self, bestand: str, melding: str, rij: int | None = None, veld: str | None = None):
        self.bestand, self.melding, self.rij, self.veld = bestand, melding, rij, veld
        super().__init__(str(self))

    def __str__(self) -> str:
        waar = [f"bestand {self.bestand}"]
        if self.rij is not None:
            waar.append(f"rij {self.rij}")
        if self.veld:
            waar.append(f"veld {self.veld}")
        return f"{', '.join(waar)}: {self.melding}"
