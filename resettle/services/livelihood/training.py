"""Training: courses, enrolment, attendance and completion with certificates; the 培训 import; course rosters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from resettle.errors import NotFoundError, ValidationError
from resettle.io.livelihood_export import write_course_roster
from resettle.io.livelihood_records import CourseLine, CourseSheet
from resettle.io.livelihood_sheets import read_training
from resettle.services.accounts.guard import Need, require
from resettle.services.common import view_of
from resettle.services.livelihood.common import (
    CancelCheck,
    Progress,
    check_cancel,
    project_name,
    where_person_lives,
)
from resettle.services.livelihood.labour import ImportSummary, matched_sheet
from resettle.store.database import Database
from resettle.store.livelihood_models import TrainingCourse, TrainingEnrolment
from resettle.store.models import Household, Person, Village, VillageGroup

__all__ = [
    "CourseInfo",
    "EnrolmentView",
    "course_roster",
    "create_course",
    "enrol",
    "import_training",
    "list_courses",
    "record_result",
]


@dataclass(frozen=True)
class CourseInfo(CourseSheet):
    """A course as the window lists it: what the roster heads, with its id and counts."""

    id: int
    enrolled: int
    completed: int
    certified: int


@dataclass(frozen=True)
class EnrolmentView(CourseLine):
    """A trainee of a course as the window lists them: the roster's line with its record's ids."""

    id: int
    person_id: int


def _course(s: Session, project_id: int, course_id: int) -> TrainingCourse:
    course = s.get(TrainingCourse, course_id)
    if course is None or course.project_id != project_id:
        raise NotFoundError(f"本项目中没有编号为 {course_id} 的培训课程")
    return course


def _check_course(name: str, start: date | None, end: date | None, hours: int) -> None:
    if not name.strip():
        raise ValidationError("课程名称不能为空", field="课程")
    if start and end and end < start:
        raise ValidationError("结束日期早于开始日期", field="结束日期")
    if hours < 0:
        raise ValidationError("学时不能为负数", field="学时")


def create_course(
    db: Database,
    project_id: int,
    name: str,
    kind: str,
    *,
    provider: str = "",
    start: date | None = None,
    end: date | None = None,
    hours: int = 0,
) -> int:
    require(db, Need.ENTER, "新建培训课程")
    _check_course(name, start, end, hours)
    with db.write(reason="新建培训课程") as s:
        project_name(s, project_id)
        course = TrainingCourse(
            project_id=project_id,
            name=name.strip(),
            kind=kind.strip(),
            provider=provider.strip(),
            start_date=start,
            end_date=end,
            hours=hours,
        )
        s.add(course)
        s.flush()
        return course.id


def list_courses(db: Database, project_id: int) -> list[CourseInfo]:
    require(db, Need.READ, "查看培训课程")
    with db.read() as s:
        project_name(s, project_id)
        counts = {
            cid: (int(n), int(done or 0), int(cert or 0))
            for cid, n, done, cert in s.execute(
                select(
                    TrainingEnrolment.course_id,
                    func.count(),
                    func.sum(case((TrainingEnrolment.completed.is_(True), 1), else_=0)),  # not sum(bool): typed as bool
                    func.sum(
                        case(
                            (and_(TrainingEnrolment.completed.is_(True), TrainingEnrolment.certificate_name != ""), 1),
                            else_=0,
                        )
                    ),
                )
                .join(TrainingCourse)
                .where(TrainingCourse.project_id == project_id)
                .group_by(TrainingEnrolment.course_id)
            )
        }
        courses = s.scalars(
            select(TrainingCourse)
            .where(TrainingCourse.project_id == project_id)
            .order_by(TrainingCourse.start_date, TrainingCourse.id)
        )
        return [
            CourseInfo(
                c.name, c.kind, c.provider, c.start_date, c.end_date, c.hours, c.id, *counts.get(c.id, (0, 0, 0))
            )
            for c in courses
        ]


def enrol(db: Database, project_id: int, course_id: int, person_ids: list[int]) -> int:
    """Enrol people in a course (those already in it are left alone); returns how many were added."""
    require(db, Need.ENTER, "报名培训")
    with db.write(reason="报名培训") as s:
        _course(s, project_id, course_id)
        valid = set(
            s.scalars(
                select(Person.id).join(Household).where(Household.project_id == project_id, Person.id.in_(person_ids))
            )
        )
        missing = sorted(set(person_ids) - valid)
        if missing:
            raise NotFoundError(f"本项目中没有编号为 {', '.join(map(str, missing))} 的人员")
        present = set(s.scalars(select(TrainingEnrolment.person_id).where(TrainingEnrolment.course_id == course_id)))
        new = [pid for pid in dict.fromkeys(person_ids) if pid not in present]
        for pid in new:
            s.add(TrainingEnrolment(course_id=course_id, person_id=pid))
        return len(new)


def record_result(
    db: Database,
    project_id: int,
    enrolment_id: int,
    *,
    attended_hours: int,
    completed: bool,
    certificate_name: str = "",
    certificate_no: str = "",
) -> None:
    """Attendance, completion and certificate of one enrolment."""
    require(db, Need.ENTER, "录入培训结果")
    if attended_hours < 0:
        raise ValidationError("出勤学时不能为负数", field="出勤学时")
    if certificate_no.strip() and not certificate_name.strip():
        raise ValidationError("有证书编号时须填写证书名称", field="证书名称")
    if certificate_name.strip() and not completed:
        raise ValidationError("未结业的学员不能登记证书", field="是否结业")
    with db.write(reason="录入培训结果") as s:
        enrolment = s.get(TrainingEnrolment, enrolment_id)
        if enrolment is None:
            raise NotFoundError(f"没有编号为 {enrolment_id} 的报名记录")
        _course(s, project_id, enrolment.course_id)
        enrolment.attended_hours = attended_hours
        enrolment.completed = completed
        enrolment.certificate_name = certificate_name.strip()
        enrolment.certificate_no = certificate_no.strip()


def course_enrolments(s: Session, project_id: int, course_id: int) -> list[EnrolmentView]:
    _course(s, project_id, course_id)
    columns = (Person.name, Person.id_number, Person.sex, Village.name, VillageGroup.name, Household.household_no)
    rows = s.execute(
        where_person_lives(
            select(TrainingEnrolment, *columns).join(Person, TrainingEnrolment.person_id == Person.id)
        ).where(TrainingEnrolment.course_id == course_id)
    )
    return [
        EnrolmentView(
            n, i, sx, v, g, h, e.attended_hours, e.completed, e.certificate_name, e.certificate_no, e.id, e.person_id
        )
        for e, n, i, sx, v, g, h in rows
    ]


def list_enrolments(db: Database, project_id: int, course_id: int) -> list[EnrolmentView]:
    require(db, Need.READ, "查看培训名单")
    with db.read() as s:
        return course_enrolments(s, project_id, course_id)


def course_roster(db: Database, project_id: int, course_id: int, out: Path) -> Path:
    """The course roster (培训花名册) to print and sign: xlsx, or PDF when ``out`` ends in .pdf."""
    require(db, Need.READ, "导出培训花名册")
    with db.read() as s:
        project = project_name(s, project_id)
        c = _course(s, project_id, course_id)
        sheet = view_of(CourseSheet, c)
        lines: list[CourseLine] = list(course_enrolments(s, project_id, course_id))
    if Path(out).suffix.lower() == ".pdf":
        from resettle.services.demo.register import is_demo
        from resettle.services.documents.fonts import document_fonts
        from resettle.services.livelihood.printing import course_roster_pdf

        return course_roster_pdf(project, sheet, lines, Path(out), document_fonts(db), demo=is_demo(db))
    return write_course_roster(Path(out), project, sheet, lines)


def import_training(
    db: Database, project_id: int, path: Path, *, progress: Progress = None, cancelled: CancelCheck = None
) -> ImportSummary:
    """The labour office's 培训 sheet: courses found or created by name and start date, enrolments by ID."""
    require(db, Need.ENTER, "导入培训情况")
    read = read_training(Path(path))
    with db.read() as s:
        found, warnings = matched_sheet(
            s,
            project_id,
            "培训表",
            read,
            key=lambda r: (r.course, r.start_date, r.id_number),
            column="course",
            twice=lambda first: f"与第 {first} 行是同一人的同一课程",
        )
    added = changed = 0
    with db.write(reason=f"导入培训情况：{Path(path).name}") as s:
        courses = {
            (c.name, c.start_date): c
            for c in s.scalars(select(TrainingCourse).where(TrainingCourse.project_id == project_id))
        }
        for n, r in enumerate(read.rows, 1):
            check_cancel(cancelled)
            course = courses.get((r.course, r.start_date))
            if course is None:
                course = TrainingCourse(
                    project_id=project_id,
                    name=r.course,
                    kind=r.kind,
                    start_date=r.start_date,
                    end_date=r.end_date,
                    hours=r.hours,
                )
                s.add(course)
                s.flush()
                courses[(r.course, r.start_date)] = course
            person_id = found[r.row].id
            enrolment = s.scalar(
                select(TrainingEnrolment).where(
                    TrainingEnrolment.course_id == course.id, TrainingEnrolment.person_id == person_id
                )
            )
            values = (r.hours if r.completed else 0, r.completed, r.certificate_name, r.certificate_no)
            if enrolment is None:
                s.add(TrainingEnrolment(course_id=course.id, person_id=person_id))
                s.flush()
                enrolment = s.scalar(
                    select(TrainingEnrolment).where(
                        TrainingEnrolment.course_id == course.id, TrainingEnrolment.person_id == person_id
                    )
                )
                assert enrolment is not None
                added += 1
            elif (
                enrolment.attended_hours,
                enrolment.completed,
                enrolment.certificate_name,
                enrolment.certificate_no,
            ) != values:
                changed += 1
            (
                enrolment.attended_hours,
                enrolment.completed,
                enrolment.certificate_name,
                enrolment.certificate_no,
            ) = values
            if progress is not None:
                progress(n, len(read.rows))
    return ImportSummary(
        project_id,
        len(read.rows),
        added,
        changed,
        len(read.rows) - added - changed,
        tuple(str(w) for w in warnings),
    )


def certificates_by_person(s: Session, project_id: int) -> dict[int, tuple[frozenset[str], frozenset[str]]]:
    """person id -> (kinds of completed courses, names of certificates of completed courses)."""
    kinds: dict[int, set[str]] = {}
    certs: dict[int, set[str]] = {}
    rows = s.execute(
        select(TrainingEnrolment.person_id, TrainingCourse.kind, TrainingEnrolment.certificate_name)
        .join(TrainingCourse)
        .where(TrainingCourse.project_id == project_id, TrainingEnrolment.completed.is_(True))
    )
    for pid, kind, cert in rows:
        if kind:
            kinds.setdefault(pid, set()).add(kind)
        if cert:
            certs.setdefault(pid, set()).add(cert)
    return {pid: (frozenset(kinds.get(pid, ())), frozenset(certs.get(pid, ()))) for pid in set(kinds) | set(certs)}
