"""Check benchmark: ``resettle check`` on a demo register with computed compensation.

Usage: python benchmarks/check_bench.py [--households 20000] [--db PATH] [--reuse]

Times each part of the check (integrity_check, the chain, the seals, the replay of the audit
trail against the tables, the witness) and, as the floor, SQLite alone reading the same rows
in the same order with nothing done to them. Prints wall and CPU seconds (CPU is the fair
figure on a busy machine) and the replay's ratio to the bare read. Also times the witness
update that every save now pays, against a save without it.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from common import bench

from resettle.services.demo.generate import demo_compensation, generate_demo
from resettle.services.register import projects
from resettle.services.register.checks import check_database
from resettle.store import witness
from resettle.store.audit import ChainHead, verify_chain
from resettle.store.database import Database
from resettle.store.models import Base
from resettle.store.replay import replay, table_specs
from resettle.store.seal import iter_bad_seals


def timed(label: str, fn: object) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()  # type: ignore[operator]
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{label:<28}{wall:>8.2f} s wall {cpu:>8.2f} s cpu")
    return wall, cpu


def bare_read(conn: object) -> None:
    for spec in table_specs().values():
        by = spec.group_column or "NULL"
        cols = ", ".join(f'"{c}"' for c in spec.columns)
        order = "id" if spec.group_column in (None, "id") else by
        for _row in conn.execute(f'SELECT {by}, id, {cols} FROM "{spec.name}" ORDER BY {order}'):  # type: ignore[attr-defined]
            pass
    sql = (
        'SELECT household_id, id, action, entity, entity_id, "field", old, new FROM audit_log ORDER BY household_id, id'
    )
    for _row in conn.execute(sql):  # type: ignore[attr-defined]
        pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=20_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/check_bench.sqlite3"))
    parser.add_argument("--reuse", action="store_true")
    args = parser.parse_args()
    if not args.reuse:
        for p in args.db.parent.glob(args.db.name + "*"):
            p.unlink()
    with Database.open(args.db, startup_backup=False) as db:
        if not args.reuse:
            demo = generate_demo(db, households=args.households, seed=3)
            demo_compensation(db, demo.project_id)
        conn = db.raw_connection()
        conn.execute("PRAGMA temp_store = MEMORY")
        timed("bare read (floor)", lambda: bare_read(conn))
        _w, floor = timed("bare read again", lambda: bare_read(conn))
        timed("integrity_check", lambda: conn.execute("PRAGMA integrity_check").fetchall())
        timed("audit chain", lambda: verify_chain(conn))
        timed(
            "seals",
            lambda: [next(iter_bad_seals(conn, Base.metadata.tables[t]), None) for t in table_specs()],
        )
        result = replay(conn)
        _w, cpu = timed("replay", lambda: replay(conn))
        print(
            f"  {result.groups:,} households, {result.rows:,} rows, {result.entries:,} entries, problems {result.problems[:1]}"
        )
        print(f"  replay / bare read (cpu): {cpu / floor:.1f}x")
        bench(f"replay of the audit trail, {args.households:,} households (cpu)", cpu, floor)
        conn.close()
        _w, whole = timed("check_database (all)", lambda: check_database(db))
        bench(f"whole check, {args.households:,} households (cpu)", whole, floor)
        head = db.chain_head()
        n = 200
        _w, with_witness = timed(f"{n} saves", lambda: [projects.create_project(db, f"基准{i}") for i in range(n)])
        _w, advance = timed(
            f"{n} witness updates alone",
            lambda: [witness.advance(db.path, head, ChainHead(head.seq + i, head.hash)) for i in range(1, n + 1)],
        )
        print(f"  witness share of a save: {advance / with_witness:.1%}")
        bench(f"{n} saves (witness {advance / with_witness:.0%} of it; cpu)", with_witness)


if __name__ == "__main__":
    main()
