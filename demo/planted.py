"""The deliberate situations in Demostad, which the indicators must find.

Two of them happen in October 2026, between the previous demo snapshot (demo/vorige.py)
and the current one, so "Wat is er veranderd" has a signal that appears (a new massage salon on
a dwelling in the massage buurt) and one that goes (a vacant business building gets a tenant).

`plant` picks the addresses (reserved: no ordinary vestiging lands there) and makes the rows;
`describe` turns them into planted.json once every row has its vestigingsnummer. Planted rows
always carry a BAG numid and a clean address, so a test can follow them through the files.
"""

from __future__ import annotations

import numpy as np

from demo import companies as co
from demo import sbi
from demo.city import BVG, FLAT, HAL, KANTOOR
from demo.town import refresh_pand_area
from demo.units import CENTRE, HOME, INDUSTRY, KANTOOR_F, OFFICE, WINKEL_F, WOON
from demo.vorige import PEILDATUM_VORIGE

DAY = co.DAY
NIEUW_IN_OKTOBER = "2026-10-12"     # after the previous demo snapshot's peildatum (1 Oct)
VERHUURD_IN_OKTOBER = "2026-10-20"
BRANCH = {(b.sbi2008, b.plek): b for b in sbi.BRANCHES}
MAILBOX_MIX = ("6420", "70102", "6810", "70221", "78201", "46902", "4941", "43999", "6201")
PARAMEDISCHE_MASSAGE = sbi.Branch("86919", "86994", 0.0, "centre", "zzp", "massage",
                                  "Massagepraktijk")
TURNOVER_MIX = ("4742", "56102", "96021", "4726", "4711", "47192", "96022")


def _branch(code: str) -> sbi.Branch:
    for plek in ("office", "industry", "centre", "home", "facility"):
        if (code, plek) in BRANCH:
            return BRANCH[(code, plek)]
    raise KeyError(code)


class Planter:
    """Collects planted rows and reserved addresses for one town."""

    def __init__(self, town, rng: np.random.Generator):
        self.town, self.rng = town, rng
        self.vbo = town.vbo
        self.reserved = np.zeros(len(self.vbo["identificatie"]), bool)
        self.frames: list[dict] = []
        self.spec: dict = {}
        self.size = 0

    def pick(self, mask: np.ndarray, n: int, prefer: np.ndarray | None = None) -> np.ndarray:
        """`n` distinct free, active addresses from `mask` (preferred ones first)."""
        cand = np.flatnonzero(mask & self.vbo["active"] & ~self.reserved)
        if len(cand) < n:
            raise RuntimeError(f"Demostad te klein voor geplante situatie ({len(cand)} < {n})")
        cand = cand[self.rng.permutation(len(cand))]
        if prefer is not None:
            cand = cand[np.argsort(~prefer[cand], kind="stable")]
        self.reserved[cand[:n]] = True
        return cand[:n]

    def add(self, vbo, codes, start, end=None, rechtsvorm=None, kind=None) -> np.ndarray:
        """Rows on addresses `vbo` with branches `codes`; returns their planted row numbers."""
        n = len(vbo)
        frame = co.empty(n)
        branches = [c if isinstance(c, sbi.Branch) else _branch(c) for c in codes]
        co.set_branch(frame, np.arange(n), branches)
        frame["vbo"][:] = vbo
        frame["start"][:] = start
        if end is not None:
            frame["end"][:] = end
        profiles = [b.vorm for b in branches]
        frame["rechtsvorm"] = co.legal_forms(profiles, self.rng) if rechtsvorm is None \
            else np.full(n, rechtsvorm, dtype=object)
        if kind is not None:
            frame["kind"][:] = kind
        frame["tag"][:] = "planted"
        frame["ond"] = np.arange(n) + 10_000_000 + self.size
        self.frames.append(frame)
        rows = np.arange(self.size, self.size + n)
        self.size += n
        return rows

    def dates(self, n: int, first: str, last: str) -> np.ndarray:
        lo, hi = np.datetime64(first), np.datetime64(last)
        return lo + self.rng.integers(0, int((hi - lo) / DAY), n) * DAY


