"""What a linked object is, in words: a pand by its addresses, an adres by street and number, a
vestiging or onderneming by name and address, a buurt or wijk by name (export_casus_objecten.sql).

The case page, the audit view and the KernCluster PDF all name objects through here, so nobody
has to read a bare BAG id or vestigingsnummer.
"""

from __future__ import annotations

from collections.abc import Iterable

import shapely

from geo.sqlfiles import execute_checked, sql_text

KINDS = ("pand", "adres", "vestiging", "maatschappelijke_activiteit", "buurt", "wijk")


def linked_objects(con, koppelingen: list[dict]) -> list[dict]:
    """The linked objects that exist in the snapshot: {object_type, object_id, label, geom}."""
    wanted: dict[str, list] = {k: [] for k in KINDS}
    for k in koppelingen:
        kind = str(k.get("object_type", "")).lower()
        if kind in wanted:
            wanted[kind].append(str(k.get("object_id", "")).strip())
    params = {"panden": wanted["pand"], "adressen": wanted["adres"], "vestigingen": wanted["vestiging"],
              "kvk": wanted["maatschappelijke_activiteit"], "buurten": wanted["buurt"],
              "wijken": wanted["wijk"]}
    rows = execute_checked(con, sql_text("export_casus_objecten"), params).fetchall()
    return [{"object_type": t, "object_id": i, "label": label or "",
             "geom": shapely.from_wkb(w) if w is not None else None} for t, i, label, w in rows]


def labels(con, objects: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """{(object_type, object_id): label} for the objects found in the snapshot (first label of an
    onderneming with several vestigingen)."""
    found: dict[tuple[str, str], str] = {}
    for o in linked_objects(con, [{"object_type": t, "object_id": i} for t, i in objects]):
        found.setdefault((o["object_type"], o["object_id"]), o["label"])
    return found
