"""Compensation benchmark: compute 100,000 demo households with the 20-rule sample table.

Usage: python benchmarks/compensation_bench.py [--households 100000] [--db PATH] [--reuse]

Measures the program's path (`services.compensation.compute`: one query of fingerprints, facts
read set-based per chunk, lines priced in Python and written with executemany plus seals and one
audit entry per household), then a recompute that changes nothing (the fingerprints only), then
the same pricing done by SQLite alone with one ``INSERT … SELECT`` per rule into a scratch table
(no formulas, seals or audit): the database's own limit. It also prints what a bare ``executemany``
of the rows the compute stored (lines and state rows, every column) costs, rolled back: the part of
the compute that is the database's writing alone. Prints seconds, households/s and the
ratio, and checks that both paths give the same lines (household, rule, amount) and the same
grand total to the 分.
"""

from __future__ import annotations

import argparse
import sqlite3
import time
from pathlib import Path

from common import bench, peak_rss_mb, reset_peak_rss

from resettle.domain.rates import RateTable, Rule
from resettle.domain.sample_rates import sample_rate_table
from resettle.services.compensation import computing, rate_tables
from resettle.services.demo.generate import generate_demo
from resettle.services.register import projects
from resettle.store.database import Database

MONTHS = 24
# basis → (source table, quantity expression, scale of the stored quantity)
_SOURCES = {
    "土地面积": ("land_parcel", "sum(area_mu)", 10_000),
    "房屋面积": ("structure", "sum(floor_area_m2)", 100),
    "装修评估价": ("structure", "sum(decoration_value)", 100),
    "附着物数量": ("attachment", "sum(quantity)", 100),
    "安置人口": ("person", "count(*)", 1),
    "过渡月数×人口": ("person", f"count(*) * {MONTHS}", 1),
}
_COLUMN = {"地类": "land_class", "结构": "structure_type", "用途": "use", "附着物": "kind"}


def _quote(values: tuple[str, ...]) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values)


def rule_sql(rule: Rule) -> str:
    """One INSERT … SELECT that prices ``rule`` for every household, rounding half-up in integers."""
    where: list[str] = []
    household: list[str] = []
    for cond in rule.conditions:
        if cond.field in _COLUMN:
            where.append(f'"{_COLUMN[cond.field]}" IN ({_quote(cond.values)})')
        elif cond.field == "合法性":
            where.append(f"legal_status IN ({_quote(cond.values)})")
        elif cond.field == "标签":
            likes = " OR ".join(f"(',' || tags || ',') LIKE '%,{v},%'" for v in cond.values)
            household.append(f"household_id IN (SELECT id FROM household WHERE {likes})")
        elif cond.field == "签约截止":
            household.append(
                f"household_id IN (SELECT household_id FROM household_compensation WHERE signed_on <= '{cond.values[0]}')"
            )
    if rule.basis in ("房屋面积", "装修评估价") and "合法性" not in rule.by_field:
        where.append("legal_status = '合法'")
    if rule.basis == "安置人口" or rule.basis == "过渡月数×人口":
        where.append("resettled = 1")
    if rule.basis == "每户":
        source = "SELECT id AS household_id, 1 AS q FROM household"
        if household:
            source += " WHERE " + " AND ".join(h.replace("household_id IN", "id IN") for h in household)
        scale = 1
    else:
        table, quantity, scale = _SOURCES[rule.basis]
        conditions = where + household
        source = f"SELECT household_id, {quantity} AS q FROM {table}"
        source += (" WHERE " + " AND ".join(conditions)) if conditions else ""
        source += " GROUP BY household_id"
    amount = f"(q * {rule.unit_price_fen} + {scale // 2}) / {scale}" if scale > 1 else f"q * {rule.unit_price_fen}"
    if rule.minimum_fen is not None:
        amount = f"max({amount}, {rule.minimum_fen})"
    if rule.maximum_fen is not None:
        amount = f"min({amount}, {rule.maximum_fen})"
    return (
        "INSERT INTO bench_line (household_id, rule_code, quantity, amount) "
        f"SELECT household_id, '{rule.code}', q, {amount} FROM ({source}) WHERE q > 0"
    )


def sql_limit(path: Path, table: RateTable) -> tuple[float, int, int, int, float]:
    """(seconds, lines, grand total in 分, lines that differ from the program's, CPU seconds) for the
    pure-SQL pricing, committed like the real path. CPU seconds swing less than wall seconds on a
    shared machine."""
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("DROP TABLE IF EXISTS bench_line")
    conn.execute(
        "CREATE TABLE bench_line (id INTEGER PRIMARY KEY, household_id INTEGER NOT NULL, rule_code TEXT NOT NULL,"
        " quantity INTEGER NOT NULL, amount INTEGER NOT NULL)"
    )
    t0, c0 = time.perf_counter(), time.process_time()
    conn.execute("BEGIN IMMEDIATE")
    for rule in table.rules:
        conn.execute(rule_sql(rule))
    conn.execute("COMMIT")
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    lines, grand = conn.execute("SELECT count(*), sum(amount) FROM bench_line").fetchone()
    ours = "SELECT household_id, rule_code, amount FROM compensation_line"
    theirs = "SELECT household_id, rule_code, amount FROM bench_line"
    differ = sum(
        conn.execute(f"SELECT count(*) FROM ({a} EXCEPT {b})").fetchone()[0]
        for a, b in ((ours, theirs), (theirs, ours))
    )
    conn.execute("DROP TABLE bench_line")
    conn.close()
    return elapsed, int(lines), int(grand), int(differ), cpu