def plant(town, rng: np.random.Generator):
    """Plant all situations in `town` (Demostad); returns (frame, reserved mask, spec)."""
    p = Planter(town, rng)
    v = town.vbo
    _many_registrations(p, v)
    _stichtingen(p, v)
    _massage(p, v, town)
    _keyword_only(p, v)
    _automotive(p, v)
    _turnover(p, v)
    _short_lived(p, v)
    _floor_area(p, v)
    _vacancy(p, v, town)
    _october(p, v, town)
    refresh_pand_area(town)
    return co.concat(p.frames), p.reserved, p.spec


def _unit(v, park: int, gd: int | None = None):
    mask = (v["park"] == park) & (v["kind"] == BVG)
    return mask if gd is None else mask & ((v["gd"] & gd) > 0)


def _many_registrations(p: Planter, v) -> None:
    addr = p.pick(_unit(v, 1, KANTOOR_F), 1)[0]
    v["oppervlakte"][addr] = 32
    codes = [MAILBOX_MIX[i % len(MAILBOX_MIX)] for i in range(27)]
    rows = p.add(np.full(27, addr), codes, p.dates(27, "2018-03-01", "2026-10-15"))
    p.spec["veel_inschrijvingen"] = {"vbo": addr, "rows": rows}


def _stichtingen(p: Planter, v) -> None:
    addr = p.pick((v["pool"] == OFFICE) & (v["kind"] == KANTOOR) & (v["park"] < 0), 1)[0]
    codes = ["94996", "88999", "94996", "94996", "88999", "94996", "94996"]
    rows = p.add(np.full(7, addr), codes, p.dates(7, "2014-01-01", "2026-06-30"),
                 rechtsvorm="Stichting")
    p.spec["stichtingen"] = {"vbo": addr, "rows": rows}


def _massage(p: Planter, v, town) -> None:
    free = v["active"] & (v["gd"] == WOON) & (v["pool"] == HOME) & ~p.reserved
    buurt_park = np.array(town.layout.buurt_park)
    wijk = np.array(town.layout.buurt_wijk)
    count = np.bincount(v["buurt"][free], minlength=len(buurt_park))
    count[(buurt_park >= 0) | (wijk == 0)] = 0
    buurt = int(np.argmax(count))
    addr = p.pick(free & (v["buurt"] == buurt), 11, prefer=v["kind"] == FLAT)
    codes = [sbi.MASSAGE[i % 3] for i in range(11)]
    rows = p.add(addr, codes, p.dates(11, "2021-06-01", "2026-09-30"))
    p.spec["massage_cluster"] = {"buurt": buurt, "rows": rows}


def _keyword_only(p: Planter, v) -> None:
    """Massage in the name, a paramedical SBI code, on a shop address: only a keyword finds it."""
    addr = p.pick((v["pool"] == CENTRE) & ((v["gd"] & WINKEL_F) > 0), 2)
    rows = p.add(addr, [PARAMEDISCHE_MASSAGE] * 2, p.dates(2, "2019-01-01", "2025-06-30"))
    p.spec["alleen_trefwoord"] = {"rows": rows}


def _automotive(p: Planter, v) -> None:
    addr = p.pick((v["park"] == 0) & (v["pool"] == INDUSTRY), 16, prefer=v["kind"] == HAL)
    old = [b for b in sbi.AUTOMOTIVE if b.sbi2008.startswith("45")]
    codes = [old[i % len(old)] for i in range(16)]
    start = np.concatenate([p.dates(11, "2012-01-01", "2025-09-01"),
                            p.dates(5, "2025-09-08", "2026-10-01")])
    rows = p.add(addr, codes, start)
    without = rows[p.rng.permutation(16)[:6]]
    p.spec["automotive_cluster"] = {"park": 0, "rows": rows, "zonder_rdw": np.sort(without)}


