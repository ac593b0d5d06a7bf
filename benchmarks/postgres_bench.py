"""PostgreSQL against SQLite, and against COPY of the same rows (issue 16).

1. Survey import of N households (default 10,000; the generated clerks' workbook of
   import_export_bench): preview + apply into an empty register, on a SQLite file and on a
   server database; the limit is ``COPY`` of exactly the rows the import wrote (every table it
   touched, audit trail included) into an empty server database of the same schema.
2. Compute of M demo households (default 100,000, 20-rule sample table) on both engines; the
   limit is ``COPY`` of the compensation rows the compute wrote.
3. Ten clerks in ten processes editing shared households (optimistic locking, conflicts retried)
   and adding households: transactions per second and the p99 latency of one save.

The server: RESETTLE_BENCH_POSTGRES (an admin URL, e.g. postgresql://resettle@127.0.0.1:5432/postgres)
or RESETTLE_TEST_POSTGRES; without either a throw-away cluster is started (scripts/pg_cluster.sh).

Usage: python benchmarks/postgres_bench.py [--import-households 10000] [--compute-households 100000]
       [--clerks 10] [--edits 30] [--out benchmarks/out/postgres]
"""

from __future__ import annotations

import argparse
import io
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import bench

HERE = Path(__file__).resolve()
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

WRITTEN_BY_IMPORT = ("import_batch", "household", "person", "land_parcel", "structure", "attachment", "audit_log")
WRITTEN_BY_COMPUTE = ("household_compensation", "compensation_line", "audit_log")


def admin_url() -> tuple[str, str | None]:
    """(admin URL, cluster folder to stop afterwards or None)."""
    url = os.environ.get("RESETTLE_BENCH_POSTGRES") or os.environ.get("RESETTLE_TEST_POSTGRES")
    if url:
        return url, None
    folder = tempfile.mkdtemp(prefix="resettle-pg-bench.")
    out = subprocess.run(
        ["bash", str(ROOT / "scripts/pg_cluster.sh"), "start", folder], capture_output=True, text=True, check=True
    )
    return out.stdout.strip(), folder


