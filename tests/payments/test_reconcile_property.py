"""Reconciliation holds to the 分 after any sequence of compute, review, sign, supplement, pay and fail."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from resettle.errors import ResettleError
from resettle.services.compensation import adjustments, reviewing
from resettle.services.payments import agreements, batches, reconcile
from resettle.store.database import Database
from tests.conftest import CLERK
from tests.payments.conftest import REVIEWER, household_ids
from tests.payments.replies import answer

N = 4  # households of the first project taking part
op = st.one_of(
    st.tuples(st.just("adjust"), st.integers(0, N - 1), st.integers(-50_000, 500_000)),
    st.tuples(st.just("review"), st.integers(0, N - 1), st.just(0)),
    st.tuples(st.just("sign"), st.integers(0, N - 1), st.sampled_from([0, 1, 2])),
    st.tuples(st.just("sign"), st.integers(0, N - 1), st.sampled_from([0, 1, 2])),
    st.tuples(st.just("supplement"), st.integers(0, N - 1), st.just(0)),
    st.tuples(st.just("amend"), st.integers(0, N - 1), st.integers(-50_000, 500_000)),  # adjust, review, supplement
    st.tuples(st.just("vacate"), st.integers(0, N - 1), st.just(0)),
    st.tuples(st.just("pay"), st.integers(1, 2), st.integers(0, 2**N - 1)),  # bit mask: which households fail
    st.tuples(st.just("pay"), st.just(1), st.integers(0, 2**N - 1)),
)
PLANS = ["100", "70,30", "33.33,33.33,33.34"]


def check(db: Database, project_id: int) -> None:
    rec = reconcile.reconcile(db, project_id)
    assert rec.agreed == rec.paid + rec.outstanding
    gap = sum(
        (d.amount for d in rec.differences if d.cause in (reconcile.CAUSE_UNSIGNED, reconcile.CAUSE_CHANGED)),
        Decimal("0.00"),
    )
    assert rec.computed - rec.agreed == gap
    assert not [d for d in rec.differences if d.cause in (reconcile.CAUSE_PLAN, reconcile.CAUSE_PAID)]
    assert sum((h.computed for h in rec.households), Decimal("0.00")) == rec.computed
    with db.read() as s:
        paid = (
            s.connection()
            .exec_driver_sql(
                "SELECT coalesce(sum(p.amount), 0) FROM payment p JOIN payment_batch b ON b.id = p.batch_id "
                "WHERE p.result = '成功' AND b.project_id = ?",
                (project_id,),
            )
            .scalar()
        )
    assert Decimal(int(paid or 0)) / 100 == rec.paid


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(op, min_size=4, max_size=14))
def test_reconciliation_always_adds_up(two_project_template: Path, ops: list[tuple[str, int, int]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.sqlite3"
        shutil.copyfile(two_project_template, path)
        with Database.open(path, actor=CLERK, startup_backup=False) as db:
            project_id = 1
            ids = household_ids(db, project_id)[:N]
            day = date(2026, 7, 1)
            for n, (kind, x, y) in enumerate(ops):
                try:
                    if kind == "adjust":
                        db.actor = CLERK
                        adjustments.add_adjustment(db, ids[x], "调整", Decimal(y) / 100, f"第 {n} 次调整")
                    elif kind == "review":
                        db.actor = REVIEWER
                        reviewing.review(db, ids[x])
                    elif kind == "sign":
                        db.actor = CLERK
                        agreements.sign_agreements(db, project_id, [ids[x]], day, PLANS[y])
                    elif kind == "amend":
                        db.actor = CLERK
                        adjustments.add_adjustment(db, ids[x], "补差项目", Decimal(y) / 100, f"第 {n} 次更正")
                        db.actor = REVIEWER
                        reviewing.review(db, ids[x])
                        db.actor = CLERK
                        agreements.supplement_from_recompute(db, project_id, ids[x], "补差", day)
                    elif kind == "supplement":
                        db.actor = CLERK
                        agreements.supplement_from_recompute(db, project_id, ids[x], "补差", day)
                    elif kind == "vacate":
                        agreements.mark_vacated(db, project_id, [ids[x]], day)
                    else:
                        info = batches.make_batch(db, project_id, x)
                        out = Path(folder) / f"b{n}.xlsx"
                        batches.write_bank_files(db, project_id, info.id, out)
                        lines = batches.batch_lines(db, project_id, info.id)
                        failing = {line.household_no for i, line in enumerate(lines) if y >> (i % N) & 1}
                        batches.apply_reply(
                            db, project_id, answer(out, Path(folder) / f"r{n}.xlsx", fail=lambda no, f=failing: no in f)
                        )
                    event(f"{kind} done")
                except ResettleError:
                    event(f"{kind} refused")  # an action the state does not allow: nothing written
                check(db, project_id)
            check(db, 2)