def _turnover(p: Planter, v) -> None:
    addrs = p.pick((v["pool"] == CENTRE) & ((v["gd"] & WINKEL_F) > 0), 3)
    window = co.PEILDATUM - 730 * DAY
    out = []
    for addr in addrs:
        k = np.arange(10)
        start = window + (10 + k * 72 + p.rng.integers(0, 8, 10)) * DAY
        end = (start + p.rng.integers(35, 62, 10) * DAY).astype("datetime64[D]")
        end[-1] = co.NAT
        codes = [TURNOVER_MIX[i] for i in p.rng.integers(0, len(TURNOVER_MIX), 10)]
        out.append({"vbo": addr, "rows": p.add(np.full(10, addr), codes, start, end)})
    p.spec["hoog_verloop"] = out


def _short_lived(p: Planter, v) -> None:
    addr = p.pick((v["pool"] == CENTRE) | (v["pool"] == OFFICE), 1)[0]
    start = np.datetime64("2016-02-01") + (np.arange(6) * 430 + p.rng.integers(0, 30, 6)) * DAY
    end = start + p.rng.integers(60, 330, 6) * DAY
    codes = [TURNOVER_MIX[i] for i in p.rng.integers(0, len(TURNOVER_MIX), 6)]
    one = p.add(np.full(6, addr), codes, start, end)
    others = p.pick(v["pool"] == HOME, 20)
    start = p.dates(20, "2015-01-01", "2025-06-01")
    end = start + p.rng.integers(30, 340, 20) * DAY
    home = [b for b in sbi.BRANCHES if b.plek == "home"]
    codes = [home[i] for i in p.rng.integers(0, len(home), 20)]
    rest = p.add(others, codes, start, end)
    p.spec["kortlevend"] = {"vbo": addr, "rows_adres": one, "rows": np.concatenate([one, rest])}


def _floor_area(p: Planter, v) -> None:
    tiny = p.pick(_unit(v, 2), 1)[0]
    v["oppervlakte"][tiny] = 18
    logistics = p.add(np.array([tiny]), ["52109"], p.dates(1, "2021-01-01", "2025-06-01"),
                      rechtsvorm="Besloten Vennootschap")
    small = p.pick(_unit(v, 1), 1)[0]
    v["oppervlakte"][small] = 40
    codes = [MAILBOX_MIX[i] for i in p.rng.integers(0, len(MAILBOX_MIX), 12)]
    crowd = p.add(np.full(12, small), codes, p.dates(12, "2019-01-01", "2026-10-01"))
    p.spec["oppervlakte"] = {"klein": {"vbo": tiny, "rows": logistics},
                             "vol": {"vbo": small, "rows": crowd}}


def _vacancy(p: Planter, v, town) -> None:
    pand = v["pand"]
    hall = (v["kind"] == HAL) & (v["park"] == 2)
    ok_vbo = hall & v["active"] & (v["pool"] == INDUSTRY) & ~p.reserved
    n_total = np.bincount(pand[hall], minlength=len(town.pand["identificatie"]))
    n_ok = np.bincount(pand[ok_vbo], minlength=len(n_total))
    cand = np.flatnonzero((n_total > 0) & (n_total == n_ok))
    chosen = np.sort(p.rng.choice(cand, 4, replace=False))
    members = np.flatnonzero(np.isin(pand, chosen))
    p.reserved[members] = True
    first = members[np.unique(pand[members], return_index=True)[1]]
    start = p.dates(4, "2012-01-01", "2021-12-31")
    end = p.dates(4, "2023-01-01", "2026-08-31")
    codes = ["52109", "46902", "2562", "4941"]
    rows = p.add(first, codes, start, end)
    p.spec["leegstand"] = {"panden": chosen, "vbo": members, "rows": rows}