def fresh_database(admin: str, name: str) -> str:
    import psycopg

    from resettle.store.dialects import ServerAddress, parse_server_url
    from resettle.store.dialects.postgresql import conninfo

    address, password = parse_server_url(admin)
    with psycopg.connect(**conninfo(address, password), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return ServerAddress(address.host, address.port, name, address.user).display


def copy_limit(source_url: str, target_url: str, tables: tuple[str, ...]) -> tuple[float, int]:
    """COPY the given tables' rows from the server database ``source_url`` into the empty register
    ``target_url`` (schema only): the raw cost of writing the same rows. Rows read beforehand."""
    import psycopg

    from resettle.store.dialects import parse_server_url
    from resettle.store.dialects.postgresql import conninfo

    src_addr, src_pw = parse_server_url(source_url)
    dst_addr, dst_pw = parse_server_url(target_url)
    buffers: dict[str, bytes] = {}
    with psycopg.connect(**conninfo(src_addr, src_pw)) as src:
        for t in tables:
            buf = io.BytesIO()
            with src.cursor().copy(f'COPY "{t}" TO STDOUT') as copy:
                for chunk in copy:
                    buf.write(chunk)
            buffers[t] = buf.getvalue()
    rows = sum(b.count(b"\n") for b in buffers.values())
    with psycopg.connect(**conninfo(dst_addr, dst_pw)) as dst:
        dst.execute("SET session_replication_role = replica")  # FKs to rows not copied (households of a compute)
        t0 = time.perf_counter()
        with dst.transaction():
            for t in tables:
                with dst.cursor().copy(f'COPY "{t}" FROM STDIN') as copy:
                    copy.write(buffers[t])
        return time.perf_counter() - t0, rows


def timed_import(location: str, survey: Path) -> float:
    from resettle.services.register import imports
    from resettle.store.database import Database

    with Database.open(location, startup_backup=False) as db:
        t0 = time.perf_counter()
        preview = imports.preview_import(db, survey)
        assert not preview.errors, [e.message for e in preview.errors[:3]]
        imports.apply_import(db, preview)
        return time.perf_counter() - t0


def timed_compute(location: str) -> tuple[float, int]:
    from resettle.domain.sample_rates import sample_rate_table
    from resettle.services.compensation import computing, rate_tables
    from resettle.services.register import projects
    from resettle.store.database import Database

    with Database.open(location, startup_backup=False) as db:
        table = sample_rate_table()
        pid = projects.resolve_project(db, None)
        info = rate_tables.create_rate_table(db, table.name, rules=table.rules)
        info = rate_tables.publish_rate_table(db, info.id)
        rate_tables.set_project_rate_table(db, pid, info.id, transition_months=6)
        t0 = time.perf_counter()
        computing.compute(db, pid)
        seconds = time.perf_counter() - t0
        with db.read() as s:
            from sqlalchemy import text

            lines = int(s.execute(text("SELECT count(*) FROM compensation_line")).scalar() or 0)
        return seconds, lines


def schema_only(admin: str, name: str) -> str:
    from resettle.store.database import Database

    url = fresh_database(admin, name)
    Database.open(url, startup_backup=False).close()
    return url


def bench_import(admin: str, out: Path, households: int) -> None:
    sys.path.insert(0, str(HERE.parent))
    from import_export_bench import generate_survey

    survey = out / f"survey-{households}.xlsx"
    if not survey.exists():
        generate_survey(survey, households)
    sqlite_file = out / "import.sqlite3"
    for old in out.glob("import.sqlite3*"):
        old.unlink()
    sqlite_s = timed_import(str(sqlite_file), survey)
    pg_url = fresh_database(admin, "bench_import")
    pg_s = timed_import(pg_url, survey)
    copy_s, rows = copy_limit(pg_url, schema_only(admin, "bench_import_copy"), WRITTEN_BY_IMPORT)
    print(
        f"import {households:,}: SQLite {sqlite_s:.1f} s, PostgreSQL {pg_s:.1f} s, COPY of its {rows:,} rows {copy_s:.1f} s"
    )
    bench(f"import {households:,} households on PostgreSQL vs COPY of the same {rows:,} rows", pg_s, copy_s)
    bench(f"import {households:,} households on PostgreSQL vs the same on SQLite", pg_s, sqlite_s, "≤ 2×")


def bench_compute(admin: str, out: Path, households: int) -> None:
    from resettle.services.demo.generate import generate_demo
    from resettle.store.database import Database
    from resettle.store.move import move_register

    sqlite_file = out / f"compute-{households}.sqlite3"
    for old in out.glob(sqlite_file.name + "*"):
        old.unlink()
    with Database.open(sqlite_file, startup_backup=False) as db:
        generate_demo(db, households=households, seed=5)
    pg_url = fresh_database(admin, "bench_compute")
    with Database.open(sqlite_file, startup_backup=False) as src, Database.open(pg_url) as dst:
        moved = move_register(src, dst)
    print(f"demo {households:,} households moved onto the server in {moved.seconds:.1f} s")
    bench(f"move-to of a {households:,}-household register (copy and verification)", moved.seconds)
    sqlite_s, sqlite_lines = timed_compute(str(sqlite_file))
    pg_s, pg_lines = timed_compute(pg_url)
    copy_s, rows = copy_limit(pg_url, schema_only(admin, "bench_compute_copy"), WRITTEN_BY_COMPUTE)
    print(f"compute {households:,}: SQLite {sqlite_s:.1f} s, PostgreSQL {pg_s:.1f} s ({pg_lines:,} lines, "
          f"SQLite {sqlite_lines:,}), COPY of its {rows:,} rows {copy_s:.1f} s")  # fmt: skip
    bench(f"compute {households:,} households on PostgreSQL vs COPY of the same {rows:,} rows", pg_s, copy_s)
    bench(f"compute {households:,} households on PostgreSQL vs the same on SQLite", pg_s, sqlite_s, "≤ 2×")


def bench_clerks(admin: str, clerks: int, edits: int) -> None:
    from resettle.store.database import Database
    from tests.postgres.clerks import clerk, shared_households

    url = fresh_database(admin, "bench_clerks")
    with Database.open(url) as db:
        pid, shared = shared_households(db, 20)
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(clerks) as pool:
        t0 = time.perf_counter()
        results: list[dict[str, Any]] = pool.starmap(
            clerk, [(url, n, shared, pid, edits, edits // 3) for n in range(clerks)]
        )
        wall = time.perf_counter() - t0
    errors = [e for r in results for e in r["other_errors"]]
    assert not errors, errors[0]
    latencies = sorted(x for r in results for x in r["latencies"])
    saved = sum(len(r["saved"]) + r["added"] for r in results)
    conflicts = sum(r["conflicts"] for r in results)
    p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000
    print(f"{clerks} clerks: {saved} saves ({conflicts} conflicts retried) in {wall:.1f} s: "
          f"{saved / wall:.1f} tx/s, p99 {p99:.0f} ms, median {latencies[len(latencies) // 2] * 1000:.0f} ms")  # fmt: skip
    bench(f"{clerks} concurrent clerks: seconds per committed save (1 / tx/s = {saved / wall:.1f} tx/s)", wall / saved)
    bench(f"{clerks} concurrent clerks: p99 latency of a save ({conflicts} conflicts retried)", p99, unit="ms")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--import-households", type=int, default=10_000)
    ap.add_argument("--compute-households", type=int, default=100_000)
    ap.add_argument("--clerks", type=int, default=10)
    ap.add_argument("--edits", type=int, default=30)
    ap.add_argument("--out", default="benchmarks/out/postgres")
    ap.add_argument("--only", nargs="*", choices=("import", "compute", "clerks"), default=None)
    args = ap.parse_args()
    os.environ.pop("RESETTLE_TEST_POSTGRES_MAP", None)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    admin, cluster = admin_url()
    os.environ.pop("RESETTLE_TEST_POSTGRES", None)  # files are files here, servers are named by URL
    try:
        wanted = set(args.only or ("import", "compute", "clerks"))
        if "import" in wanted:
            bench_import(admin, out, args.import_households)
        if "compute" in wanted:
            bench_compute(admin, out, args.compute_households)
        if "clerks" in wanted:
            bench_clerks(admin, args.clerks, args.edits)
    finally:
        if cluster is not None:
            subprocess.run(["bash", str(ROOT / "scripts/pg_cluster.sh"), "stop", cluster], check=False)


if __name__ == "__main__":
    main()
