"""Reading one LVBAG XML part (BAG 2.0): one record per voorkomen, GML geometry to 2D WKB.

Elements are matched on local names, so the prefixes (Objecten:, Historie:, Objecten-ref:, gml:) and
the schema version in the namespace URIs do not matter. The part is parsed as a stream
(ElementTree.iterparse) and every object is cleared once read.
"""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET
import zipfile
import zlib
from dataclasses import dataclass

import numpy as np

from loaders.engine_errors import detail
from loaders.errors import InvoerFout
from loaders.gemeente import bronhouder_code

OBJECTEN = {"Pand": "PND", "Verblijfsobject": "VBO", "Nummeraanduiding": "NUM",
            "OpenbareRuimte": "OPR", "Woonplaats": "WPL", "Ligplaats": "LIG", "Standplaats": "STA"}
NAMEN = {v: k for k, v in OBJECTEN.items()}
_REFS = {"heeftAlsHoofdadres", "heeftAlsNevenadres", "maaktDeelUitVan", "ligtAan", "ligtIn"}
# A voorkomen with one of these is not the current state (inactive, or no longer BAG).
_NIET_ACTUEEL = {"eindGeldigheid", "tijdstipInactief", "tijdstipInactiefLV", "tijdstipNietBagLV"}
_LOCAL: dict[str, str] = {}
# BAG 1.0 (the extract before LVBAG, 2009-2020) names its elements in namespaces under
# kadaster.nl/schemas/imbag/ and …/bag-verstrekkingen/; BAG 2.0 uses …/schemas/lvbag/.
_BAG10 = re.compile(r"kadaster\.nl/schemas/(imbag|bag-verstrekkingen)/", re.IGNORECASE)
BAG10_MELDING = "BAG 1.0-extract wordt niet ondersteund; gebruik een BAG 2.0-extract (LVBAG)"
_ONLEESBAAR = (OSError, EOFError, zipfile.BadZipFile, zlib.error)


def local(tag: str) -> str:
    """'{uri}naam' -> 'naam' (cached: the same few dozen tags repeat millions of times)."""
    naam = _LOCAL.get(tag)
    if naam is None:
        naam = _LOCAL[tag] = tag.rpartition("}")[2]
    return naam


@dataclass(slots=True)
class Voorkomen:
    """One voorkomen of one object, where it was read, and its fields by local name."""

    deel: str            # part name as shown to the user (zip member path)
    rij: int             # number of the object in the part, counting from 1
    soort: str           # PND, VBO, NUM, OPR, WPL, LIG, STA
    velden: dict         # text, a list of texts (refs, gebruiksdoel), or the geometrie element
    identificatie: str | None = None
    nummer: int | None = None   # voorkomenidentificatie
    actueel: bool = False

    def fout(self, veld: str, melding: str) -> InvoerFout:
        wie = f"{NAMEN[self.soort]} {self.identificatie or '(zonder identificatie)'}"
        if self.nummer is not None:
            wie += f" (voorkomen {self.nummer}{'' if self.actueel else ', historisch'})"
        return InvoerFout(self.deel, f"{wie}: {melding}", rij=self.rij, veld=veld)

    def tekst(self, veld: str, verplicht: bool = False) -> str | None:
        waarde = self.velden.get(veld)
        waarde = waarde.strip() if isinstance(waarde, str) else None
        if not waarde and verplicht:
            raise self.fout(veld, "ontbreekt of is leeg")
        return waarde or None

    def geheel(self, veld: str, verplicht: bool = False) -> int | None:
        waarde = self.tekst(veld, verplicht)
        if waarde is None:
            return None
        try:
            return int(waarde)
        except ValueError:
            raise self.fout(veld, f"'{waarde}' is geen geheel getal") from None

    def refs(self, veld: str, verplicht: bool = False) -> list[str]:
        waarden = [r.strip() for r in self.velden.get(veld, ()) if r and r.strip()]
        if not waarden and verplicht:
            raise self.fout(veld, "verwijzing ontbreekt")
        return waarden

    def wkb(self) -> bytes:
        geo = self.velden.get("geometrie")
        if geo is None:
            raise self.fout("geometrie", "ontbreekt")
        try:
            return gml_wkb(geo)
        except GmlFout as exc:
            raise self.fout("geometrie", str(exc)) from None


