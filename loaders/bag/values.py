"""BAG values outside what the BAG allows: refused, or (oppervlakte 0) loaded and reported.

The BAG catalogue allows an oppervlakte of 1 to 999999 m² and a huisnummer of 1 to 99999. A
negative or larger value is a broken delivery and refuses the file; an oppervlakte of 0 occurs in
practice (not yet measured) and is loaded, with one `waarschuwing` row per object.
"""

from __future__ import annotations

from loaders.errors import InvoerFout

GRENZEN = {"oppervlakte": (0, 999_999), "huisnummer": (1, 99_999)}


def check_value(veld: str, waarde: int | None, bestand: str, rij: int | None) -> int | None:
    """`waarde` when it lies within the BAG's range for `veld` (None passes)."""
    low, high = GRENZEN[veld]
    if waarde is not None and not low <= waarde <= high:
        raise InvoerFout(bestand, f"{waarde} ligt buiten wat de BAG toestaat ({veld} van {low} "
                                  f"tot en met {high})", rij=rij, veld=veld)
    return waarde


def check(con, bestand: str) -> None:
    """After a BAG loader: refuse out-of-range values, report oppervlakte 0 (once per object)."""
    for veld, (low, high) in GRENZEN.items():
        bad = con.execute(f"SELECT identificatie, {veld} FROM verblijfsobject WHERE {veld} < ? "
                          f"OR {veld} > ? ORDER BY identificatie LIMIT 1", [low, high]).fetchone()
        if bad:
            raise InvoerFout(bestand, f"verblijfsobject {bad[0]}: {bad[1]} ligt buiten wat de BAG "
                                      f"toestaat ({veld} van {low} tot en met {high})", veld=veld)
    con.execute("""
        INSERT INTO waarschuwing (soort, sleutel, rij, veld, waarde, toelichting)
        SELECT 'oppervlakte_nul', identificatie, NULL, 'oppervlakte', '0',
               'oppervlakte 0 m² (nog niet ingemeten?); het adres is geladen'
        FROM verblijfsobject v WHERE oppervlakte = 0 AND NOT EXISTS (
            SELECT 1 FROM waarschuwing w
            WHERE w.soort = 'oppervlakte_nul' AND w.sleutel = v.identificatie)
    """)
