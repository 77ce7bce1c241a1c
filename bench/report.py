"""The one table `python -m bench` prints (and stores in the JSON), and the count cross-check.

Comparable work, side by side (the same three groups for every side):
- laden: Zicht 'Laden bag', 'Laden kvk-dook', 'Laden kvk-sbi2025', 'Laden cbs'; geopandas its
  four read steps; PostGIS server start + schema + its four COPY steps.
- koppelen: Zicht 'Adressen normaliseren' + 'KVK koppelen aan BAG'; the peers' match step.
- ruimtelijk: Zicht 'Gebieden en indexen' (membership of every address in every area + RTREE
  indexes) + the choropleth query once; geopandas sjoin + groupby; PostGIS GiST indexes +
  ANALYZE + ST_Within join + GROUP BY.
"""

from __future__ import annotations

GROEPEN = {
    "laden": {"zicht": ("Laden bag", "Laden kvk-dook", "Laden kvk-sbi2025", "Laden cbs"),
              "geopandas": ("Laden BAG verblijfsobjecten", "Laden BAG panden", "Laden KVK (CSV)",
                            "Laden buurten"),
              "postgis": ("Server starten (initdb + pg_ctl start)", "Schema + PostGIS-extensie",
                          "Laden BAG verblijfsobjecten", "Laden BAG panden", "Laden KVK (CSV)",
                          "Laden buurten")},
    "koppelen": {"zicht": ("Adressen normaliseren", "KVK koppelen aan BAG"),
                 "geopandas": ("KVK koppelen aan BAG",), "postgis": ("KVK koppelen aan BAG",)},
    "ruimtelijk": {"zicht": ("Gebieden en indexen",),
                   "geopandas": ("Punt-in-buurt + telling per buurt",),
                   "postgis": ("GiST-indexen + ANALYZE", "Punt-in-buurt + telling per buurt")},
}
PEERS = ("geopandas", "postgis")
AGGREGATEN = ("gebiedsgrenzen (1× per snapshot)", "buurten (concentratie, hele gebied)",
              "raster (hele gebied)")
LABEL_W, COL_W = 44, 34


def group_seconds(scale: dict, side: str, group: str) -> float | None:
    res = scale.get(side) or {}
    if "fout" in res or "stappen" not in res:
        return None
    names = GROEPEN[group][side]
    by_name = {_short(s["naam"]): s["seconden"] for s in res["stappen"]}
    if not all(n in by_name for n in names):
        return None
    extra = 0.0
    if side == "zicht" and group == "ruimtelijk":
        extra = res.get("buurt_aggregatie", {}).get("query_seconden", 0.0)
    return sum(by_name[n] for n in names) + extra


def _short(naam: str) -> str:
    """'Laden bag (bag-gpkg)' -> 'Laden bag'."""
    return naam.split(" (")[0] if naam.startswith("Laden ") and naam.endswith(")") and \
        not naam.startswith("Laden BAG") and not naam.startswith("Laden KVK") else naam


def total(scale: dict, side: str) -> float | None:
    parts = [group_seconds(scale, side, g) for g in GROEPEN]
    return None if None in parts else sum(parts)


def compare_counts(scale: dict) -> None:
    """Replace the per-buurt counts by how well each peer agrees with Zicht (keeps JSON small).

    The peers are compared with Zicht's count under their own rules (the same two KVK files,
    linked on BAG id or exact address); `zicht_extra` says what Zicht counts on top of that and
    why, so every remaining difference is explained. Older results hold one flat count."""
    zicht = (scale.get("zicht") or {}).pop("buurt_telling", None) or {}
    if "zelfde_regels" in zicht:
        scale["zicht_extra"] = {**{k: zicht[k] for k in ("andere_bron", "andere_laag", "extra_regel")},
                                "alle": sum(zicht["alle"].values()),
                                "zelfde_regels": sum(zicht["zelfde_regels"].values())}
        zicht = zicht["zelfde_regels"]
    scale["overeenstemming"] = {}
    for peer in PEERS:
        other = (scale.get(peer) or {}).pop("buurt_telling", None)
        if other is None or not zicht:
            continue
        codes = set(zicht) | set(other)
        diff = sum(abs(zicht.get(c, 0) - other.get(c, 0)) for c in codes)
        scale["overeenstemming"][peer] = {
            "buurten": len(codes), "gelijk": sum(zicht.get(c) == other.get(c) for c in codes),
            "som_zicht": sum(zicht.values()), "som_peer": sum(other.values()),
            "verschil_pct": round(100 * diff / max(sum(zicht.values()), 1), 2)}


