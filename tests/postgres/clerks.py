"""One clerk as a separate process (tests/postgres/test_clerks.py, benchmarks/postgres_bench.py).

Each clerk opens the server register, then in turn: edits one of the shared households (read,
change, save; a ConflictError means someone saved in between: re-read and try again, as a clerk
would), and adds households to a village of its own. Every save that went through is reported
with the marker it wrote, so the parent can prove none of them was lost. Given a survey, the clerk
also imports it into a village of its own; given a village to pay, it makes the payment batch of
that village's first instalment (several clerks may race for the same village)."""

from __future__ import annotations

import random
import time
import traceback
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from resettle.domain.household import HouseholdData, PersonData
from resettle.errors import ConflictError, ValidationError
from resettle.io.survey import ReadOptions
from resettle.services.payments import batches
from resettle.services.register import households, imports, projects
from resettle.store.audit import Actor
from resettle.store.database import Database
from tests.io.builders import household, person, survey_layout, write_xlsx


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


def survey_for(folder: Path, n: int, families: int) -> Path:
    """Clerk ``n``'s own survey: ``families`` households numbered I<n><i>, one or two members each."""
    rng = random.Random(1000 + n)
    rows = []
    for i in range(families):
        members = [person(f"陈导{n}户{i}", "户主", date(1965, 1 + i % 12, 9), "男", rng)]
        if i % 2:
            members.append(person(f"陈导{n}子{i}", "子", date(1995, 3, 1 + i % 27), "男", rng))
        rows.append(household(f"I{n:02d}{i:03d}", members, phone=f"139{n:02d}{i:06d}", bank_account=""))
    return write_xlsx(folder / f"clerk{n}.xlsx", {"一组": survey_layout(rows, title=f"导入村{n}入户调查表（一组）")})


def clerk(
    url: str,
    n: int,
    shared: list[int],
    project_id: int,
    edits: int,
    adds: int,
    survey: str | None = None,
    pay: tuple[int, int] | None = None,
) -> dict[str, Any]:
    """``survey``: a workbook to import into the clerk's village 导入村<n>; ``pay``: (project id, village
    id) whose first instalment the clerk puts into a payment batch."""
    out: dict[str, Any] = {"saved": [], "conflicts": 0, "other_errors": [], "latencies": [], "added": 0,
                           "imported": 0, "batches": [], "refused": []}  # fmt: skip
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
                if survey is not None and i == edits // 2:
                    out["imported"] = _import(db, out, Path(survey), project_id, f"导入村{n}")
                if pay is not None and i == edits // 2:
                    try:
                        made = batches.make_batch(db, pay[0], 1, village_id=pay[1])
                        out["batches"].append((made.batch_no, made.rows))
                    except ValidationError as exc:  # another clerk's batch took them first: a clear refusal
                        out["refused"].append(exc.message)
    except BaseException:
        out["other_errors"].append(traceback.format_exc())
    return out


def _import(db: Database, out: dict[str, Any], path: Path, project_id: int, village: str) -> int:
    while True:
        t0 = time.perf_counter()
        preview = imports.preview_import(db, path, project=project_id, options=ReadOptions(village=village))
        if preview.errors:
            raise AssertionError([e.message for e in preview.errors[:3]])
        try:
            result = imports.apply_import(db, preview)
        except ConflictError:  # the register changed between preview and import: preview again
            out["conflicts"] += 1
            continue
        finally:
            out["latencies"].append(time.perf_counter() - t0)
        return int(result.added)