def store_limit(path: Path) -> float:
    """CPU seconds of a bare ``executemany`` of the stored lines and state rows (as the compute
    left them: every column, seals included) into the same tables, rolled back: what writing the
    program's result costs the database alone, before any pricing, sealing or audit."""
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON"):
        conn.execute(f"PRAGMA {pragma}")
    cpu = 0.0
    conn.execute("BEGIN IMMEDIATE")
    try:
        for table in ("compensation_line", "household_compensation"):
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            rows = conn.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY id").fetchall()
            conn.execute(f"DELETE FROM {table}")
            c0 = time.process_time()
            marks = ", ".join("?" for _ in cols)
            conn.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks})", rows)
            cpu += time.process_time() - c0
    finally:
        conn.execute("ROLLBACK")
        conn.close()
    return cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--households", type=int, default=100_000)
    ap.add_argument("--db", default="benchmarks/out/compensation-100k.sqlite3")
    ap.add_argument("--reuse", action="store_true", help="keep an existing demo file (its results are recomputed)")
    args = ap.parse_args()
    path = Path(args.db)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not (args.reuse and path.exists()):
        for old in path.parent.glob(path.name + "*"):
            old.unlink()
    table = sample_rate_table()
    db = Database.open(path, startup_backup=False)
    try:
        if not (args.reuse and projects.tree(db)):
            t0 = time.perf_counter()
            generate_demo(db, args.households)
            print(f"demo {args.households:,} households generated in {time.perf_counter() - t0:.1f} s")
        pid = projects.resolve_project(db, None)
        info = rate_tables.create_rate_table(db, table.name, rules=table.rules)
        info = rate_tables.publish_rate_table(db, info.id)
        rate_tables.set_project_rate_table(db, pid, info.id, transition_months=MONTHS)
        n = sum(p.households for p in projects.tree(db) if p.id == pid)

        own_peak = reset_peak_rss()  # the demo's generation above is not the compute's memory
        start_mb = peak_rss_mb()
        t0, c0 = time.perf_counter(), time.process_time()
        first = computing.compute(db, pid)
        compute_s, compute_cpu = time.perf_counter() - t0, time.process_time() - c0
        compute_mb = peak_rss_mb() if own_peak else None
        t0, c0 = time.perf_counter(), time.process_time()
        again = computing.compute(db, pid)
        recompute_s, recompute_cpu = time.perf_counter() - t0, time.process_time() - c0
        t0 = time.perf_counter()
        preview = computing.preview_rate_table_change(db, pid, info.id)
        preview_s = time.perf_counter() - t0
        conn = db.raw_connection()
        try:
            lines, grand = conn.execute("SELECT count(*), sum(amount) FROM compensation_line").fetchone()
        finally:
            conn.close()
    finally:
        db.close()

    store_cpu = store_limit(path)
    sql_s, sql_lines, sql_grand, differ, sql_cpu = sql_limit(path, table)
    print(f"rate table: {len(table.rules)} rules; households: {n:,}; lines: {lines:,}")
    print(f"compute (program path, first run):  {compute_s:7.2f} s  {n / compute_s:9,.0f} households/s")
    print(f"recompute (nothing changed):        {recompute_s:7.2f} s  {n / recompute_s:9,.0f} households/s"
          f"  (changed {again.changed})")  # fmt: skip
    print(f"preview of a table change:          {preview_s:7.2f} s  ({len(preview.households)} households differ)")
    print(f"SQL INSERT…SELECT per rule (limit): {sql_s:7.2f} s  {n / sql_s:9,.0f} households/s  lines {sql_lines:,}")
    print(f"ratio program / SQL limit:          {compute_s / sql_s:7.1f} ×")
    print(f"CPU seconds: compute {compute_cpu:.2f}, recompute {recompute_cpu:.2f}, SQL limit {sql_cpu:.2f}"
          f" (ratio {compute_cpu / sql_cpu:.1f} ×)")  # fmt: skip
    print(f"bare executemany of the stored lines and states (CPU): {store_cpu:.2f} s"
          f" ({store_cpu / sql_cpu:.1f} × the SQL limit; the compute is {compute_cpu / store_cpu:.1f} × it)")  # fmt: skip
    same = "yes" if (sql_lines, sql_grand, differ) == (lines, grand, 0) else "NO"
    print(f"grand total {first.grand_total:,} 元; lines that differ (household, rule, amount): {differ:,}")
    print(f"SQL path agrees line by line and to the 分: {same}")
    if compute_mb is not None:
        print(f"peak memory during the compute: {compute_mb:.0f} MB ({start_mb:.0f} MB in use when it started;"
              " with --reuse that is the opened register, else also what the demo's generation left)")  # fmt: skip
    bench(f"compute {n:,} households, 20 rules (agrees: {same})", compute_s, sql_s, "≤ 5×", memory_mb=compute_mb)
    bench(f"recompute unchanged {n:,} households (limit: 1 s per 100k)", recompute_s, n / 100_000, "≤ 1×",
          memory_mb=compute_mb)  # fmt: skip
    bench(f"compute {n:,} households, 20 rules (agrees: {same}) (CPU)", compute_cpu, sql_cpu, "≤ 5×",
          memory_mb=compute_mb)  # fmt: skip


if __name__ == "__main__":
    main()