def _extra(scale: dict) -> str:
    e = scale["zicht_extra"]
    return (f"+{e['andere_bron']} bron, +{e['andere_laag']} lig/stand/neven, "
            f"+{e['extra_regel']} regel (= {e['alle']})")


def table(result: dict) -> str:
    m = result["machine"]
    scales = result["schalen"]
    lines = [f"Zicht-benchmark · {m['kernen']} kernen · {m['geheugen_gb']} GB · {m['datum']} · "
             f"load (1/5/15 min) bij start {m['load_begin']}", ""]
    lines.append(_row("", [f"{n} (schaal {s['schaal']:g})" for n, s in scales.items()]))
    for label, fn in ROWS:
        if fn is None:
            lines.append(label)
            continue
        lines.append(_row(label, [_safe(fn, s) for s in scales.values()]))
    if "totaal_s" in result:
        lines.append(f"Totale duur {_dur(result['totaal_s'])}; load bij einde {result['load_eind']}")
    return "\n".join(lines)


def _row(label: str, cells: list[str]) -> str:
    return f"{label:<{LABEL_W}}" + "".join(f"{c:<{COL_W}}" for c in cells).rstrip()


def _safe(fn, scale: dict) -> str:
    try:
        return fn(scale)
    except (KeyError, TypeError, ZeroDivisionError):
        return "–"


def _s(sec: float | None) -> str:
    if sec is None:
        return "–"
    if sec < 10:
        return f"{sec:.2f} s"
    return f"{sec:.1f} s" if sec < 600 else _dur(sec)


def _dur(sec: float) -> str:
    return f"{sec:.1f} s" if sec < 90 else f"{int(sec // 60)} min {sec % 60:02.0f} s"


def _mb(mb: float | None) -> str:
    if mb is None:
        return "–"
    return f"{mb:.0f} MB" if mb < 1024 else f"{mb / 1024:.1f} GB"


def _k(n: int) -> str:
    return f"{n / 1e6:.2f} M" if n >= 1e6 else f"{n / 1e3:.1f} k"


def _three(scale: dict, fn) -> str:
    return " | ".join(fn(scale, side) for side in ("zicht", *PEERS))


def _side_err(scale: dict, side: str) -> str | None:
    res = scale.get(side)
    if res is None:
        return "niet gedraaid"
    return "FOUT" if "fout" in res else None


def _group_cell(group: str):
    return lambda s: _three(s, lambda sc, side: _side_err(sc, side) and "–"
                            or _s(group_seconds(sc, side, group)))


def _ratio(peer: str):
    def cell(scale: dict) -> str:
        z, p = total(scale, "zicht"), total(scale, peer)
        if z is None or p is None:
            return "–"
        r = z / p
        verdict = f"Zicht {1 / r:.1f}× sneller" if r < 1 else f"Zicht {r:.1f}× TRAGER"
        return f"{r:.2f} ({verdict})"
    return cell


def _repeats(scale: dict) -> str:
    parts = []
    for side in ("zicht", *PEERS):
        totals = (scale.get(side) or {}).get("herhalingen") or []
        parts.append("/".join("–" if t is None else f"{t:.1f}" for t in totals) or "–")
    return " | ".join(parts)


def _peak(scale: dict, side: str) -> str:
    res = scale.get(side) or {}
    return "–" if "totaal" not in res else _mb(res["totaal"]["piek_mb"])


def _agree(key: str):
    """Per peer: buurten with the same count as Zicht, or the difference in total."""
    def cell(scale: dict) -> str:
        parts = []
        for peer in PEERS:
            a = scale.get("overeenstemming", {}).get(peer)
            if a is None:
                parts.append("–")
            elif key == "gelijk":
                parts.append(f"{a['gelijk']}/{a['buurten']}")
            else:
                parts.append(f"{a['verschil_pct']:.1f}%")
        return "– | " + " | ".join(parts)
    return cell


def _latency(name: str):
    def cell(scale: dict) -> str:
        lat = scale["zicht"]["latentie"][name]
        doel = 1000 if scale["schaal"] > 1 and name in AGGREGATEN else 150
        ok = "ok" if lat["p95_ms"] < doel else f"> {doel}"
        return f"{lat['p50_ms']:.0f} / {lat['p95_ms']:.0f} ms ({ok})"
    return cell