def voorkomens(stroom, deel: str):
    """Yield every voorkomen of the object types in OBJECTEN; a BAG 1.0 part is refused."""
    rij = 0
    try:
        for event, el in ET.iterparse(stroom, events=("start-ns", "end")):
            if event == "start-ns":
                _geen_bag10(el[1], deel)
                continue
            if not el.tag.endswith("bagObject") or local(el.tag) != "bagObject":
                continue
            rij += 1
            for obj in el:
                soort = OBJECTEN.get(local(obj.tag))
                if soort is not None:
                    yield _voorkomen(Voorkomen(deel, rij, soort, _velden(obj)))
            el.clear()
    except ET.ParseError as exc:
        raise _xml_fout(deel, exc, rij + 1) from None
    except _ONLEESBAAR as exc:  # zip member truncated, corrupt or failing its CRC check
        raise InvoerFout(deel, f"onleesbaar, beschadigd of onvolledig ({detail(exc)})") from None


def _geen_bag10(uri: str, deel: str) -> None:
    if _BAG10.search(uri or ""):
        raise InvoerFout(deel, f"{BAG10_MELDING} (naamruimte {uri})")


def _xml_fout(deel: str, exc: ET.ParseError, rij: int | None = None) -> InvoerFout:
    regel, kolom = exc.position
    reden = re.sub(r": line \d+, column \d+$", "", str(exc))
    return InvoerFout(deel, f"geen geldige XML op regel {regel}, kolom {kolom} ({reden})", rij=rij)


def _velden(obj) -> dict:
    velden: dict = {}
    cache = _LOCAL
    for child in obj:
        naam = cache.get(child.tag) or local(child.tag)
        if naam == "voorkomen":
            for sub in child.iter():
                sub_naam = cache.get(sub.tag) or local(sub.tag)
                if sub_naam == "voorkomenidentificatie" or (sub_naam in _NIET_ACTUEEL and sub.text):
                    velden[sub_naam] = sub.text
        elif naam in _REFS:
            velden.setdefault(naam, []).extend(ref.text for ref in child)
        elif naam == "geometrie":
            velden[naam] = child
        elif naam == "gebruiksdoel":
            velden.setdefault(naam, []).append((child.text or "").strip())
        else:
            velden[naam] = child.text
    return velden


def _voorkomen(vk: Voorkomen) -> Voorkomen:
    velden = vk.velden
    ident = velden.get("identificatie")
    ident = vk.identificatie = ident.strip() if isinstance(ident, str) else None
    if not ident:
        raise vk.fout("identificatie", "ontbreekt of is leeg")
    lengte = 4 if vk.soort == "WPL" else 16
    if len(ident) != lengte or not ident.isdigit():
        raise vk.fout("identificatie", f"'{ident}' is geen BAG-identificatie van {lengte} cijfers")
    try:
        vk.nummer = int(velden["voorkomenidentificatie"])
    except (KeyError, TypeError, ValueError):
        vk.nummer = vk.geheel("voorkomenidentificatie", verplicht=True)
    vk.actueel = _NIET_ACTUEEL.isdisjoint(velden)
    return vk


class GmlFout(ValueError):
    """A GML geometry that cannot be read; the message says what is wrong."""


