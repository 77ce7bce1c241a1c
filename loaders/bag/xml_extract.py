"""BAG from an LVBAG XML extract (BAG 2.0, the format NLExtract reads).

Input: a delivery zip with nested zips per object type (9999VBO…zip, 9999PND…zip, 9999NUM…zip,
9999OPR…zip, 9999WPL…zip, 9999LIG…zip, 9999STA…zip, GEM-WPL-RELATIE…zip), a single-type zip
(0221PND…zip), a folder, or one XML part. Each part is streamed (bag_xml_bron, bag_xml_parse);
only current voorkomens go to staging tables, in Arrow batches; bag_xml.sql keeps the latest
current voorkomen per object, drops the statuses bag_vervallen() names, joins verblijfsobject,
ligplaats and standplaats to their address and their nevenadressen, and writes the snapshot.
A BAG 1.0 extract (older namespaces) is refused by name (bag_xml_parse).

Every pand, verblijfsobject, ligplaats and standplaats geometry that is loaded must be valid
(GEOS): an invalid one refuses the file, naming part, object, voorkomen and reason (see
_Controle). `streng=True` (`zicht load bag-xml --streng`) checks historical voorkomens too, as
the negative fixture pand-gml-bad.xml (an old, self-intersecting footprint) shows; it is off by
default because the national history is known to hold such footprints, and refusing a
municipality's data over a footprint that is never used would help nobody.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import shapely

from geo.sqlfiles import run_script
from loaders.bag import TABELLEN, gemeente_argument, values
from loaders.bag.leveringsdocument import leveringsdocument
from loaders.bag.objecten import bag_objecten
from loaders.bag.xml_bron import BagXmlInvoer, Deel
from loaders.bag.xml_parse import Voorkomen, gemeente_woonplaats, soort_uit_inhoud, voorkomens
from loaders.base import SourceKind
from loaders.engine_errors import geos_reason
from loaders.errors import InvoerFout
from loaders.gemeente import gemeentecode

SQL = Path(__file__).parents[1] / "sql"
BATCH = 100_000          # rows per Arrow batch written to DuckDB
CONTROLE = 20_000        # geometries validated at once
_S, _I, _B = pa.string(), pa.int32(), pa.binary()
SCHEMAS = {
    "PND": pa.schema([("identificatie", _S), ("voorkomen", _I), ("bouwjaar", _I), ("status", _S),
                      ("wkb", _B)]),
    "VBO": pa.schema([("identificatie", _S), ("voorkomen", _I), ("nummeraanduiding_id", _S),
                      ("pand_identificatie", _S), ("gebruiksdoelen", pa.list_(_S)), ("oppervlakte", _I),
                      ("status", _S), ("wkb", _B), ("nevenadressen", pa.list_(_S))]),
    "LIG": pa.schema([("identificatie", _S), ("voorkomen", _I), ("nummeraanduiding_id", _S),
                      ("status", _S), ("wkb", _B), ("nevenadressen", pa.list_(_S))]),
    "STA": pa.schema([("identificatie", _S), ("voorkomen", _I), ("nummeraanduiding_id", _S),
                      ("status", _S), ("wkb", _B), ("nevenadressen", pa.list_(_S))]),
    "NUM": pa.schema([("identificatie", _S), ("voorkomen", _I), ("huisnummer", _I), ("huisletter", _S),
                      ("toevoeging", _S), ("postcode", _S), ("openbare_ruimte_id", _S),
                      ("woonplaats_id", _S), ("object_type", _S)]),
    "OPR": pa.schema([("identificatie", _S), ("voorkomen", _I), ("naam", _S), ("woonplaats_id", _S)]),
    "WPL": pa.schema([("identificatie", _S), ("voorkomen", _I), ("naam", _S)]),
}


def load(con, path: Path, gemeente: str | None = None, streng: bool = False) -> int:
    """Load pand, verblijfsobject, ligplaats, standplaats and nevenadres (current voorkomen of
    each object) from an LVBAG extract zip (nested zips) or a folder/xml file into the snapshot
    tables of `con`. `gemeente` keeps only panden whose identificatie starts with it (or that
    hold a kept verblijfsobject) and objects whose address lies in it. Returns the number of
    BAG objects loaded (bag_objecten: a panden-only extract counts its panden)."""
    path = Path(path)
    code = gemeentecode(gemeente) if gemeente else None
    voor = bag_objecten(con)
    opslag = _Opslag(con)
    try:
        _lees_alles(path, code, opslag, streng)
        if code is not None and not any(opslag.aantal[s] for s in ("PND", "VBO")):
            raise InvoerFout(path.name, f"geen panden of verblijfsobjecten van gemeente {code} gevonden",
                             veld="gemeente")
        run_script(con, "bag_xml", SQL, gemeente=code)
    except BaseException:
        opslag.ruim_op()
        raise
    return bag_objecten(con) - voor


def _lees_alles(path: Path, code: str | None, opslag: _Opslag, streng: bool) -> None:
    with BagXmlInvoer(path) as bron:
        delen = _delen_met_soort(bron)
        if not any(d.soort in ("VBO", "PND") for d in delen):
            raise InvoerFout(path.name, "geen verblijfsobject- (VBO) of pand-deel (PND) gevonden; "
                                        "is dit een BAG-extract (LVBAG, BAG 2.0)?")
        gwr = next((d for d in delen if d.soort == "GWR"), None)
        relatie = None
        if code is not None and gwr is not None:
            with bron.open(gwr) as stroom:
                relatie = gemeente_woonplaats(stroom, gwr.naam)
        keuze = _Keuze(code, relatie, gwr.naam if gwr else path.name)
        keuze.streng = streng
        for soort in keuze.volgorde:
            for deel in (d for d in delen if d.soort == soort):
                _lees(bron, deel, keuze, opslag)
        opslag.schrijf_alles()


def _delen_met_soort(bron: BagXmlInvoer) -> list[Deel]:
    """All parts; a loose XML file whose name does not tell its type is typed by its content."""
    delen = []
    for deel in bron.delen():
        if deel.soort == "?":
            with bron.open(deel) as stroom:
                soort = soort_uit_inhoud(stroom, deel.naam)
            if soort is None:
                continue
            deel = Deel(deel.naam, soort, deel.keten, deel.bestand)
        delen.append(deel)
    return delen


class _Keuze:
    """Which voorkomens to keep, and in which order the object types are read.

    For one gemeente with GEM-WPL-RELATIE at hand the address decides: woonplaatsen of the
    gemeente -> their openbare ruimten and nummeraanduidingen -> verblijfsobjecten with such a
    hoofdadres -> their panden. Without it, the verblijfsobject identificatie decides and the
    addresses they point to are kept. Panden also count when their identificatie starts with the
    gemeentecode (sheds and garages have no verblijfsobject)."""

    def __init__(self, code: str | None, relatie: dict | None, relatie_naam: str):
        self.code = code
        self.streng = False  # also validate historical geometry (set by load)
        self.via_adres = code is not None and relatie is not None
        self.woonplaatsen = {w for w, g in (relatie or {}).items() if g == code}
        if self.via_adres and not self.woonplaatsen:
            raise InvoerFout(relatie_naam, f"gemeente {code} heeft hier geen woonplaatsen", veld="gemeente")
        self.volgorde = (["WPL", "OPR", "NUM", "VBO", "LIG", "STA", "PND"] if self.via_adres
                         else ["VBO", "LIG", "STA", "NUM", "OPR", "WPL", "PND"])
        self.opr_wpl: dict[str, str] = {}
        self.nummers: set[str] = set()    # kept nummeraanduidingen (via adres) or referenced ones
        self.straten: set[str] = set()    # openbare ruimten referenced by kept nummeraanduidingen
        self.panden: set[str] = set()     # panden referenced by kept verblijfsobjecten

    def pand(self, ident: str) -> bool:
        return self.code is None or ident.startswith(self.code) or ident in self.panden

    def adresseerbaar(self, ident: str, hoofdadres: str) -> bool:
        """A verblijfsobject, ligplaats or standplaats of the gemeente."""
        if self.code is None:
            return True
        return hoofdadres in self.nummers if self.via_adres else ident.startswith(self.code)

    def num(self, ident: str, opr: str, wpl: str | None) -> bool:
        if self.code is None:
            return True
        if self.via_adres:
            return (wpl or self.opr_wpl.get(opr)) in self.woonplaatsen
        return ident in self.nummers

    def opr(self, ident: str) -> bool:
        return self.code is None or self.via_adres or ident in self.straten


def _lees(bron: BagXmlInvoer, deel: Deel, keuze: _Keuze, opslag: _Opslag) -> None:
    controle = _Controle()
    with bron.open(deel) as stroom:
        for vk in voorkomens(stroom, deel.naam):
            rij = _RIJ[vk.soort](vk, keuze, controle)
            if rij is not None:
                opslag.voeg_toe(vk.soort, rij)
    controle.klaar()


def _pand(vk: Voorkomen, keuze: _Keuze, controle: _Controle):
    if not keuze.pand(vk.identificatie) or not (vk.actueel or keuze.streng):
        return None
    wkb = controle.voeg_toe(vk)
    if not vk.actueel:
        return None
    return (vk.identificatie, vk.nummer, vk.geheel("oorspronkelijkBouwjaar"), vk.tekst("status", True), wkb)


def _adresseerbaar(vk: Voorkomen, keuze: _Keuze, controle: _Controle):
    """(hoofdadres, nevenadressen, wkb) of a current verblijfsobject, ligplaats or standplaats
    of the gemeente, else None."""
    hoofdadres = vk.refs("heeftAlsHoofdadres", verplicht=True)[0]
    if not keuze.adresseerbaar(vk.identificatie, hoofdadres) or not (vk.actueel or keuze.streng):
        return None
    wkb = controle.voeg_toe(vk)
    if not vk.actueel:
        return None
    neven = vk.refs("heeftAlsNevenadres")
    if keuze.code is not None and not keuze.via_adres:  # national loads keep no id sets
        keuze.nummers.add(hoofdadres)
        keuze.nummers.update(neven)
    return hoofdadres, neven, wkb


def _vbo(vk: Voorkomen, keuze: _Keuze, controle: _Controle):
    adres = _adresseerbaar(vk, keuze, controle)
    if adres is None:
        return None
    hoofdadres, neven, wkb = adres
    panden = vk.refs("maaktDeelUitVan")
    if keuze.code is not None:
        keuze.panden.update(panden)
    doelen = [d for d in vk.velden.get("gebruiksdoel", ()) if d]
    return (vk.identificatie, vk.nummer, hoofdadres, panden[0] if panden else None, doelen,
            vk.geheel("oppervlakte"), vk.tekst("status", True), wkb, neven)


def _plaats(vk: Voorkomen, keuze: _Keuze, controle: _Controle):
    """A ligplaats or standplaats: a plot with an address, no pand."""
    adres = _adresseerbaar(vk, keuze, controle)
    if adres is None:
        return None
    hoofdadres, neven, wkb = adres
    return (vk.identificatie, vk.nummer, hoofdadres, vk.tekst("status", True), wkb, neven)


def _num(vk: Voorkomen, keuze: _Keuze, controle: _Controle):
    if not vk.actueel:
        return None
    opr = vk.refs("ligtAan", verplicht=True)[0]
    wpl = next(iter(vk.refs("ligtIn")), None)
    if not keuze.num(vk.identificatie, opr, wpl):
        return None
    if keuze.via_adres:
        keuze.nummers.add(vk.identificatie)
    elif keuze.code is not None:
        keuze.straten.add(opr)
    return (vk.identificatie, vk.nummer, vk.geheel("huisnummer", True), vk.tekst("huisletter"),
            vk.tekst("huisnummertoevoeging"), vk.tekst("postcode"), opr, wpl,
            vk.tekst("typeAdresseerbaarObject"))


def _opr(vk: Voorkomen, keuze: _Keuze, controle: _Controle):
    if not vk.actueel or not keuze.opr(vk.identificatie):
        return None
    wpl = vk.refs("ligtIn", verplicht=True)[0]
    if keuze.via_adres:
        keuze.opr_wpl[vk.identificatie] = wpl
    return (vk.identificatie, vk.nummer, vk.tekst("naam", True), wpl)


def _wpl(vk: Voorkomen, keuze: _Keuze, controle: _Controle):
    return (vk.identificatie, vk.nummer, vk.tekst("naam", True)) if vk.actueel else None


_RIJ = {"PND": _pand, "VBO": _vbo, "NUM": _num, "OPR": _opr, "WPL": _wpl, "LIG": _plaats,
        "STA": _plaats}


class _Controle:
    """Geometries read from one part, validated in vectorised batches (shapely/GEOS)."""

    def __init__(self):
        self.wkbs: list[bytes] = []
        self.waar: list[tuple] = []  # where each was read: enough to rebuild the error context

    def voeg_toe(self, vk: Voorkomen) -> bytes:
        wkb = vk.wkb()
        self.wkbs.append(wkb)
        self.waar.append((vk.deel, vk.rij, vk.soort, vk.identificatie, vk.nummer, vk.actueel))
        if len(self.wkbs) >= CONTROLE:
            self.klaar()
        return wkb

    def klaar(self) -> None:
        if not self.wkbs:
            return
        geoms = shapely.from_wkb(np.array(self.wkbs, dtype=object))
        geldig = shapely.is_valid(geoms)
        if not geldig.all():
            i = int(np.argmin(geldig))
            deel, rij, soort, ident, nummer, actueel = self.waar[i]
            vk = Voorkomen(deel, rij, soort, {}, ident, nummer, actueel)
            raise vk.fout("geometrie", f"ongeldige geometrie: {_reden(geoms[i])}")
        self.wkbs, self.waar = [], []


def _reden(geom) -> str:
    """'Self-intersection[247452.48 480187.30]' -> 'de rand snijdt zichzelf bij (247452.480 …)'."""
    reden = shapely.is_valid_reason(geom)
    soort, _, plek = reden.partition("[")
    tekst = geos_reason(soort, soort.strip())
    if plek:
        try:
            x, y = (float(v) for v in plek.rstrip("]").split()[:2])
            tekst += f" bij ({x:.3f} {y:.3f})"
        except ValueError:
            tekst += f" [{plek}"
    return f"{tekst} (GEOS: {reden})"


class _Opslag:
    """Staging tables bag_xml_pnd/vbo/lig/sta/num/opr/wpl, filled in Arrow batches."""

    def __init__(self, con):
        self.con = con
        self.rijen: dict[str, list] = {soort: [] for soort in SCHEMAS}
        self.aantal: dict[str, int] = dict.fromkeys(SCHEMAS, 0)
        for soort, schema in SCHEMAS.items():
            self._schrijf(f"CREATE OR REPLACE TEMP TABLE bag_xml_{soort.lower()} AS "
                          "SELECT * FROM bag_xml_batch", schema.empty_table())

    def voeg_toe(self, soort: str, rij: tuple) -> None:
        rijen = self.rijen[soort]
        rijen.append(rij)
        if len(rijen) >= BATCH:
            self.schrijf(soort)

    def schrijf(self, soort: str) -> None:
        rijen, schema = self.rijen[soort], SCHEMAS[soort]
        if not rijen:
            return
        kolommen = zip(*rijen, strict=True)
        kolommen = [pa.array(k, type=veld.type) for k, veld in zip(kolommen, schema, strict=True)]
        self._schrijf(f"INSERT INTO bag_xml_{soort.lower()} SELECT * FROM bag_xml_batch",
                      pa.Table.from_arrays(kolommen, schema=schema))
        self.aantal[soort] += len(rijen)
        rijen.clear()

    def schrijf_alles(self) -> None:
        for soort in SCHEMAS:
            self.schrijf(soort)

    def ruim_op(self) -> None:
        """Drop the staging tables (and bag_xml.sql's) after a failure."""
        for (naam,) in self.con.execute("SELECT table_name FROM duckdb_tables() WHERE temporary "
                                        "AND table_name LIKE 'bag\\_xml\\_%' ESCAPE '\\'").fetchall():
            self.con.execute(f'DROP TABLE IF EXISTS "{naam}"')

    def _schrijf(self, sql: str, tabel: pa.Table) -> None:
        self.con.register("bag_xml_batch", tabel)
        try:
            self.con.execute(sql)
        finally:
            self.con.unregister("bag_xml_batch")


def _argumenten(p) -> None:
    gemeente_argument(p)
    p.add_argument("--streng", action="store_true",
                   help="controleer ook de geometrie van historische voorkomens")


def _load(con, bron) -> int:
    rijen = load(con, bron.path, bron.opties.get("gemeente"), bool(bron.opties.get("streng")))
    values.check(con, bron.path.name)
    return rijen


SOORT = SourceKind(
    naam="bag-xml", omschrijving="BAG (LVBAG XML-extract)", rol="bag", load=_load,
    hulp="BAG uit een LVBAG XML-extract (zip met zips, map of xml)", argumenten=_argumenten,
    opties=lambda args: {"gemeente": args.gemeente, "streng": args.streng},
    peildatum=leveringsdocument, tabellen=TABELLEN)
