"""Ten clerks in ten processes on one server register: no update lost, every conflict surfaced as a
ConflictError (and nothing else), the audit chain one line and ``check`` green afterwards."""

from __future__ import annotations

import multiprocessing
from collections import Counter

import pytest

from resettle.domain.household import HouseholdData, PersonData
from resettle.services.register import checks, households, projects
from resettle.store.database import Database
from tests.conftest import CLERK
from tests.postgres.clerks import clerk, shared_households

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
CLERKS = 10
EDITS = 12
ADDS = 4


def test_ten_clerks_lose_no_update_and_the_check_stays_green(server_db: Database, server_url: str) -> None:
    pid, shared = shared_households(server_db, 5)
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(CLERKS) as pool:
        results = pool.starmap(clerk, [(server_url, n, shared, pid, EDITS, ADDS) for n in range(CLERKS)])
    errors = [e for r in results for e in r["other_errors"]]
    assert errors == [], errors[0]
    saved = [s for r in results for s in r["saved"]]
    assert len(saved) == CLERKS * EDITS
    conflicts = sum(r["conflicts"] for r in results)
    assert conflicts > 0, "the clerks never met: the test proves nothing about conflicts"
    lost = []
    for hid in shared:
        remarks = households.get_household(server_db, hid).data.remarks.split()
        wanted = [m for h, m in saved if h == hid]
        assert Counter(remarks) == Counter(remarks) & Counter(remarks)  # no duplicates beyond what was written
        lost += [m for m in wanted if m not in remarks]
        assert len(remarks) == len(wanted), (hid, sorted(set(remarks) ^ set(wanted)))
    assert lost == []
    added = sum(r["added"] for r in results)
    assert added == CLERKS * ADDS
    report = checks.check_database(server_db)
    assert report.ok, report.problems
    assert report.audit_entries > 0
    print(
        f"\n{CLERKS} clerks: {len(saved)} edits saved, {conflicts} conflicts surfaced and retried, {added} households added"
    )


def test_the_clerk_worker_reports_a_conflict_as_such(server_db: Database, server_url: str) -> None:
    """The worker itself: one clerk alone saves everything without conflicts (so the counts above are real)."""
    pid = projects.create_project(server_db, "单人项目")
    gid = projects.add_group(server_db, pid, "甲村", "一组")
    hid = households.create_household(
        server_db,
        HouseholdData(household_no="A001", group_id=gid, head_name="甲", persons=(PersonData("甲", "", "户主"),)),
    ).id
    out = clerk(server_url, 0, [hid], pid, 3, 1)
    assert out["other_errors"] == [] and out["conflicts"] == 0 and len(out["saved"]) == 3
    assert households.get_household(server_db, hid).data.remarks == "c0e0 c0e1 c0e2"
    assert CLERK.user == "clerk1"
