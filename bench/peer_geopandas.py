"""Peer (a): the same job done the way a capable analyst does it in geopandas.

read_file of the bag-light layers (pyogrio + Arrow, only the columns needed), the KVK CSVs with
pandas (pyarrow engine), a merge on BAG numid and then on postcode + huisnummer + suffix for the
rest, the active vestigingen at their address as points, sjoin with the buurten and a groupby
count. Runs in its own process: `python -m bench.peer_geopandas DATA_DIR OUT.json`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.machine import load
from bench.peers import PAND_KOLOMMEN, PEILDATUM, VBO_KOLOMMEN, Bestanden, Stappen, reporter, write
from loaders.meter import PeakMeter


def run(data_dir: Path, report=print) -> dict:
    import geopandas as gpd

    f = Bestanden.in_data_dir(data_dir)
    s = Stappen(report)
    out: dict = {"load_begin": load()}
    with PeakMeter() as total:
        vbo = s.run("Laden BAG verblijfsobjecten", gpd.read_file, f.gpkg, layer="verblijfsobject",
                    columns=VBO_KOLOMMEN, engine="pyogrio", use_arrow=True)
        panden = s.run("Laden BAG panden", gpd.read_file, f.gpkg, layer="pand",
                       columns=PAND_KOLOMMEN, engine="pyogrio", use_arrow=True)
        kvk = s.run("Laden KVK (CSV)", read_kvk, f.kvk)
        buurten = s.run("Laden buurten", read_buurten, f.buurten)
        punten = s.run("KVK koppelen aan BAG", match, kvk, vbo)
        telling = s.run("Punt-in-buurt + telling per buurt", count_per_buurt, punten, buurten)
    out.update(stappen=s.stappen, totaal={"seconden": total.seconds, "piek_mb": total.peak_mb},
               aantallen={"verblijfsobjecten": len(vbo), "panden": len(panden),
                          "vestigingen": len(kvk), "gekoppeld": int(punten["gekoppeld"].sum()),
                          "actief_in_buurt": int(sum(telling.values()))},
               buurt_telling=telling, load_eind=load())
    return out


def read_kvk(paths):
    import pandas as pd

    frames = [pd.read_csv(p, sep=";", dtype=str, encoding="utf-8-sig", engine="pyarrow")
              for p in paths]
    kvk = pd.concat(frames, ignore_index=True)
    return kvk.drop_duplicates("KVK_Vestigingsnummer", keep="last")


def read_buurten(path):
    import geopandas as gpd

    return gpd.read_file(path, columns=["buurtcode"], engine="pyogrio",
                         use_arrow=True).to_crs(28992)


def _suffix(*cols):
    out = cols[0].fillna("")
    for c in cols[1:]:
        out = out + c.fillna("")
    return out.str.upper().str.replace(r"[^0-9A-Z]", "", regex=True)


def match(kvk, vbo):
    """Each vestiging with the point of its BAG address: by numid, then by postcode + nr + suffix."""
    import geopandas as gpd
    import pandas as pd

    bag = pd.DataFrame({"numid": vbo["nummeraanduiding_hoofdadres_identificatie"],
                        "pc": vbo["postcode"].str.replace(" ", "").str.upper(),
                        "nr": pd.to_numeric(vbo["huisnummer"], errors="coerce"),
                        "sfx": _suffix(vbo["huisletter"], vbo["toevoeging"]),
                        "geometry": vbo.geometry.values})
    k = pd.DataFrame({"vestigingsnummer": kvk["KVK_Vestigingsnummer"], "numid": kvk["BAG numid"],
                      "pc": kvk["postcode"].str.replace(" ", "").str.upper(),
                      "nr": pd.to_numeric(kvk["huisnummer"], errors="coerce"),
                      "sfx": _suffix(kvk["huisletter"], kvk["huisnummertoevoeging"]),
                      "aanvang": pd.to_datetime(kvk["KVK_Datum_inschrijving_vestiging"],
                                                format="%d-%m-%Y", errors="coerce"),
                      "einde": pd.to_datetime(kvk["KVK_Datum_uitschrijving_vestiging"],
                                              format="%d-%m-%Y", errors="coerce")})
    by_id = k.merge(bag[["numid", "geometry"]].drop_duplicates("numid"), on="numid", how="inner")
    rest = k[~k["vestigingsnummer"].isin(by_id["vestigingsnummer"])]
    by_adres = rest.merge(bag[["pc", "nr", "sfx", "geometry"]].drop_duplicates(["pc", "nr", "sfx"]),
                          on=["pc", "nr", "sfx"], how="inner")
    matched = pd.concat([by_id, by_adres], ignore_index=True)
    unmatched = k[~k["vestigingsnummer"].isin(matched["vestigingsnummer"])].assign(geometry=None)
    both = pd.concat([matched.assign(gekoppeld=True), unmatched.assign(gekoppeld=False)],
                     ignore_index=True)
    return gpd.GeoDataFrame(both, geometry="geometry", crs=28992)


def count_per_buurt(punten, buurten) -> dict:
    import geopandas as gpd
    import pandas as pd

    peil = pd.Timestamp(PEILDATUM)
    actief = punten[punten["gekoppeld"]
                    & (punten["aanvang"].isna() | (punten["aanvang"] <= peil))
                    & (punten["einde"].isna() | (punten["einde"] > peil))]
    joined = gpd.sjoin(actief[["geometry"]], buurten, predicate="within", how="inner")
    return {str(k): int(v) for k, v in joined.groupby("buurtcode").size().items()}


def main(argv: list[str]) -> None:
    write(Path(argv[1]), run(Path(argv[0]), report=reporter("geopandas")))


if __name__ == "__main__":
    main(sys.argv[1:])
