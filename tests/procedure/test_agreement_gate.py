"""A formal agreement is not printed before the 补偿安置方案公告 period ended, unless an admin lets it through."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from resettle.domain.roles import Role
from resettle.errors import PermissionDenied, ValidationError
from resettle.services.documents import printing as docs
from resettle.services.procedure import agreements, steps
from resettle.services.register import projects
from resettle.store.database import Database
from tests.documents.conftest import price


def test_agreements_wait_for_the_plan_notice_period(demo_db: Database, tmp_path: Path) -> None:
    price(demo_db)
    pid = projects.resolve_project(demo_db, None)
    other = projects.create_project(demo_db, "乙项目")
    hid = int(demo_db.raw_connection().execute("SELECT min(id) FROM household").fetchone()[0])
    out = tmp_path / "agreement.pdf"
    # not registered in the procedure: the program cannot know, so it does not hold printing back, but says so
    unknown = agreements.agreement_gate(demo_db, pid)
    assert unknown.allowed and "尚未在「程序」中登记" in unknown.message
    today = date.today()
    steps.set_step(demo_db, pid, "plan_notice", start_date=today - timedelta(days=10))
    gate = agreements.agreement_gate(demo_db, pid)
    assert not gate.allowed and gate.plan_notice_end is not None and gate.plan_notice_end >= today + timedelta(days=20)
    with pytest.raises(ValidationError, match="方案公告期"):
        docs.export_pdf(demo_db, "agreement", out, household_ids=[hid])
    assert not out.exists()
    docs.export_pdf(demo_db, "agreement", tmp_path / "draft.pdf", household_ids=[hid], draft=True)  # drafts print
    docs.export_pdf(demo_db, "notice", tmp_path / "notice.pdf", household_ids=[hid])  # other documents print
    assert agreements.agreement_gate(demo_db, other).allowed  # the other project is not held back

    with pytest.raises(ValidationError, match="理由"):
        agreements.allow_early_agreements(demo_db, pid, "  ")
    demo_db.role = Role.CLERK  # type: ignore[attr-defined]
    try:
        with pytest.raises(PermissionDenied):
            agreements.allow_early_agreements(demo_db, pid, "县政府要求提前签约")
        demo_db.role = Role.ADMIN  # type: ignore[attr-defined]
        opened = agreements.allow_early_agreements(demo_db, pid, "县政府要求提前签约")
    finally:
        del demo_db.role  # type: ignore[attr-defined]
    assert opened.allowed and "县政府要求提前签约" in opened.message
    result = docs.export_pdf(demo_db, "agreement", out, household_ids=[hid])
    assert result.issued == 1 and out.is_file()


def test_an_ended_period_lets_agreements_print(db: Database) -> None:
    pid = projects.create_project(db, "甲项目")
    steps.set_step(db, pid, "plan_notice", start_date=date(2025, 9, 1), end_date=date(2025, 10, 1))
    # 30 days after 9-01 is 10-01, a holiday: the period runs to 10-09 (国庆+中秋 10-01..10-08)
    gate = agreements.agreement_gate(db, pid, today=date(2025, 10, 9))
    assert not gate.allowed and gate.plan_notice_end == date(2025, 10, 9)
    assert agreements.agreement_gate(db, pid, today=date(2025, 10, 10)).allowed
