"""Procedure benchmark: due dates on the working-day calendar, and the grievance log.

Usage: python benchmarks/procedure_bench.py [--n 100000] [--grievances 2000]

1. ``add_working_days`` (the program's day-by-day walk over the shipped 2020-2026 tables,
   which checks every day's year) for ``n`` random (start, 1..60) pairs, against the raw
   limit: a precomputed sorted list of all working days and ``bisect`` (what one would write
   knowing the years in advance). Both must agree on every date.
2. Registering ``grievances`` grievances one service call (one transaction, audit, seal)
   each, then listing them with their overdue flags, against bare sqlite3 inserts in one
   transaction. Prints seconds and the ratio.
"""

from __future__ import annotations

import argparse
import bisect
import random
import sqlite3
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from common import bench

from resettle.domain.workdays import add_working_days
from resettle.services.procedure import grievances
from resettle.services.procedure.calendar import shipped_calendar
from resettle.services.register import projects
from resettle.store.database import Database


def calendar_bench(n: int) -> None:
    cal = shipped_calendar()
    rng = random.Random(1)
    first, last = date(2020, 1, 1), date(2026, 9, 30)
    span = (last - first).days
    pairs = [(first + timedelta(days=rng.randrange(span)), rng.randint(1, 60)) for _ in range(n)]

    t0 = time.perf_counter()
    ours = [add_working_days(cal, d, k) for d, k in pairs]
    t_ours = time.perf_counter() - t0

    t0 = time.perf_counter()
    days = [first + timedelta(days=i) for i in range((date(2026, 12, 31) - first).days + 1)]
    working = [d for d in days if cal.is_working_day(d)]
    t_build = time.perf_counter() - t0
    t0 = time.perf_counter()
    raw = [working[bisect.bisect_right(working, d) + k - 1] for d, k in pairs]
    t_raw = time.perf_counter() - t0
    assert ours == raw, "the two ways disagree"
    print(f"add_working_days ×{n:,}: program {t_ours:.3f} s, bisect over a prebuilt list {t_raw:.3f} s "
          f"(+{t_build:.3f} s to build it); ratio {t_ours / max(t_raw, 1e-9):.1f}×")  # fmt: skip
    bench(f"add_working_days ×{n:,} vs bisect over a prebuilt list", t_ours, t_raw)


def grievance_bench(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with Database.open(folder / "r.sqlite3", startup_backup=False) as db:
            pid = projects.create_project(db, "测试项目")
            t0 = time.perf_counter()
            for i in range(count):
                day = date(2025, 1, 2) + timedelta(days=i % 300)
                channel = grievances.CHANNELS[i % len(grievances.CHANNELS)]
                grievances.add_grievance(db, pid, grievances.GrievanceInput(f"反映人{i}", channel, day))
            t_add = time.perf_counter() - t0
            t0 = time.perf_counter()
            rows = grievances.list_grievances(db, pid, date(2025, 12, 31))
            t_list = time.perf_counter() - t0
        assert len(rows) == count
        conn = sqlite3.connect(folder / "raw.sqlite3")
        conn.execute("CREATE TABLE g (id INTEGER PRIMARY KEY, person TEXT, channel TEXT, received TEXT, due TEXT)")
        t0 = time.perf_counter()
        for i in range(count):
            with conn:
                conn.execute(
                    "INSERT INTO g (person, channel, received, due) VALUES (?, ?, ?, ?)",
                    (f"反映人{i}", "来访", "2025-01-02", "2025-03-03"),
                )
        t_raw = time.perf_counter() - t0
        conn.close()
    print(f"grievances ×{count:,}: service {t_add:.2f} s (one audited transaction each), "
          f"bare sqlite3 commit each {t_raw:.2f} s; ratio {t_add / max(t_raw, 1e-9):.1f}×; "
          f"list with overdue flags {t_list:.3f} s")  # fmt: skip
    bench(f"grievances ×{count:,}, one audited transaction each vs bare sqlite3 commit", t_add, t_raw)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--grievances", type=int, default=2_000)
    args = parser.parse_args()
    calendar_bench(args.n)
    grievance_bench(args.grievances)


if __name__ == "__main__":
    main()
