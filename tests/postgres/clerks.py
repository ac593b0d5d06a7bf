"""One clerk as a separate process (tests/postgres/test_clerks.py, benchmarks/postgres_bench.py).

Each clerk opens the server register, then in turn: edits one of the shared households (read,
change, save; a ConflictError means someone saved in between: re-read and try again, as a clerk
would), and adds households to a village of its own. Every save that went through is reported
with the marker it wrote, so the parent can prove none of them was lost."""

from __future__ import annotations

import random
import time
import traceback
from dataclasses import replace
from typing import Any

from resettle.domain.household import HouseholdData, PersonData
from resettle.errors import ConflictError
from resettle.services.register import households, projects
from resettle.store.audit import Actor
from resettle.store.database import Database


def shared_households(db: Database, count: int) -> tuple[int, list[int]]:
    """The project the clerks work in and ``count`` households every clerk edits: (project id, ids)."""
    pid = projects.create_project(db, "联合项目")
    gid = projects.add_group(db, pid, "共用村", "一组")
    ids = [
        households.create_household(
            db,
            HouseholdData(
                household_no=f"S{i:03d}",
                group_id=gid,
                head_name=f"共用{i}",
                persons=(PersonData(f"共用{i}", "", "户主"),),
            ),
        ).id
        for i in range(count)
    ]
    return pid, ids


def clerk(url: str, n: int, shared: list[int], project_id: int, edits: int, adds: int) -> dict[str, Any]:
    out: dict[str, Any] = {"saved": [], "conflicts": 0, "other_errors": [], "latencies": [], "added": 0}
    rng = random.Random(n)
    try:
        with Database.open(url, actor=Actor(f"clerk{n}", f"pc-{n}")) as db:
            gid = projects.add_group(db, project_id, f"村{n}", "一组")
            for i in range(edits):
                hid = rng.choice(shared)
                marker = f"c{n}e{i}"
                while True:
                    t0 = time.perf_counter()
                    current = households.get_household(db, hid)
                    time.sleep(rng.random() * 0.005)  # the clerk types
                    try:
                        households.update_household(
                            db, current, replace(current.data, remarks=(current.data.remarks + " " + marker).strip())
                        )
                    except ConflictError:
                        out["conflicts"] += 1
                        continue
                    finally:
                        out["latencies"].append(time.perf_counter() - t0)
                    out["saved"].append((hid, marker))
                    break
                if i < adds:
                    t0 = time.perf_counter()
                    households.create_household(
                        db,
                        HouseholdData(
                            household_no=f"N{n:02d}{i:03d}",
                            group_id=gid,
                            head_name=f"新户{n}-{i}",
                            persons=(PersonData(f"新户{n}-{i}", "", "户主"),),
                        ),
                    )
                    out["latencies"].append(time.perf_counter() - t0)
                    out["added"] += 1
    except BaseException:
        out["other_errors"].append(traceback.format_exc())
    return out
