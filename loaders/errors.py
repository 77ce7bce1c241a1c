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
