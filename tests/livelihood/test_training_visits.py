"""Training entry and course roster, visits due, settings, roles; every action stays in its project."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from resettle.domain.roles import Role
from resettle.errors import NotFoundError, PermissionDenied, ValidationError
from resettle.services.livelihood import jobs, labour, social_security, training, visits
from resettle.services.livelihood.visits import add_months
from resettle.store.database import Database
from tests import dbraw
from tests.livelihood.conftest import WAVE2

REFERENCE = date(2026, 3, 31)


def test_courses_enrolment_results_and_the_roster(
    two_db: Database, sample_project: int, demo_project: int, tmp_path: Path
) -> None:
    people = labour.list_people(two_db, sample_project, REFERENCE)
    course = training.create_course(
        two_db,
        sample_project,
        "家政服务培训班",
        "家政",
        provider="县职教中心",
        start=date(2026, 5, 1),
        end=date(2026, 5, 20),
        hours=60,
    )
    assert training.enrol(two_db, sample_project, course, [people[0].id, people[1].id]) == 2
    assert training.enrol(two_db, sample_project, course, [people[0].id]) == 0  # already in it
    other = labour.list_people(two_db, demo_project, REFERENCE)[0]
    with pytest.raises(NotFoundError):
        training.enrol(two_db, sample_project, course, [other.id])  # the demo project's person
    with pytest.raises(NotFoundError):
        training.enrol(two_db, demo_project, course, [other.id])  # the sample project's course
    rows = training.list_enrolments(two_db, sample_project, course)
    with pytest.raises(ValidationError, match="未结业"):
        training.record_result(
            two_db, sample_project, rows[0].id, attended_hours=30, completed=False, certificate_name="家政证"
        )
    training.record_result(
        two_db,
        sample_project,
        rows[0].id,
        attended_hours=60,
        completed=True,
        certificate_name="家政服务员证",
        certificate_no="JZ001",
    )
    info = next(c for c in training.list_courses(two_db, sample_project) if c.id == course)
    assert (info.enrolled, info.completed, info.certified) == (2, 1, 1)
    assert training.list_courses(two_db, demo_project) == []
    out = training.course_roster(two_db, sample_project, course, tmp_path / "roster.xlsx")
    ws = openpyxl.load_workbook(out)["培训花名册"]
    assert ws.cell(4, 3).value == rows[0].id_number and ws.cell(4, 11).value == "JZ001"
    pdf = training.course_roster(two_db, sample_project, course, tmp_path / "roster.pdf")
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert "家政服务培训班学员花名册" in text and rows[0].id_number in text and "JZ001" in text


def test_the_certificate_opens_the_post_it_requires(two_db: Database, sample_project: int) -> None:
    jobs.import_posts(two_db, sample_project, WAVE2 / "jobs_posts.xlsx")
    before = {
        p.id_number for p in jobs.match_jobs(two_db, sample_project, REFERENCE, save=False) if p.post == "维修电工"
    }
    people = labour.list_people(two_db, sample_project, REFERENCE)
    electrician = next(
        p for p in people if p.working_age and p.sex == "男" and 20 <= (p.age or 0) <= 50 and p.id_number not in before
    )
    course = training.create_course(two_db, sample_project, "低压电工培训班", "电工", hours=80)
    training.enrol(two_db, sample_project, course, [electrician.id])
    enrolment = training.list_enrolments(two_db, sample_project, course)[0]
    training.record_result(
        two_db, sample_project, enrolment.id, attended_hours=80, completed=True, certificate_name="电工证"
    )
    after = [p for p in jobs.match_jobs(two_db, sample_project, REFERENCE, save=False) if p.post == "维修电工"]
    assert electrician.id_number in {p.id_number for p in after}
    chosen = next(p for p in after if p.id_number == electrician.id_number)
    assert "持有电工证" in chosen.reasons and "参加过电工培训并结业" in chosen.reasons


def test_visits_due_by_interval_and_project(two_db: Database, sample_project: int, demo_project: int) -> None:
    labour.set_settings(two_db, sample_project, reference=REFERENCE, visit_interval_months=3)
    due = visits.visits_due(two_db, sample_project, REFERENCE)
    working = [p for p in labour.list_people(two_db, sample_project, REFERENCE) if p.working_age and p.land_lost]
    assert {d.person_id for d in due} == {p.id for p in working}  # nobody visited yet
    person = working[0]
    visits.add_visit(two_db, sample_project, person.id, date(2026, 1, 15), "已就业", Decimal("3200"), "在园区保洁")
    assert person.id not in {d.person_id for d in visits.visits_due(two_db, sample_project, REFERENCE)}
    on_due = visits.visits_due(two_db, sample_project, date(2026, 4, 15))
    assert person.id in {d.person_id for d in on_due}  # 2026-01-15 + 3 months
    assert next(d for d in on_due if d.person_id == person.id).last_visit == date(2026, 1, 15)
    assert [v.note for v in visits.list_visits(two_db, sample_project, person.id)] == ["在园区保洁"]
    assert visits.list_visits(two_db, demo_project, person.id) == []
    with pytest.raises(NotFoundError):
        visits.add_visit(two_db, demo_project, person.id, REFERENCE, "已就业")
    with pytest.raises(ValidationError):
        visits.add_visit(two_db, sample_project, person.id, REFERENCE, "在家")
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2023, 11, 30), 3) == date(2024, 2, 29)


def test_working_age_limits_are_the_projects_own(two_db: Database, sample_project: int, demo_project: int) -> None:
    default = labour.list_people(two_db, sample_project, REFERENCE)
    labour.set_settings(
        two_db, sample_project, reference=REFERENCE, min_age=18, male_retirement=63, female_retirement=55
    )
    changed = labour.list_people(two_db, sample_project)  # the settings' reference date
    for before, after in zip(default, changed, strict=True):
        age, sex = after.age or 0, after.sex
        assert after.working_age == (18 <= age < (55 if sex == "女" else 63))
        assert before.working_age == (16 <= age < (50 if sex == "女" else 60))
    assert labour.get_settings(two_db, demo_project).min_age == 16  # the other project keeps the defaults
    with pytest.raises(ValidationError):
        labour.set_settings(two_db, sample_project, reference=None, min_age=60, male_retirement=60)


def test_an_auditor_reads_but_cannot_write(two_db: Database, sample_project: int, tmp_path: Path) -> None:
    social_security.import_standard(two_db, sample_project, WAVE2 / "ss_standard.xlsx", publish=True)
    two_db.role = Role.AUDITOR  # type: ignore[attr-defined]
    try:
        assert social_security.roster(two_db, sample_project).persons == 148
        assert labour.list_people(two_db, sample_project)
        for call in (
            lambda: labour.import_employment(two_db, sample_project, WAVE2 / "jobs_employment.xlsx"),
            lambda: training.import_training(two_db, sample_project, WAVE2 / "jobs_training.xlsx"),
            lambda: jobs.import_posts(two_db, sample_project, WAVE2 / "jobs_posts.xlsx"),
            lambda: jobs.match_jobs(two_db, sample_project, REFERENCE),
            lambda: social_security.reconcile(two_db, sample_project, WAVE2 / "ss_reply.xlsx"),
            lambda: social_security.import_standard(two_db, sample_project, WAVE2 / "ss_standard.xlsx"),
            lambda: visits.add_visit(two_db, sample_project, 1, REFERENCE, "已就业"),
            lambda: labour.set_settings(two_db, sample_project, reference=REFERENCE),
        ):
            with pytest.raises(PermissionDenied):
                call()
        # A read-only reconciliation is allowed (nothing kept).
        assert (
            social_security.reconcile(two_db, sample_project, WAVE2 / "ss_reply.xlsx", save=False).counts["matched"] > 0
        )
    finally:
        two_db.role = None  # type: ignore[attr-defined]
    conn = dbraw.connect(two_db.path)
    try:
        assert conn.execute("SELECT count(*) FROM ss_enrolment").fetchone()[0] == 0
    finally:
        conn.close()
