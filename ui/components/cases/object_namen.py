"""Objects and audit lines in words: the casusnummer instead of the case's internal id, the object by kind and
name or address (geo.objectnamen on the current snapshot), the details as 'veld: waarde'."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass

from cases.audit import Actie
from cases.model import ObjectType
from geo import objectnamen
from ui import data
from ui.components.cases.links import OBJECT_LABELS

DETAIL_NAMEN = {"identificaties": "gevraagd naar", "treffer": "treffer", "tekst": "zoektekst",
                "soort": "soort", "handeling": "handeling", "gebruiker": "gebruiker"}


@dataclass(frozen=True)
class AuditNamen:
    casussen: dict[str, str]
    objecten: dict[tuple[str, str], str]

    @classmethod
    def voor(cls, store, rows: list[dict], log: list[dict] | None = None) -> AuditNamen:
        """Names for `rows`; a destroyed case's number comes from its vernietiging line in `log` (the
        whole log, default `rows`), as the store keeps no internal id of a destroyed case."""
        casussen = destroyed_numbers(rows if log is None else log)
        casussen |= {r["casus_id"]: r["casusnummer"] for r in store.query("casusnummers")}
        wanted = {(r.get("object_type"), r.get("object_id")) for r in rows if r.get("object_id")}
        return cls(casussen, object_labels(wanted))

    def casus(self, casus_id: str | None) -> str:
        return "" if not casus_id else self.casussen.get(casus_id, f"(onbekend: {casus_id})")

    def object(self, object_type: str | None, object_id: str | None) -> str:
        if not object_id:
            return ""
        try:
            soort = OBJECT_LABELS[ObjectType(object_type)]
        except ValueError:
            soort = object_type or "object"
        label = self.objecten.get((object_type, object_id))
        return f"{soort} {object_id}" + (f" ({label})" if label else "")


def destroyed_numbers(log: list[dict]) -> dict[str, str]:
    """Case id -> casusnummer from the log's vernietiging lines."""
    numbers = {}
    for r in log:
        if r.get("actie") == Actie.VERNIETIGING.value and r.get("casus_id"):
            with contextlib.suppress(ValueError, TypeError, KeyError):
                numbers[r["casus_id"]] = json.loads(r["details"])["casusnummer"]
    return numbers


def object_labels(objects: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    snapshot = data.snapshot_path()
    if snapshot is None or not objects:
        return {}
    with data.cursor(snapshot) as cur:
        return objectnamen.labels(cur, sorted(objects))


def details_tekst(details: str | dict | None) -> str:
    """'gevraagd naar: 0637…, 0637… · treffer: ja' from the stored JSON."""
    if not details:
        return ""
    try:
        parsed = json.loads(details) if isinstance(details, str) else details
    except ValueError:
        return str(details)
    if not isinstance(parsed, dict):
        return str(parsed)
    return " · ".join(f"{DETAIL_NAMEN.get(k, k.replace('_', ' '))}: {_waarde(v)}" for k, v in parsed.items()
                      if v not in (None, "", [], {}))


def _waarde(v) -> str:
    if isinstance(v, bool):
        return "ja" if v else "nee"
    if isinstance(v, list):
        return ", ".join(_waarde(x) for x in v)
    if isinstance(v, dict):
        return "; ".join(f"{k}: {_waarde(x)}" for k, x in v.items())
    return str(v)