def gml_wkb(geo) -> bytes:
    """WKB (2D, little endian) of the Point, Polygon or MultiSurface under a geometrie element.

    Z is dropped. A verblijfsobject may carry a point and/or a polygon: the point wins.
    Whether the result is valid (self-intersections, NaN) is left to the caller (GEOS).
    """
    punt = vlak = None
    for el in geo.iter():
        naam = _LOCAL.get(el.tag) or local(el.tag)
        if naam == "Point" and punt is None:
            punt = el
        elif naam in ("Polygon", "MultiSurface", "MultiPolygon") and vlak is None:
            vlak = el
    if punt is not None:
        pos = _kind(punt, ("pos", "coordinates"))
        if pos is None:
            raise GmlFout("gml:Point zonder gml:pos")
        n, xy = _coords(pos, punt.get("srsDimension"))
        if n != 1:
            raise GmlFout(f"gml:Point heeft {n} punten in plaats van 1")
        return _PUNT + xy
    if vlak is None:
        raise GmlFout("geen gml:Point, gml:Polygon of gml:MultiSurface gevonden")
    if local(vlak.tag) == "Polygon":
        return _polygoon(vlak, vlak.get("srsDimension"))
    polygonen = [el for el in vlak.iter() if local(el.tag) == "Polygon"]
    if not polygonen:
        raise GmlFout(f"gml:{local(vlak.tag)} zonder gml:Polygon")
    dim = vlak.get("srsDimension")
    delen = [_polygoon(p, p.get("srsDimension") or dim) for p in polygonen]
    return struct.pack("<BII", 1, 6, len(delen)) + b"".join(delen)


_PUNT = struct.pack("<BI", 1, 1)
_RANDEN = {"exterior": False, "interior": True, "outerBoundaryIs": False, "innerBoundaryIs": True}


