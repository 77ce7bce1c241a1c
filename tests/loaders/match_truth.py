"""Truth set for the KVK -> BAG match, on real BAG addresses with their real ids.

The BAG is the real Amsterdam sample (../shared/fixtures/bag/bagadres-full-amsterdam.csv):
verblijfsobjecten with their hoofdadres go in through the verblijfsobject table like a loaded BAG;
nevenadressen, ligplaatsen and standplaatsen go straight into bag_adres, the address table the
matcher joins. Companies are written on those addresses in the spellings real KVK and DOOK files
carry, by a seeded generator (the same set every run) plus hand-written hard cases, each with the
true BAG object known (None: the address does not exist in BAG and must not match with
certainty). The REAL match.sql runs on them; `tabel` gives precision and recall per score band,
per rule and per spelling.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from geo.sqlfiles import run_script
from loaders.pipeline import SQL

ZEKER = 0.9
BANDEN = ((0.9, 1.01, "≥ 0,90"), (0.8, 0.9, "0,80–0,89"), (0.6, 0.8, "0,60–0,79"),
          (0.0, 0.6, "< 0,60"))


@dataclass(frozen=True)
class Adres:
    straat: str
    nr: int
    letter: str
    toev: str
    pc: str
    plaats: str
    num_id: str
    object_id: str
    soort: str          # VBO | LIG | STA
    neven: bool
    x: float
    y: float


@dataclass(frozen=True)
class Geval:
    """One company as a KVK file writes it, and the BAG object it truly is at (or None)."""
    spelling: str
    waar: str | None
    straat: str | None = None
    huisnummer: str | None = None
    huisletter: str | None = None
    toevoeging: str | None = None
    postcode: str | None = None
    plaats: str | None = None
    bag_id: str | None = None
    rd_x: float | None = None
    rd_y: float | None = None


def lees_adressen(pad: Path) -> list[Adres]:
    with pad.open(encoding="utf-8", newline="") as f:
        return [Adres(r["openbareruimte"], int(r["huisnummer"]), r["huisletter"],
                      r["huisnummertoevoeging"], r["postcode"], r["woonplaats"],
                      r["nummeraanduiding"], r["object_id"], r["object_type"],
                      r["nevenadres"] == "t", float(r["x"]), float(r["y"]))
                for r in csv.DictReader(f, delimiter=";")]


def laad_bag(con, adressen: list[Adres]) -> None:
    """A snapshot schema with this BAG in it and bag_adres built (adres_norm.sql)."""
    run_script(con, "schema")
    run_script(con, "kvk_staging", SQL)
    for a in adressen:
        if a.soort == "VBO" and not a.neven:
            con.execute("INSERT INTO verblijfsobject (identificatie, nummeraanduiding_id, "
                        "openbare_ruimte, huisnummer, huisletter, toevoeging, postcode, "
                        "woonplaats, geom) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ST_Point(?, ?))",
                        [a.object_id, a.num_id, a.straat, a.nr, a.letter or None,
                         a.toev or None, a.pc, a.plaats, a.x, a.y])
    run_script(con, "adres_norm", SQL)
    for a in adressen:
        if a.soort != "VBO" or a.neven:
            con.execute(
                "INSERT INTO bag_adres BY NAME SELECT ? AS vbo, ? AS nummeraanduiding_id, "
                "? AS pc, ? AS nr, norm_suffix(? || ?) AS sfx, norm_straat(?) AS straat, "
                "lower(?) AS plaats, ? AS adres, ST_Point(?, ?) AS geom",
                [a.object_id, a.num_id, a.pc, a.nr, a.letter, a.toev, a.straat, a.plaats,
                 f"{a.straat} {a.nr}{a.letter}{'-' + a.toev if a.toev else ''} {a.pc}", a.x, a.y])


# --- The generator: one spelling per company, drawn with weights among those that apply. ----

def _suffix(a: Adres) -> str:
    return a.letter + (("-" if a.letter else "") + a.toev if a.toev else "")


def _velden(a: Adres, **anders) -> dict:
    return {"straat": a.straat, "huisnummer": str(a.nr), "huisletter": a.letter or None,
            "toevoeging": a.toev or None, "postcode": a.pc, "plaats": a.plaats, **anders}


def _in_huisnummer(a: Adres, r: random.Random) -> dict:
    # '100' + '3R' written together would be a different number: not a real spelling
    scheiding = r.choice(["-", " "] if _suffix(a)[0].isdigit() else ["-", " ", ""])
    return _velden(a, huisnummer=f"{a.nr}{scheiding}{_suffix(a)}".strip(), huisletter=None,
                   toevoeging=None)


def _postcode_vorm(a: Adres, r: random.Random) -> dict:
    vorm = r.choice([a.pc.lower(), f"{a.pc[:4]} {a.pc[4:]}", f"{a.pc[:4]}-{a.pc[4:]}",
                     f" {a.pc[:4]} {a.pc[4:].lower()} "])
    return _velden(a, postcode=vorm)


def _verwisseld(a: Adres, r: random.Random) -> dict:
    return _velden(a, huisletter=a.toev or None, toevoeging=a.letter or None)


def _begane_grond(a: Adres, r: random.Random) -> dict:
    woord = r.choice(["hs", "huis", "bg", "beg", "h", "HS", "b.g."])
    return _velden(a, toevoeging=woord)


def _verdieping(a: Adres, r: random.Random) -> dict:
    n = int(a.toev)
    romeins = {1: "I", 2: "II", 3: "III", 4: "IV"}.get(n, str(n))
    woord = r.choice([f"{n} hoog", f"{n}e etage", romeins, f"0{n}", f"{n}e verd.", f"{n}-hoog",
                      f"{n}hg"])
    return _velden(a, toevoeging=woord)


def _verdieping_kant(a: Adres, r: random.Random) -> dict:
    kant = {"L": "links", "R": "rechts"}[a.toev[-1]]
    return _velden(a, toevoeging=r.choice([f"{a.toev[:-1]} hoog {kant}", f"{a.toev[:-1]}-{kant}",
                                           f"{a.toev[:-1]} {a.toev[-1].lower()}"]))


def _zonder_postcode(a: Adres, r: random.Random) -> dict:
    return _velden(a, postcode=r.choice([None, "", " "]),
                   plaats=r.choice([a.plaats, a.plaats.upper(), a.plaats.lower()]))


def _postcode_tikfout(a: Adres, r: random.Random) -> dict:
    return _velden(a, postcode=a.pc[:4] + a.pc[5] + a.pc[4] if a.pc[4] != a.pc[5]
                   else a.pc[:4] + "ZZ")


STRAATVARIANT = {"De Ruijterkade": ["De Ruyterkade", "de ruijterkade", "De Ruijter kade"],
                 "Prins Hendrikkade": ["Pr. Hendrikkade", "Prins Hendrikkd", "PRINS HENDRIKKADE"],
                 "Oosterdokskade": ["Oosterdokskd.", "Oosterdoks kade"],
                 "Houtkopersdwarsstraat": ["Houtkopersdwarsstr.", "Houtkopers dwarsstraat"]}


def _straat_variant(a: Adres, r: random.Random) -> dict:
    return _velden(a, straat=r.choice(STRAATVARIANT[a.straat]), postcode=None)


def _bag_id(a: Adres, r: random.Random) -> dict:
    vorm = r.choice(["object", "num", "zonder_nul", "uri"])
    bag_id = {"object": a.object_id, "num": a.num_id, "zonder_nul": a.num_id.lstrip("0"),
              "uri": f"NL.IMBAG.Nummeraanduiding.{a.num_id}"}[vorm]
    return _velden(a, bag_id=bag_id)


def _bag_id_onbekend(a: Adres, r: random.Random) -> dict:
    # an id of another municipality (gemeente 0599): not in this BAG; the address is right
    return _velden(a, bag_id="0599" + a.object_id[4:])


def _suffix_weg(a: Adres, r: random.Random) -> dict:
    return _velden(a, huisletter=None, toevoeging=None)


def _coordinaten(a: Adres, r: random.Random) -> dict:
    return {"straat": None, "huisnummer": None, "postcode": None, "plaats": a.plaats,
            "rd_x": a.x + r.uniform(-2, 2), "rd_y": a.y + r.uniform(-2, 2)}


# (spelling, weight, applies to, writer). Weights follow what real KVK and DOOK files carry:
# mostly BAG's own fields, often the BAG id; suffix and postcode written in free forms.
SPELLINGEN = (
    ("velden_als_bag", 20, lambda a: True, lambda a, r: _velden(a)),
    ("bag_id", 15, lambda a: True, _bag_id),
    ("alles_in_huisnummer", 12, lambda a: bool(_suffix(a)), _in_huisnummer),
    ("postcode_vorm", 10, lambda a: True, _postcode_vorm),
    ("letter_en_toevoeging_verwisseld", 5, lambda a: bool(a.letter or a.toev), _verwisseld),
    ("begane_grond_woord", 8, lambda a: a.toev == "H" and not a.letter, _begane_grond),
    ("verdieping_woord", 8, lambda a: a.toev.isdigit() and not a.letter, _verdieping),
    ("verdieping_links_rechts", 8, lambda a: a.toev[-1:] in ("L", "R") and a.toev[:-1].isdigit(),
     _verdieping_kant),
    ("zonder_postcode", 6, lambda a: True, _zonder_postcode),
    ("postcode_tikfout", 4, lambda a: True, _postcode_tikfout),
    ("straatnaam_anders_zonder_postcode", 3, lambda a: a.straat in STRAATVARIANT,
     _straat_variant),
    ("bag_id_onbekend", 3, lambda a: True, _bag_id_onbekend),
    ("toevoeging_weggelaten", 2, lambda a: bool(_suffix(a)), _suffix_weg),
    ("alleen_coordinaten", 1, lambda a: True, _coordinaten),
)

# Negative spellings: the address does not exist in BAG. Never a certain match.
NEGATIEF = (
    ("neg_nummer_bestaat_niet", lambda a, r: _velden(a, huisnummer=str(a.nr + 1000))),
    ("neg_toevoeging_bestaat_niet", lambda a, r: _velden(
        a, toevoeging=r.choice(["9", "Z", "4R", "7"]) if a.toev else r.choice(["9", "3", "Z"]),
        huisletter=None if not a.toev else a.letter or None)),
    ("neg_toevoeging_onbegrijpelijk", lambda a, r: _velden(
        a, toevoeging=r.choice(["zw", "unit 3", "achter", "kamer 2", "ged.", "t/m 5", "bov"]))),
)


def genereer(adressen: list[Adres], per_adres: int = 8, seed: int = 11) -> list[Geval]:
    r = random.Random(seed)
    gevallen = []
    for a in adressen:
        passend = [s for s in SPELLINGEN if s[2](a)]
        for _ in range(per_adres):
            naam, _, _, schrijf = r.choices(passend, weights=[s[1] for s in passend])[0]
            gevallen.append(Geval(naam, a.object_id, **schrijf(a, r)))
        for naam, schrijf in NEGATIEF:
            gevallen.append(Geval(naam, None, **schrijf(a, r)))
    return gevallen


# Hand-written hard cases on the real addresses (see the CSV: 105 has 1, 2, 3 and H on one point;
# 106-H is a nevenadres of the object of 105-H; Oosterdokskade 32 and 34 are two ligplaatsen on
# one point; 112 has one plain address; 107 has plain, H and 5).
def _h(spelling, waar, **velden) -> Geval:
    return Geval(spelling, waar, **{"plaats": "Amsterdam", **velden})


HANDWERK = [
    _h("hand_nevenadres", "0363010000785105", straat="De Ruijterkade", huisnummer="106",
       toevoeging="H", postcode="1011AB"),
    _h("hand_nevenadres_hs", "0363010000785105", straat="De Ruijterkade", huisnummer="106 hs",
       postcode="1011 AB"),
    _h("hand_nevenadres_numid", "0363010000785105", bag_id="0363200000081089"),
    _h("hand_ligplaats", "0363020001025735", straat="Oosterdokskade", huisnummer="8",
       postcode="1011ae"),
    _h("hand_ligplaats_letter", "0363020001025674", straat="Oosterdokskade", huisnummer="36-b",
       postcode="1011AE"),
    _h("hand_standplaats", "0363030003702324", straat="Oosterdokskade", huisnummer="6",
       postcode="1011-AE"),
    _h("hand_huis_op_enig_adres", "0363010000618805", straat="De Ruijterkade", huisnummer="112",
       toevoeging="hs", postcode="1011AB"),
    _h("hand_huis_naast_plain", "0363010000618800", straat="De Ruijterkade", huisnummer="107",
       toevoeging="huis", postcode="1011AB"),
    _h("hand_plain_naast_suffixen", "0363010000977860", straat="De Ruijterkade",
       huisnummer="107", postcode="1011AB"),
    _h("hand_letter_en_toevoeging_in_huisnummer", "0363010000783117",
       straat="Prins Hendrikkade", huisnummer="99 B 2", postcode="1011AG"),
    _h("hand_toevoeging_voor_letter", "0363010000783117", straat="Prins Hendrikkade",
       huisnummer="99", huisletter="2", toevoeging="b", postcode="1011AG"),
    _h("hand_romeins_links", "0363010000995141", straat="Prins Hendrikkade", huisnummer="100",
       toevoeging="II L", postcode="1011AH"),
    _h("hand_nul_voor", "0363010000783139", straat="Prins Hendrikkade", huisnummer="102",
       toevoeging="04", postcode="1011AH"),
    # negatives: not in BAG, or not decidable; none may be certain
    _h("hand_neg_suffix_weg_bij_flats", None, straat="De Ruijterkade", huisnummer="105",
       postcode="1011AB"),
    _h("hand_neg_coordinaten_op_flatpunt", None, rd_x=122177.0, rd_y=487877.0),
    _h("hand_neg_twee_ligplaatsen_op_een_punt", None, rd_x=122424.6, rd_y=487574.3),
    _h("hand_neg_bis_onbekend", None, straat="De Ruijterkade", huisnummer="107bis",
       postcode="1011AB"),
    _h("hand_neg_onbekende_toevoeging_op_enig_adres", None, straat="De Ruijterkade",
       huisnummer="112", toevoeging="3", postcode="1011AB"),
    _h("hand_neg_hoog_zonder_getal", None, straat="De Ruijterkade", huisnummer="112",
       toevoeging="hoog", postcode="1011AB"),
    _h("hand_neg_letter_bestaat_niet", None, straat="Prins Hendrikkade", huisnummer="104",
       huisletter="E", postcode="1011AJ"),
    _h("hand_neg_verdieping_die_er_niet_is", None, straat="Prins Hendrikkade", huisnummer="100",
       toevoeging="4 hoog", postcode="1011AH"),
    _h("hand_neg_achter", None, straat="Prins Hendrikkade", huisnummer="103",
       toevoeging="1 hoog achter", postcode="1011AH"),
    _h("hand_neg_buiten_gemeente", None, straat="Coolsingel", huisnummer="40",
       postcode="3011AD", plaats="Rotterdam"),
    _h("hand_neg_bag_id_onbekend_geen_adres", None, bag_id="0599010000000001"),
]


def koppel(con, gevallen: list[Geval]) -> list[dict]:
    """Run the real match.sql on the cases; one result row per case (same order)."""
    velden = ("straat", "huisnummer", "huisletter", "toevoeging", "postcode", "plaats", "bag_id",
              "rd_x", "rd_y")
    tabel = pa.table({"vestigingsnummer": [f"{i:012d}" for i in range(1, len(gevallen) + 1)],
                      "naam": [g.spelling for g in gevallen],
                      "rij": list(range(1, len(gevallen) + 1)),
                      **{v: [getattr(g, v) for g in gevallen] for v in velden}})
    con.register("waarheid_invoer", tabel)
    con.execute("INSERT INTO kvk_invoer BY NAME SELECT *, 'waarheid' AS bron, 2 AS voorrang "
                "FROM waarheid_invoer")
    con.unregister("waarheid_invoer")
    run_script(con, "kvk_uniek", SQL)  # the duplicate rule makes kvk_uniek, which match.sql reads
    run_script(con, "match", SQL)
    rijen = con.execute("""
        SELECT v.vestigingsnummer, v.verblijfsobject_id, v.match_methode, v.match_score,
               v.match_status,
               k.regel, k.kandidaten
        FROM vestiging v
        LEFT JOIN (SELECT vestigingsnummer, arg_min(regel, rang) AS regel,
                          list(verblijfsobject_id) AS kandidaten
                   FROM koppel_kandidaat GROUP BY ALL) k USING (vestigingsnummer)
        ORDER BY v.vestigingsnummer""").fetchall()
    uit = []
    for g, (_, vbo, methode, score, status, regel, kandidaten) in zip(gevallen, rijen,
                                                                        strict=True):
        uit.append({"geval": g, "vbo": vbo, "methode": methode, "score": score,
                    "status": status, "regel": regel or "geen", "kandidaten": kandidaten or [],
                    "goed": vbo is not None and vbo == g.waar})
    return uit


def bouw(pad: Path) -> tuple:
    """(connection with the matched truth set, addresses, results), for tests and the bench."""
    from geo.db import connect

    adressen = lees_adressen(pad)
    con = connect()
    laad_bag(con, adressen)
    return con, adressen, koppel(con, genereer(adressen) + HANDWERK)


def nummer(resultaten: list[dict], spelling: str) -> str:
    """The vestigingsnummer of the first case with this spelling."""
    return next(f"{i:012d}" for i, r in enumerate(resultaten, start=1)
                if r["geval"].spelling == spelling)


def band(score: float) -> str:
    return next(naam for lo, hi, naam in BANDEN if lo <= score < hi)


def _telling(rijen: list[dict]) -> dict:
    gekozen = [r for r in rijen if r["vbo"] is not None]
    positief = [r for r in rijen if r["geval"].waar is not None]
    return {"n": len(rijen), "gekozen": len(gekozen),
            "goed": sum(r["goed"] for r in gekozen),
            "precisie": sum(r["goed"] for r in gekozen) / len(gekozen) if gekozen else None,
            "positief": len(positief),
            "recall": sum(r["goed"] for r in positief) / len(positief) if positief else None,
            "zeker_recall": sum(r["goed"] and r["score"] >= ZEKER for r in positief)
            / len(positief) if positief else None,
            "in_kandidaten": sum(r["geval"].waar in r["kandidaten"] for r in positief)
            / len(positief) if positief else None}


def tabel(resultaten: list[dict]) -> dict[str, dict[str, dict]]:
    """Counts, precision and recall overall, per score band, per rule and per spelling."""
    def per(sleutel) -> dict[str, dict]:
        groepen: dict[str, list[dict]] = {}
        for r in resultaten:
            groepen.setdefault(sleutel(r), []).append(r)
        return {k: _telling(v) for k, v in sorted(groepen.items())}

    return {"totaal": {"alles": _telling(resultaten)},
            "band": per(lambda r: band(r["score"]) if r["vbo"] is not None else r["status"]),
            "methode": per(lambda r: r["methode"]),
            "regel": per(lambda r: r["regel"] if r["vbo"] is not None else r["status"]),
            "spelling": per(lambda r: r["geval"].spelling)}


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"


def tekst(t: dict[str, dict[str, dict]]) -> str:
    regels = []
    for deel, groepen in t.items():
        regels.append(f"\n{deel:<40} {'n':>5} {'gekozen':>8} {'precisie':>9} {'recall':>8} "
                      f"{'zeker':>7} {'in kand.':>9}")
        for naam, c in groepen.items():
            regels.append(f"{naam:<40} {c['n']:>5} {c['gekozen']:>8} {_pct(c['precisie']):>9} "
                          f"{_pct(c['recall']):>8} {_pct(c['zeker_recall']):>7} "
                          f"{_pct(c['in_kandidaten']):>9}")
    return "\n".join(regels)
