"""Procedure steps per project: legal minimums on the calendar, late and too-short steps, evidence hashes."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from resettle.errors import ValidationError
from resettle.services.procedure import steps
from resettle.services.register import projects
from resettle.store.database import Database


def d(text: str) -> date:
    return date.fromisoformat(text)


def by_code(views: list[steps.StepView]) -> dict[str, steps.StepView]:
    return {v.code: v for v in views}


def test_the_catalogue_is_listed_in_legal_order_without_writing(db: Database) -> None:
    pid = projects.create_project(db, "甲项目")
    views = steps.list_steps(db, pid, today=d("2025-03-01"))
    assert [v.name for v in views][:4] == ["征收土地预公告", "土地现状调查", "社会稳定风险评估", "补偿安置方案公告"]
    assert all(v.id is None for v in views)
    hearing = by_code(views)["hearing"]
    assert hearing.status == "不适用"
    pre = by_code(views)["pre_notice"]
    assert (pre.minimum, pre.unit, pre.status) == (10, "工作日", "未开始")


def test_a_pre_notice_shorter_than_ten_working_days_is_flagged(db: Database) -> None:
    pid = projects.create_project(db, "甲项目")
    # posted Friday 2024-09-27; 10 working days after it (National Day and its make-up days) is 10-16
    v = steps.set_step(
        db, pid, "pre_notice", start_date=d("2024-09-27"), end_date=d("2024-10-15"), today=d("2024-11-01")
    )
    assert v.earliest_end == d("2024-10-16")
    assert v.status == "期限不足"
    assert "2024-10-16" in v.problem
    v = steps.set_step(db, pid, "pre_notice", end_date=d("2024-10-16"), today=d("2024-11-01"))
    assert v.status == "已完成"
    assert projects.get_project(db, pid).details.cutoff_date == d("2024-09-27")  # the 预公告 date is the cut-off


def test_plan_notice_counts_thirty_calendar_days_rolled_past_a_holiday(db: Database) -> None:
    pid = projects.create_project(db, "甲项目")
    # 30 days after 2024-09-01 is 10-01, a holiday: the period runs to 10-08
    v = steps.set_step(
        db, pid, "plan_notice", start_date=d("2024-09-01"), end_date=d("2024-10-01"), today=d("2024-12-01")
    )
    assert v.earliest_end == d("2024-10-08")
    assert v.status == "期限不足"
    running = steps.set_step(db, pid, "plan_notice", end_date=None, today=d("2024-09-10"))
    assert running.status == "进行中"


def test_expropriation_notice_due_fifteen_working_days_after_approval(db: Database) -> None:
    pid = projects.create_project(db, "甲项目", approval_date=d("2025-01-20"))
    # 1-21..1-27 (incl. make-up Sunday 1-26) = 6, festival 1-28..2-4, then 2-5.. : 15th is 2-14
    v = by_code(steps.list_steps(db, pid, today=d("2025-03-01")))["expropriation_notice"]
    assert v.due_date == d("2025-02-14")
    assert v.status == "逾期"
    v = steps.set_step(db, pid, "expropriation_notice", start_date=d("2025-02-14"), today=d("2025-03-01"))
    assert v.status == "进行中"
    v = steps.set_step(db, pid, "expropriation_notice", start_date=d("2025-02-17"), today=d("2025-03-01"))
    assert v.status == "逾期"


def test_a_date_in_an_unknown_year_is_reported_not_guessed(db: Database) -> None:
    pid = projects.create_project(db, "甲项目")
    v = steps.set_step(db, pid, "pre_notice", start_date=d("2026-12-25"), today=d("2026-12-26"))
    assert v.status == "无法判断"
    assert "2027" in v.problem


def test_steps_stay_in_their_project(db: Database) -> None:
    a = projects.create_project(db, "甲项目")
    b = projects.create_project(db, "乙项目")
    steps.set_step(db, a, "pre_notice", start_date=d("2024-06-03"), end_date=d("2024-06-05"), today=d("2024-07-01"))
    steps.set_step(db, b, "pre_notice", start_date=d("2025-06-03"), end_date=d("2025-06-30"), today=d("2025-07-01"))
    va = by_code(steps.list_steps(db, a, today=d("2025-07-01")))["pre_notice"]
    vb = by_code(steps.list_steps(db, b, today=d("2025-07-01")))["pre_notice"]
    assert (va.start_date, va.status) == (d("2024-06-03"), "期限不足")
    assert (vb.start_date, vb.status) == (d("2025-06-03"), "已完成")
    assert projects.get_project(db, a).details.cutoff_date == d("2024-06-03")
    assert projects.get_project(db, b).details.cutoff_date == d("2025-06-03")


def test_evidence_is_hashed_and_a_changed_file_found(db: Database, tmp_path: Path) -> None:
    pid = projects.create_project(db, "甲项目")
    other = projects.create_project(db, "乙项目")
    photo = tmp_path / "预公告张贴照片.jpg"
    photo.write_bytes(b"\xff\xd8 photo of the posted notice")
    ev = steps.attach_step_evidence(db, pid, "pre_notice", photo, "照片")
    assert ev.sha256 == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert by_code(steps.list_steps(db, pid))["pre_notice"].evidence == (ev,)
    assert by_code(steps.list_steps(db, other))["pre_notice"].evidence == ()
    assert [c.state for c in steps.verify_evidence(db, pid)] == ["一致"]
    photo.write_bytes(b"something else")
    assert [c.state for c in steps.verify_evidence(db, pid)] == ["已改动"]
    assert steps.verify_evidence(db, other) == []


def test_bad_input_is_refused(db: Database) -> None:
    pid = projects.create_project(db, "甲项目")
    with pytest.raises(ValidationError, match="没有「nonsense」"):
        steps.set_step(db, pid, "nonsense", start_date=d("2024-06-03"))
    with pytest.raises(ValidationError, match="早于"):
        steps.set_step(db, pid, "survey", start_date=d("2024-06-03"), end_date=d("2024-06-01"))


def test_a_plan_posted_before_the_pre_notice_ended_is_out_of_order(db: Database) -> None:
    pid = projects.create_project(db, "甲项目")
    steps.set_step(db, pid, "pre_notice", start_date=d("2024-09-27"), end_date=d("2024-10-16"))
    v = steps.set_step(db, pid, "plan_notice", start_date=d("2024-10-16"), today=d("2024-10-20"))
    assert v.status == "顺序有误" and "2024-10-16" in v.problem
    v = steps.set_step(db, pid, "plan_notice", start_date=d("2024-10-17"), today=d("2024-10-20"))
    assert v.status == "进行中"
    # agreements signed while the plan may still be objected to
    # 30 days after 10-17 is 11-16, a Saturday: the period runs to Monday 11-18 inclusive
    early = steps.set_step(db, pid, "agreement", start_date=d("2024-11-18"), today=d("2024-12-20"))
    assert early.status == "顺序有误" and "2024-11-18" in early.problem
    ok = steps.set_step(db, pid, "agreement", start_date=d("2024-11-19"), today=d("2024-12-20"))
    assert ok.status == "进行中"


def test_a_step_planned_ahead_is_not_done_before_its_end(db: Database) -> None:
    """A posting scheduled for June showed 已完成 (green) in May: only an end date that has passed is done."""
    pid = projects.create_project(db, "甲项目")
    planned = steps.set_step(
        db, pid, "plan_notice", start_date=d("2025-06-03"), end_date=d("2025-07-10"), today=d("2025-05-20")
    )
    assert planned.status == "已排期" and planned.problem == ""  # entering a planned range stays possible
    status = {day: by_code(steps.list_steps(db, pid, today=d(day)))["plan_notice"].status
              for day in ("2025-05-20", "2025-06-03", "2025-07-09", "2025-07-10", "2025-07-11")}  # fmt: skip
    assert status == {
        "2025-05-20": "已排期",
        "2025-06-03": "进行中",
        "2025-07-09": "进行中",
        "2025-07-10": "已完成",
        "2025-07-11": "已完成",
    }
    # a planned range too short for the law is said at once, before it starts
    short = steps.set_step(db, pid, "plan_notice", end_date=d("2025-06-20"), today=d("2025-05-20"))
    assert short.status == "期限不足"