def _polygoon(poly, dim: str | None) -> bytes:
    delen = [b""]
    for rand in poly:
        binnen = _RANDEN.get(_LOCAL.get(rand.tag) or local(rand.tag))
        if binnen is None:
            continue
        if binnen and len(delen) == 1:
            raise GmlFout("gml:Polygon begint met een binnenring in plaats van gml:exterior")
        soort = f"binnenring {(len(delen) - 1) // 2}" if binnen else "buitenring"
        ring = _kind(rand, ("LinearRing",))
        if ring is None:
            raise GmlFout(f"{soort} zonder gml:LinearRing")
        n, xy = _ring(ring, dim, soort)
        delen.append(struct.pack("<I", n))
        delen.append(xy)
    if len(delen) == 1:
        raise GmlFout("gml:Polygon zonder gml:exterior")
    delen[0] = struct.pack("<BII", 1, 3, len(delen) // 2)
    return b"".join(delen)


def _ring(ring, dim: str | None, soort: str) -> tuple[int, bytes]:
    pos_list = _kind(ring, ("posList", "coordinates"))
    if pos_list is not None:
        n, xy = _coords(pos_list, dim)
    else:
        posities = [_coords(el, dim) for el in ring if local(el.tag) == "pos"]
        if not posities:
            raise GmlFout(f"{soort} zonder gml:posList")
        n, xy = sum(p[0] for p in posities), b"".join(p[1] for p in posities)
    if n < 4:
        raise GmlFout(f"{soort} heeft {n} punten; een ring heeft er minstens 4")
    if xy[:16] != xy[-16:]:
        eerste, laatste = struct.unpack("<2d", xy[:16]), struct.unpack("<2d", xy[-16:])
        raise GmlFout(f"{soort} is niet gesloten: eerste punt {_xy(eerste)}, laatste {_xy(laatste)}")
    return n, xy


def _coords(el, dim: str | None) -> tuple[int, bytes]:
    """Number of points and their packed 2D coordinates (little-endian doubles) of a posList/pos;
    srsDimension 3 drops the Z."""
    tekst = el.text or ""
    if el.tag.endswith("coordinates"):
        tekst = tekst.replace(",", " ")
    getallen = tekst.split()
    try:
        waarden = np.array(getallen, dtype="<f8")
    except ValueError:
        fout = next(g for g in getallen if not _is_getal(g))
        raise GmlFout(f"coördinaat '{fout[:40]}' in gml:{local(el.tag)} is geen getal") from None
    aantal = el.get("count")
    d = el.get("srsDimension") or dim
    try:
        d = int(d) if d else (len(waarden) // int(aantal) if aantal and int(aantal) else 2)
    except ValueError:
        raise GmlFout(f"srsDimension/count '{d or aantal}' is geen geheel getal") from None
    if d not in (2, 3):
        raise GmlFout(f"srsDimension {d} wordt niet ondersteund (verwacht 2 of 3)")
    if not len(waarden) or len(waarden) % d:
        raise GmlFout(f"gml:{local(el.tag)} heeft {len(waarden)} getallen: geen veelvoud van "
                      f"srsDimension {d}")
    n = len(waarden) // d
    if aantal is not None and aantal.strip().isdigit() and int(aantal) != n:
        raise GmlFout(f"gml:{local(el.tag)} zegt count={aantal} maar bevat {n} punten")
    return n, (waarden.tobytes() if d == 2 else waarden.reshape(n, d)[:, :2].tobytes())


def _kind(el, namen: tuple[str, ...]):
    for sub in el:
        if local(sub.tag) in namen:
            return sub
    return None


def _is_getal(tekst: str) -> bool:
    try:
        float(tekst)
    except ValueError:
        return False
    return True


def _xy(pt) -> str:
    return f"({pt[0]:.3f} {pt[1]:.3f})"


def soort_uit_inhoud(stroom, deel: str) -> str | None:
    """Object type of a part whose name does not tell it, from its first object (None: not BAG)."""
    try:
        for i, (event, el) in enumerate(ET.iterparse(stroom, events=("start-ns", "start"))):
            if i > 1000:  # objects follow a short header: this is something else (e.g. in onderzoek)
                return None
            if event == "start-ns":
                _geen_bag10(el[1], deel)
                continue
            naam = local(el.tag)
            if naam in OBJECTEN:
                return OBJECTEN[naam]
            if naam == "GemeenteWoonplaatsRelatie":
                return "GWR"
            if naam == "BAG-Extract-Levering":
                return None
    except ET.ParseError as exc:
        raise _xml_fout(deel, exc) from None
    except _ONLEESBAAR as exc:
        raise InvoerFout(deel, f"onleesbaar, beschadigd of onvolledig ({detail(exc)})") from None
    return None


def gemeente_woonplaats(stroom, deel: str) -> dict[str, str]:
    """woonplaats id -> gemeentecode from GEM-WPL-RELATIE: per woonplaats the open relation
    (no einddatum) that began last. Old relations are sometimes left open after a merger."""
    beste: dict[str, tuple] = {}
    try:
        for _, el in ET.iterparse(stroom):
            if local(el.tag) != "GemeenteWoonplaatsRelatie":
                continue
            velden = {}
            for sub in el.iter():
                naam = local(sub.tag)
                if naam in ("gerelateerdeWoonplaats", "gerelateerdeGemeente"):
                    ident = _kind(sub, ("identificatie",))
                    velden[naam] = (ident.text or "").strip() if ident is not None else ""
                elif naam != "identificatie":
                    velden[naam] = (sub.text or "").strip()
            el.clear()
            wpl, gemeente = velden.get("gerelateerdeWoonplaats"), velden.get("gerelateerdeGemeente")
            if velden.get("einddatumTijdvakGeldigheid") or not wpl or not gemeente:
                continue
            sleutel = (velden.get("begindatumTijdvakGeldigheid", ""), velden.get("status") == "definitief")
            if wpl not in beste or sleutel > beste[wpl][0]:
                beste[wpl] = (sleutel, bronhouder_code(gemeente))
    except ET.ParseError as exc:
        raise _xml_fout(deel, exc) from None
    except _ONLEESBAAR as exc:
        raise InvoerFout(deel, f"onleesbaar, beschadigd of onvolledig ({detail(exc)})") from None
    return {wpl: gemeente for wpl, (_, gemeente) in beste.items()}
