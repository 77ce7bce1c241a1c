"""KVK identifiers: a KVK-nummer has 8 digits, a vestigingsnummer 12, leading zeros included.

A short all-digit value is a number whose leading zeros a spreadsheet dropped, so the zeros are put
back. Anything else (empty, not all digits, too long) is refused with file, row and field: cutting
or padding it would silently turn it into another company's number.
"""

from __future__ import annotations

from loaders.errors import InvoerFout

LENGTE = {"vestigingsnummer": 12, "kvk_nummer": 8}
NAAM = {"vestigingsnummer": "vestigingsnummer", "kvk_nummer": "KVK-nummer"}


def probleem(waarde, soort: str) -> str | None:
    """Why `waarde` is not a valid identifier of this soort, in Dutch; None when it is."""
    lengte, naam = LENGTE[soort], NAAM[soort]
    tekst = "" if waarde is None else str(waarde).strip()
    if not tekst:
        return f"{naam} ontbreekt (verwacht {lengte} cijfers)"
    if not tekst.isdigit() or not tekst.isascii():
        return f"'{tekst}' is geen {naam} (alleen cijfers, {lengte} lang)"
    if len(tekst) > lengte:
        return (f"'{tekst}' is te lang voor een {naam} ({len(tekst)} cijfers, verwacht "
                f"{lengte}); Zicht kort het niet in")
    return None


def nummer(waarde, soort: str, bestand: str, rij: int | None = None,
           veld: str | None = None) -> str:
    """The identifier with its leading zeros, or InvoerFout naming file, row and field."""
    reden = probleem(waarde, soort)
    if reden:
        raise InvoerFout(bestand, reden, rij=rij, veld=veld or soort)
    return str(waarde).strip().zfill(LENGTE[soort])