def _indicators(scale: dict) -> str:
    ind = scale["zicht"]["indicatoren"]
    fouten = ind.get("fouten", 0)
    return _s(ind["seconden"]) + (f", {fouten} FOUT/afgebroken" if fouten else "")


def _export(kind: str):
    def cell(scale: dict) -> str:
        e = scale["zicht"]["export"][kind]
        if "fout" in e:
            return f"FOUT ({e['fout'][:24]}…)"
        size = e.get("mb", e.get("xlsx_mb", 0.0))
        rows = e.get("rijen", sum((e.get("lagen") or {}).values()))
        return f"{_s(e['seconden'])}, {rows} rijen, {size:.1f} MB"
    return cell


def _omvang(scale: dict) -> str:
    a = scale["generatie"]["aantallen"]
    ves = a["vestigingen_actief"] + a["vestigingen_beeindigd"]
    return f"{_k(a['verblijfsobjecten'])} / {_k(a['panden'])} / {_k(ves)}"


ROWS = [
    ("Omvang", None),
    ("  vbo / panden / vestigingen", _omvang),
    ("  genereren (tijd, piek)", lambda s: f"{_s(s['generatie']['seconden'])}, "
     f"{_mb(s['generatie']['piek_mb'])}" + (" (hergebruikt)" if s["generatie"]["hergebruikt"]
                                           else "")),
    ("Zelfde werk, naast elkaar: Zicht | geopandas | PostGIS", None),
    ("  laden BAG + KVK + buurten", _group_cell("laden")),
    ("  koppelen KVK → BAG", _group_cell("koppelen")),
    ("  punt-in-buurt + telling per buurt", _group_cell("ruimtelijk")),
    ("  totaal", lambda s: _three(s, lambda sc, side: _side_err(sc, side) and
                                  f"{_side_err(sc, side)}" or _s(total(sc, side)))),
    ("  alle herhalingen (s; de snelste telt)", _repeats),
    ("  piekgeheugen", lambda s: _three(s, _peak)),
    ("  Zicht ÷ geopandas", _ratio("geopandas")),
    ("  Zicht ÷ PostGIS", _ratio("postgis")),
    ("  buurten met dezelfde telling (zelfde regels)", _agree("gelijk")),
    ("  verschil met Zicht (Σ|Δ| / totaal)", _agree("verschil")),
    ("  Zicht telt daarbovenop (actief, in buurt)", _extra),
    ("Zicht verder", None),
    ("  hele bouw (alle 8 bronnen, tijd, piek)",
     lambda s: f"{_s(s['zicht']['bouw']['seconden'])}, {_mb(s['zicht']['bouw']['piek_mb'])}"),
    ("  alle indicatoren", _indicators),
    ("  pandkaart, zwaarste pand", lambda s: f"{s['zicht']['kaart']['query_seconden'] * 1000:.0f} ms"
     f" ({s['zicht']['kaart']['verblijfsobjecten']} vbo)"),
    ("  export DOOK CSV + XLSX (Demostad)", _export("dook")),
    ("  export GeoPackage (Demostad, alle lagen)", _export("gpkg")),
    ("  snapshot op schijf", lambda s: _mb(s["zicht"]["snapshot_mb"])),
    ("  piekgeheugen hele Zicht-run", lambda s: _mb(s["zicht"]["totaal"]["piek_mb"])),
    ("UI-latentie p50 / p95 (gevarieerd, zie runs)", None),
    ("  branchegroepen (1× per snapshot, eerste)",
     lambda s: f"{s['zicht']['latentie']['branchegroepen (1× per snapshot)']['eerste_ms']:.0f} ms"),
    ("  signalen (1× per snapshot, eerste)",
     lambda s: f"{s['zicht']['latentie']['signalen (1× per snapshot)']['eerste_ms']:.0f} ms"),
    *[(f"  {n}", _latency(n)) for n in (
        "gebiedsgrenzen (1× per snapshot)", "buurten (concentratie, hele gebied)",
        "raster (hele gebied)", "raster (viewport z15)", "punten (viewport z15-18)",
        "panden (viewport z16-19)", "pandkaart (klik + kaart)", "zoeken")],
    ("Machine", None),
    ("  load 1 min: begin → na elke zijde", lambda s: " → ".join(f"{x[0]:.1f}" for x in s["load"])),
    ("  duur van deze schaal", lambda s: _dur(s["duur_s"])),
]
