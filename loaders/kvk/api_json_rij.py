"""One vestiging of a KVK API answer as a kvk_invoer row: identifiers, names, SBI, address.

The location comes from the bezoekadres' geoData: addresseerbaarObjectId is the BAG
verblijfsobject id (note the double d), rijksdriehoekX/Y the coordinates. A shielded address
(indAfgeschermd "Ja") and a postbus have no location; KVK gives a postbus 0/0 as coordinates,
which is "unknown", not a point off the coast of Africa. Coordinates in degrees or outside the RD
domain are refused: they would put the company somewhere else.
"""

from __future__ import annotations

from pathlib import Path

from loaders.errors import InvoerFout
from loaders.kvk.ids import nummer

# EPSG:28992's area of use, with a margin: anything outside is not an RD coordinate.
RD_X = (-7_000.0, 300_000.0)
RD_Y = (289_000.0, 629_000.0)


def vestiging(v: dict, file: Path, bron: str, *, rij: int | None = None,
              rechtsvorm: str | None = None, sbi: list | None = None) -> dict:
    """A Vestigingsprofiel (or Basisprofiel hoofdvestiging) as a row; `sbi`: the Basisprofiel's
    activities when the embedded hoofdvestiging carries none of its own."""
    activiteiten = [a for a in v.get("sbiActiviteiten") or sbi or []
                    if str(a.get("sbiCode") or "").strip()]
    hoofd = next((a for a in activiteiten if a.get("indHoofdactiviteit") == "Ja"), None)
    registratie = v.get("materieleRegistratie") or {}
    namen = sorted(v.get("handelsnamen") or [], key=lambda h: h.get("volgorde", 0))
    return {
        **_nummers(v, file, rij),
        "naam": v.get("eersteHandelsnaam") or (namen[0]["naam"] if namen else None),
        "handelsnamen": [h["naam"] for h in namen if h.get("naam")],
        "rechtsvorm": rechtsvorm or v.get("rechtsvorm"),
        "is_hoofdvestiging": v.get("indHoofdvestiging") == "Ja",
        "datum_aanvang": registratie.get("datumAanvang") or v.get("formeleRegistratiedatum"),
        "datum_einde": registratie.get("datumEinde"),
        "werkzame_personen": v.get("totaalWerkzamePersonen"),
        # codes as delivered (a number in a hand-saved answer loses its leading zero: 1241);
        # loaders/sbi_versie.py decides their version from the official lists
        "sbi_ruw": [{"veld": "sbiActiviteiten.sbiCode", "waarde": str(a["sbiCode"]).strip(),
                     "omschrijving": a.get("sbiOmschrijving"),
                     "hoofd_rang": 1 if a is hoofd else None} for a in activiteiten],
        "sbi_omschrijving": (hoofd or {}).get("sbiOmschrijving"),
        **adres(v.get("adressen") or [], file, rij),
        "bron": bron, "rij": rij, "voorrang": 1,
    }


def zoekresultaat(r: dict, file: Path, bron: str, rij: int) -> dict:
    """A Zoeken v2 result with a vestigingsnummer: name, kind and the (partial) address."""
    binnen = (r.get("adres") or {}).get("binnenlandsAdres") or {}
    huisnummer = binnen.get("huisnummer")
    return {
        **_nummers(r, file, rij),
        "naam": r.get("naam"), "handelsnamen": [r["naam"]] if r.get("naam") else [],
        "is_hoofdvestiging": r.get("type") == "hoofdvestiging",
        "sbi_ruw": [], "adres_afgeschermd": False,
        "straat": binnen.get("straatnaam"),
        "huisnummer": None if huisnummer is None else str(huisnummer),
        "huisletter": binnen.get("huisletter") or None,
        "postcode": binnen.get("postcode"), "plaats": binnen.get("plaats"),
        "bron": bron, "rij": rij, "voorrang": 1,
    }


def _nummers(v: dict, file: Path, rij: int | None) -> dict:
    return {"vestigingsnummer": nummer(v.get("vestigingsnummer"), "vestigingsnummer", file.name,
                                       rij, "vestigingsnummer"),
            "kvk_nummer": nummer(v.get("kvkNummer"), "kvk_nummer", file.name, rij, "kvkNummer")}


def adres(adressen: list[dict], file: Path, rij: int | None) -> dict:
    """The bezoekadres (else the first address), with its BAG id and RD coordinates."""
    a = next((a for a in adressen if a.get("type") == "bezoekadres"),
             adressen[0] if adressen else {})
    if is_postbus(a):
        return {"adres_afgeschermd": False, "plaats": a.get("plaats"), "_geen_locatie":
                f"alleen een postbusadres ({a.get('volledigAdres') or 'postbus'}): geen locatie"}
    geo = a.get("geoData") or {}
    toevoeging = a.get("huisnummerToevoeging") or a.get("toevoegingAdres")
    return {
        "adres_afgeschermd": a.get("indAfgeschermd") == "Ja",
        "straat": a.get("straatnaam"),
        "huisnummer": None if a.get("huisnummer") is None else str(a["huisnummer"]),
        "huisletter": a.get("huisletter") or None,
        "toevoeging": toevoeging or None,
        "postcode": a.get("postcode"),
        "plaats": a.get("plaats"),
        "bag_id": geo.get("addresseerbaarObjectId") or geo.get("nummerAanduidingId"),
        **rd_punt(geo.get("rijksdriehoekX"), geo.get("rijksdriehoekY"), file, rij),
    }


def is_postbus(a: dict) -> bool:
    return a.get("postbusnummer") is not None or str(a.get("straatnaam") or "").lower() == "postbus"


def rd_punt(x, y, file: Path, rij: int | None) -> dict:
    """{'rd_x', 'rd_y'}: None for absent or 0/0 (KVK's "unknown"); refuses degrees and points
    outside the RD domain with the file and field."""
    if x is None or y is None:
        return {"rd_x": None, "rd_y": None}
    try:
        x, y = float(x), float(y)
    except (TypeError, ValueError) as exc:
        raise InvoerFout(file.name, f"rijksdriehoekX/Y ({x}, {y}) zijn geen getallen", rij=rij,
                         veld="rijksdriehoekX") from exc
    if x == 0 and y == 0:
        return {"rd_x": None, "rd_y": None}
    if abs(x) <= 180 and abs(y) <= 90:
        raise InvoerFout(file.name, f"rijksdriehoekX/Y ({x}, {y}) zijn graden, geen RD-"
                                    "coördinaten in meters", rij=rij, veld="rijksdriehoekX")
    if not (RD_X[0] <= x <= RD_X[1] and RD_Y[0] <= y <= RD_Y[1]):
        raise InvoerFout(file.name, f"rijksdriehoekX/Y ({x:.0f}, {y:.0f}) ligt buiten het "
                                    "RD-gebied (Nederland)", rij=rij, veld="rijksdriehoekX")
    return {"rd_x": x, "rd_y": y}
