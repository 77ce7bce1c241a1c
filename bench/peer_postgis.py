"""Peer (b): the same job in PostGIS, as an analyst with a database would do it.

The bag-light layers are streamed out of the GeoPackage (pyogrio, Arrow batches) and COPYed in
as CSV with hex EWKB geometry; the KVK CSVs are COPYed as they are; buurten are transformed to
RD in the database. Then GiST indexes, the match and the per-buurt count in SQL
(bench/sql/postgis_*.sql). Runs in its own process:
`python -m bench.peer_postgis DATA_DIR OUT.json PG_FOLDER`; the server is stopped and its folder
removed at the end (and by the caller if this process dies).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from bench.machine import load
from bench.peers import PAND_KOLOMMEN, PEILDATUM, VBO_KOLOMMEN, Bestanden, Stappen, reporter, write
from bench.postgis_server import Server, TreeMeter
from geo.sqlfiles import sql_text

SQL = Path(__file__).parent / "sql"
BATCH = 200_000


def run(data_dir: Path, pg_folder: Path, report=print) -> dict:
    import psycopg

    f = Bestanden.in_data_dir(data_dir)
    out: dict = {"load_begin": load()}
    with Server(pg_folder) as server:
        s = Stappen(report, lambda: TreeMeter(server))
        total = TreeMeter(server)
        with total:
            s.run("Server starten (initdb + pg_ctl start)", server.start)
            con = psycopg.connect(server.dsn, autocommit=True)
            s.run("Schema + PostGIS-extensie", con.execute, sql_text("postgis_schema", SQL))
            s.run("Laden BAG verblijfsobjecten", copy_layer, con, f.gpkg, "verblijfsobject",
                  VBO_KOLOMMEN, "vbo", 28992)
            s.run("Laden BAG panden", copy_layer, con, f.gpkg, "pand", PAND_KOLOMMEN, "pand", 28992)
            s.run("Laden KVK (CSV)", copy_kvk, con, f.kvk)
            s.run("Laden buurten", copy_layer, con, f.buurten, None, ["buurtcode"], "buurt", 4326)
            s.run("GiST-indexen + ANALYZE", con.execute, sql_text("postgis_indexes", SQL))
            s.run("KVK koppelen aan BAG", con.execute, sql_text("postgis_match", SQL))
            telling = s.run("Punt-in-buurt + telling per buurt", count_per_buurt, con)
            out["aantallen"] = counts(con, telling)
            out["database_mb"] = con.execute(
                "SELECT pg_database_size(current_database()) / 1048576").fetchone()[0]
            con.close()
    out.update(stappen=s.stappen, totaal={"seconden": total.seconds, "piek_mb": total.peak_mb},
               buurt_telling=telling, load_eind=load())
    return out


def copy_layer(con, path: Path, layer: str | None, columns: list[str], table: str,
               srid: int) -> None:
    """Stream a layer into `table` via COPY: its columns, then the geometry as hex EWKB."""
    import pyarrow as pa
    import pyarrow.csv as pcsv
    import pyogrio
    import shapely

    with pyogrio.open_arrow(path, layer=layer, columns=columns, batch_size=BATCH,
                            use_pyarrow=True) as (meta, reader), \
            con.cursor().copy(f"COPY {table} FROM STDIN (FORMAT csv)") as copy:
        geom_name = meta.get("geometry_name") or "wkb_geometry"
        for batch in reader:
            geoms = shapely.set_srid(shapely.from_wkb(batch.column(geom_name)), srid)
            hexes = pa.array(shapely.to_wkb(geoms, hex=True, include_srid=True))
            table_ = pa.table([*(batch.column(c) for c in columns), hexes],
                              names=[*columns, "geom"])
            buf = io.BytesIO()
            pcsv.write_csv(table_, buf, pcsv.WriteOptions(include_header=False))
            copy.write(buf.getvalue())


def copy_kvk(con, paths) -> None:
    with con.cursor() as cur:
        for path in paths:
            with open(path, "rb") as src, cur.copy(
                    "COPY kvk_ruw FROM STDIN (FORMAT csv, DELIMITER ';', HEADER true)") as copy:
                while chunk := src.read(1 << 22):
                    copy.write(chunk)


def count_per_buurt(con) -> dict:
    rows = con.execute(sql_text("postgis_telling", SQL), {"peildatum": PEILDATUM}).fetchall()
    return {code: int(n) for code, n in rows}


def counts(con, telling: dict) -> dict:
    row = con.execute("SELECT (SELECT count(*) FROM vbo), (SELECT count(*) FROM pand),"
                      " (SELECT count(*) FROM vestiging),"
                      " (SELECT count(*) FROM vestiging WHERE vbo IS NOT NULL)").fetchone()
    return {"verblijfsobjecten": row[0], "panden": row[1], "vestigingen": row[2],
            "gekoppeld": row[3], "actief_in_buurt": sum(telling.values())}


def main(argv: list[str]) -> None:
    write(Path(argv[1]), run(Path(argv[0]), Path(argv[2]), report=reporter("postgis")))


if __name__ == "__main__":
    main(sys.argv[1:])