def _october(p: Planter, v, town) -> None:
    """What happens between the two demo snapshots: a new salon, a vacant hall let again."""
    cluster = p.spec["massage_cluster"]
    home = v["active"] & (v["gd"] == WOON) & (v["pool"] == HOME) & (v["buurt"] == cluster["buurt"])
    salon = p.pick(home, 1)
    row = p.add(salon, [sbi.MASSAGE[2]], np.datetime64(NIEUW_IN_OKTOBER))
    cluster["rows"] = np.concatenate([cluster["rows"], row])
    hall = _free_hall(p, v, town, park=1)
    members = np.flatnonzero(v["pand"] == hall)
    p.reserved[members] = True
    tenant = p.add(members[:1], ["46902"], np.datetime64(VERHUURD_IN_OKTOBER),
                   rechtsvorm="Besloten Vennootschap")
    p.spec["oktober"] = {"rows_salon": row, "salon_vbo": salon[0], "hal": hall,
                         "hal_vbo": members[0], "rows_huurder": tenant}


def _free_hall(p: Planter, v, town, park: int) -> int:
    """A hall on park `park` whose units are all free, in use and meant for industry."""
    pand = v["pand"]
    hall = (v["kind"] == HAL) & (v["park"] == park)
    ok_vbo = hall & v["active"] & (v["pool"] == INDUSTRY) & ~p.reserved
    n_total = np.bincount(pand[hall], minlength=len(town.pand["identificatie"]))
    n_ok = np.bincount(pand[ok_vbo], minlength=len(n_total))
    cand = np.flatnonzero((n_total > 0) & (n_total == n_ok))
    return int(p.rng.choice(cand))


def shift(spec, offset: int):
    """Row numbers of the planted frame -> row numbers after appending it at `offset`."""
    if isinstance(spec, dict):
        return {k: (v + offset if k.startswith("rows") or k == "zonder_rdw" else shift(v, offset))
                for k, v in spec.items()}
    if isinstance(spec, list):
        return [shift(s, offset) for s in spec]
    return spec


def describe(spec: dict, frame: dict, town, buurtcodes: list[str], rin: list[int]) -> dict:
    """planted.json: every situation with the identifiers a test or an analyst can check."""
    nrs = frame["vestnr"]
    reg, st = spec["veel_inschrijvingen"], spec["stichtingen"]
    return {
        "peildatum": str(co.PEILDATUM),
        "veel_inschrijvingen": {**_address(town, reg["vbo"]), "actief": 27,
                                "vestigingsnummers": _list(nrs[reg["rows"]])},
        "stichtingen": {**_address(town, st["vbo"]), "actieve_stichtingen": 7,
                        "vestigingsnummers": _list(nrs[st["rows"]])},
        "massage_cluster": _describe_massage(spec["massage_cluster"], frame, town, buurtcodes),
        "alleen_trefwoord": {
            "toelichting": "massage in de naam, SBI 86919 (paramedisch), op een winkeladres",
            "vestigingsnummers": _list(nrs[spec["alleen_trefwoord"]["rows"]])},
        "automotive_cluster": _describe_automotive(spec["automotive_cluster"], frame, town, rin),
        "hoog_verloop": [_describe_turnover(t, frame, town) for t in spec["hoog_verloop"]],
        "kortlevend": _describe_short(spec["kortlevend"], frame, town),
        "oppervlakte": _describe_area(spec["oppervlakte"], frame, town),
        "leegstand": {
            "bedrijventerrein": town.layout.park_names[2],
            "pand_ids": _list(town.pand["identificatie"][spec["leegstand"]["panden"]]),
            "verblijfsobject_ids": _list(town.vbo["identificatie"][spec["leegstand"]["vbo"]])},
        "oktober": _describe_october(spec["oktober"], frame, town),
        "drempels_elders": {"max_actief_per_adres": 6, "max_stichtingen_per_adres": 2,
                            "max_registraties_plus_uitschrijvingen_24m": 5,
                            "max_kortlevend_per_adres": 2},
    }


