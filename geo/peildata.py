"""Which peildatum each figure rests on.

A snapshot combines sources with their own peildatum: BAG, one or more KVK selections (a small
later upload among them), CBS areas, bedrijventerreinen, RDW. "Actief op" is decided on the main
KVK selection's peildatum (the snapshot's meta `peildatum`, see loaders.pipeline.kvk_peildatum);
each figure names the sources it comes from with their own dates, and a difference is said out
loud instead of hidden behind one date.
"""

from __future__ import annotations

from dataclasses import dataclass

from geo.nlformat import datum, meervoud

# Which source kinds each headline figure comes from.
FIGUUR_SOORTEN = {
    "panden": ("bag",), "verblijfsobjecten": ("bag",), "actieve_vestigingen": ("kvk",),
    "buurten": ("gebieden",), "bedrijventerreinen": ("gebieden",),
}


@dataclass(frozen=True)
class Peildata:
    actief_op: str                 # ISO date on which 'actief' is decided (main KVK selection)
    bronnen: tuple[dict, ...]      # kaart_bronnen.sql rows

    def van(self, figuur: str) -> str:
        """'BAG 01-11-2026' or 'KVK-selectie 01-11-2026 · KVK-upload 01-12-2026' for a figure."""
        kinds = FIGUUR_SOORTEN.get(figuur, ())
        rows = [b for b in self.bronnen if str(b.get("soort") or "").startswith(kinds)]
        return " · ".join(f"{_naam(b)} {datum(b['peildatum'])}" for b in rows) or "geen bron"

    def afwijkend(self) -> list[dict]:
        """Sources of BAG or KVK whose peildatum differs from the date 'actief' is decided on."""
        return [b for b in self.bronnen if str(b.get("soort") or "").startswith(("bag", "kvk"))
                and str(b["peildatum"]) != str(self.actief_op)]

    def verschil_tekst(self) -> str:
        """A plain Dutch note when BAG/KVK sources differ in peildatum; '' when they agree."""
        anders = self.afwijkend()
        if not anders:
            return ""
        lijst = ", ".join(f"{b['bron']}: {datum(b['peildatum'])}, {meervoud(b['rijen'], 'rij', 'rijen')}"
                          for b in anders)
        return (f"Let op: niet alle bronnen hebben dezelfde peildatum ({lijst}). Of een vestiging "
                f"actief is, geldt op {datum(self.actief_op)}, de peildatum van de KVK-hoofdselectie.")


def peildata(meta: dict, bronnen: list[dict]) -> Peildata:
    return Peildata(str(meta.get("peildatum") or ""), tuple(bronnen))


def _naam(b: dict) -> str:
    return str(b.get("omschrijving") or b["bron"])
