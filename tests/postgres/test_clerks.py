"""Ten clerks in ten processes on one server register: no update lost, every conflict surfaced as a
ConflictError (and nothing else), the audit chain one line and ``check`` green afterwards."""

from __future__ import annotations

import multiprocessing
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from resettle.domain.household import HouseholdData, PersonData
from resettle.services.compensation import reviewing
from resettle.services.demo.generate import demo_compensation, generate_demo
from resettle.services.payments import agreements, batches
from resettle.services.register import checks, households, projects, search
from resettle.services.register.records import HouseholdQuery
from resettle.store.accounts_models import Payment
from resettle.store.audit import Actor
from resettle.store.database import Database
from tests.conftest import CLERK
from tests.postgres.clerks import clerk, shared_households, survey_for

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


def test_ten_clerks_import_and_pay_at_once_without_a_lost_import_or_a_double_payment(
    server_db: Database, server_url: str, tmp_path: Path
) -> None:
    """While they edit the shared households, each clerk imports its own survey into its own village,
    and the clerks race five by five for the payment batch of one demo village's first
    instalment: every due instalment lands in exactly one batch, the other clerks get a clear refusal."""
    pid, shared = shared_households(server_db, 5)
    paid = generate_demo(server_db, households=150, seed=21).project_id
    demo_compensation(server_db, paid)
    ids = [r.id for r in search.list_households(server_db, HouseholdQuery(project_id=paid), 0, 1000).rows]
    with Database.open(server_url, actor=Actor("reviewer1", "office-pc2")) as reviewer:
        assert reviewing.review_many(reviewer, ids) == len(ids)
    agreements.sign_agreements(server_db, paid, None, date(2026, 6, 1), "70,30")
    villages = [v.id for p in projects.tree(server_db, with_counts=False) if p.id == paid for v in p.villages]
    assert len(villages) >= 2
    due = {v: batches.due_instalments(server_db, paid, 1, village_id=v) for v in villages}
    payable = {v: [d for d in rows if d.bank_account.strip()] for v, rows in due.items()}
    assert all(payable.values()), "every village needs payable instalments, or the race proves nothing"
    surveys = [str(survey_for(tmp_path, n, 6)) for n in range(CLERKS)]
    jobs = [(server_url, n, shared, pid, 6, 1, surveys[n], (paid, villages[n % len(villages)])) for n in range(CLERKS)]
    with multiprocessing.get_context("spawn").Pool(CLERKS) as pool:
        results = pool.starmap(clerk, jobs)
    errors = [e for r in results for e in r["other_errors"]]
    assert errors == [], errors[0]
    # the imports: each clerk's six households, in its own village, none lost
    assert [r["imported"] for r in results] == [6] * CLERKS
    for n in range(CLERKS):
        found = search.list_households(server_db, HouseholdQuery(project_id=pid, text=f"I{n:02d}"), 0, 100).rows
        assert sorted(h.household_no for h in found) == [f"I{n:02d}{i:03d}" for i in range(6)]
    # the payments: one batch per village, holding every payable instalment; the others refused
    made: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for n, r in enumerate(results):
        made[villages[n % len(villages)]] += r["batches"]
        assert all("没有可付的分期" in m for m in r["refused"]), r["refused"]
    for v in villages:
        assert len(made[v]) == 1, (v, made[v])
        assert made[v][0][1] == len(payable[v])
        assert [d.instalment_id for d in batches.due_instalments(server_db, paid, 1, village_id=v)] == [
            d.instalment_id for d in due[v] if not d.bank_account.strip()
        ]
    assert sum(len(r["refused"]) for r in results) == CLERKS - len(villages)
    with server_db.read() as s:
        twice = s.execute(select(Payment.instalment_id).group_by(Payment.instalment_id).having(func.count() > 1)).all()
    assert twice == []
    # the edits still all there
    saved = [s for r in results for s in r["saved"]]
    for hid in shared:
        remarks = households.get_household(server_db, hid).data.remarks.split()
        assert sorted(remarks) == sorted(m for h, m in saved if h == hid)
    report = checks.check_database(server_db)
    assert report.ok, report.problems
    conflicts = sum(r["conflicts"] for r in results)
    print(f"\n{CLERKS} clerks: {len(saved)} edits, {CLERKS * 6} households imported, "
          f"{len(villages)} batches, {CLERKS - len(villages)} refused, {conflicts} conflicts retried")  # fmt: skip