def _describe_massage(ms: dict, frame: dict, town, buurtcodes: list[str]) -> dict:
    rows = ms["rows"]
    return {"buurtcode": buurtcodes[ms["buurt"]], "buurtnaam": town.layout.buurt_names[ms["buurt"]],
            "aantal": len(rows), "sbi_codes_2008": sorted(set(frame["sbi08"][rows].tolist())),
            "verblijfsobject_ids": _list(town.vbo["identificatie"][frame["vbo"][rows]]),
            "vestigingsnummers": _list(frame["vestnr"][rows]),
            "trefwoorden": ["massage", "thai", "wellness", "spa", "tantra"]}


def _describe_automotive(auto: dict, frame: dict, town, rin: list[int]) -> dict:
    return {"bedrijventerrein": town.layout.park_names[auto["park"]],
            "rin_nummer": rin[auto["park"]], "aantal": len(auto["rows"]),
            "vestigingsnummers": _list(frame["vestnr"][auto["rows"]]),
            "zonder_rdw": _list(frame["vestnr"][auto["zonder_rdw"]])}


def _describe_turnover(spot: dict, frame: dict, town) -> dict:
    window = co.PEILDATUM - 730 * DAY
    rows = spot["rows"]
    return {**_address(town, spot["vbo"]), "vestigingsnummers": _list(frame["vestnr"][rows]),
            "inschrijvingen_24m": int(np.sum(frame["start"][rows] >= window)),
            "uitschrijvingen_24m": int(np.sum(frame["end"][rows] >= window))}


def _describe_short(short: dict, frame: dict, town) -> dict:
    nrs = frame["vestnr"]
    return {"aantal": len(short["rows"]), "vestigingsnummers": _list(nrs[short["rows"]]),
            "op_een_adres": {**_address(town, short["vbo"]), "aantal": 6,
                             "vestigingsnummers": _list(nrs[short["rows_adres"]])}}


def _describe_area(area: dict, frame: dict, town) -> dict:
    nrs = frame["vestnr"]
    return {"logistiek_klein": {**_address(town, area["klein"]["vbo"]), "oppervlakte": 18,
                                "sbi": "52109", "vestigingsnummer": nrs[area["klein"]["rows"][0]]},
            "veel_op_klein": {**_address(town, area["vol"]["vbo"]), "oppervlakte": 40,
                              "actief": 12, "vestigingsnummers": _list(nrs[area["vol"]["rows"]])}}


def _describe_october(oct_: dict, frame: dict, town) -> dict:
    nrs = frame["vestnr"]
    return {
        "peildatum_vorige": PEILDATUM_VORIGE,
        "nieuw_signaal": {**_address(town, oct_["salon_vbo"]), "indicator": "branche_op_woonadres",
                          "vestigingsnummer": nrs[oct_["rows_salon"][0]],
                          "datum_aanvang": NIEUW_IN_OKTOBER},
        "vervallen_signaal": {**_address(town, oct_["hal_vbo"]),
                              "indicator": "leegstand_bedrijventerrein",
                              "pand_id": town.pand["identificatie"][oct_["hal"]],
                              "vestigingsnummer": nrs[oct_["rows_huurder"][0]],
                              "datum_aanvang": VERHUURD_IN_OKTOBER}}


def _list(values) -> list[str]:
    return [str(v) for v in values]


def _address(town, i: int) -> dict:
    v = town.vbo
    straat = town.street_names[v["street"][i]]
    nummer = f"{v['huisnummer'][i]}{v['huisletter'][i] or ''}"
    if v["toevoeging"][i]:
        nummer += f"-{v['toevoeging'][i]}"
    return {"verblijfsobject_id": v["identificatie"][i],
            "nummeraanduiding_id": v["nummeraanduiding"][i],
            "pand_id": town.pand["identificatie"][v["pand"][i]],
            "adres": f"{straat} {nummer}, {v['postcode'][i]} {town.gem.naam}",
            "postcode": v["postcode"][i], "huisnummer": int(v["huisnummer"][i]),
            "huisletter": v["huisletter"][i], "toevoeging": v["toevoeging"][i],
            "oppervlakte": int(v["oppervlakte"][i])}
