"""Labour status: the project's settings (reference date, working-age limits), employment import and entry."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Protocol, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from resettle.domain.labour import CONDITIONS, EMPLOYMENT_STATES, STATE_SEEKING, WorkingAgeLimits
from resettle.errors import NotFoundError, ValidationError
from resettle.io.livelihood_sheets import SheetIssue, SheetRead, read_employment
from resettle.services.accounts.guard import Need, require
from resettle.services.common import project_of
from resettle.services.livelihood.common import (
    CancelCheck,
    LivelihoodImportError,
    PersonFacts,
    Progress,
    check_cancel,
    load_people,
    now,
    people_by_id_number,
    project_name,
    reference_date,
    settings_of,
)
from resettle.store.database import Database
from resettle.store.livelihood_models import EmploymentRecord, LabourPerson, LabourSettings
from resettle.store.models import Household, Person

__all__ = [
    "EmploymentChange",
    "ImportSummary",
    "LabourSettingsView",
    "get_settings",
    "import_employment",
    "list_people",
    "person_history",
    "set_employment",
    "set_settings",
]


@dataclass(frozen=True)
class LabourSettingsView:
    project_id: int
    reference_date: date | None
    min_age: int
    male_retirement: int
    female_retirement: int
    visit_interval_months: int


@dataclass(frozen=True)
class ImportSummary:
    """What an import did; ``warnings`` are shown to the clerk but did not stop it."""

    project_id: int
    rows: int
    added: int
    changed: int
    unchanged: int
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class EmploymentChange:
    recorded_at: str
    state: str
    employer: str
    post: str
    start_date: date | None
    monthly_income: Decimal | None
    source: str


def get_settings(db: Database, project_id: int) -> LabourSettingsView:
    require(db, Need.READ, "查看就业设置")
    with db.read() as s:
        project_name(s, project_id)
        row = settings_of(s, project_id)
        if row is None:
            d = WorkingAgeLimits()
            return LabourSettingsView(project_id, None, d.minimum, d.male_retirement, d.female_retirement, 6)
        return LabourSettingsView(
            project_id,
            row.reference_date,
            row.min_age,
            row.male_retirement,
            row.female_retirement,
            row.visit_interval_months,
        )


def set_settings(
    db: Database,
    project_id: int,
    *,
    reference: date | None,
    min_age: int = 16,
    male_retirement: int = 60,
    female_retirement: int = 50,
    visit_interval_months: int = 6,
) -> LabourSettingsView:
    require(db, Need.ENTER, "修改就业设置")
    try:
        WorkingAgeLimits(min_age, male_retirement, female_retirement)
    except ValueError as exc:
        raise ValidationError(str(exc), field="劳动年龄") from exc
    if not 1 <= visit_interval_months <= 36:
        raise ValidationError("回访间隔应为 1–36 个月", field="回访间隔")
    with db.write(reason="修改就业设置") as s:
        project_name(s, project_id)
        row = settings_of(s, project_id)
        if row is None:
            row = LabourSettings(project_id=project_id)
            s.add(row)
        row.reference_date = reference
        row.min_age, row.male_retirement, row.female_retirement = min_age, male_retirement, female_retirement
        row.visit_interval_months = visit_interval_months
    return get_settings(db, project_id)


def list_people(
    db: Database, project_id: int, on: date | None = None, village_id: int | None = None
) -> list[PersonFacts]:
    """Every member of the project with age, labour category and employment status on ``on``."""
    require(db, Need.READ, "查看劳动力状况")
    with db.read() as s:
        project_name(s, project_id)
        return load_people(s, project_id, reference_date(s, project_id, on), village_id)


def _labour_row(s: Session, person_id: int) -> LabourPerson:
    row = s.scalar(select(LabourPerson).where(LabourPerson.person_id == person_id))
    if row is None:
        row = LabourPerson(person_id=person_id)
        s.add(row)
    return row


def apply_state(
    s: Session,
    person_id: int,
    state: str,
    *,
    employer: str = "",
    post: str = "",
    start: date | None = None,
    income: Decimal | None = None,
    source: str,
    condition: str | None = None,
) -> bool:
    """Set a person's current status and append it to the history when it changed. True if changed."""
    row = _labour_row(s, person_id)
    new = (state, employer, post, start, income)
    old = (row.state, row.employer, row.post, row.start_date, row.monthly_income)
    changed = new != old or (condition is not None and condition != row.condition)
    if condition is not None:
        row.condition = condition
    if new == old:
        return changed
    if state == STATE_SEEKING and row.state != STATE_SEEKING:
        row.unemployed_since = start or date.today()
    elif state != STATE_SEEKING:
        row.unemployed_since = None
    row.state, row.employer, row.post, row.start_date, row.monthly_income = new
    row.updated_at = now()
    s.add(
        EmploymentRecord(
            person_id=person_id,
            state=state,
            employer=employer,
            post=post,
            start_date=start,
            monthly_income=income,
            source=source,
            recorded_at=now(),
        )
    )
    return True


def _project_person(s: Session, project_id: int, person_id: int) -> Person:
    person = s.get(Person, person_id)
    if person is None or s.get(Household, person.household_id).project_id != project_id:  # type: ignore[union-attr]
        raise NotFoundError(f"本项目中没有编号为 {person_id} 的人员")
    return person


def set_employment(
    db: Database,
    project_id: int,
    person_id: int,
    state: str,
    *,
    employer: str = "",
    post: str = "",
    start: date | None = None,
    income: Decimal | None = None,
    condition: str | None = None,
) -> None:
    """The clerk records one person's employment status (and optionally 在校学生 / 丧失劳动能力)."""
    require(db, Need.ENTER, "录入就业状况")
    if state not in (*EMPLOYMENT_STATES, ""):
        raise ValidationError(f"就业状态「{state}」不在 {'、'.join(EMPLOYMENT_STATES)} 之中", field="就业状态")
    if condition is not None and condition not in CONDITIONS:
        raise ValidationError(f"劳动能力状况「{condition}」无效", field="状况")
    if income is not None and income < 0:
        raise ValidationError("月收入不能为负数", field="月收入")
    with db.write(reason="录入就业状况") as s:
        _project_person(s, project_id, person_id)
        apply_state(
            s,
            person_id,
            state,
            employer=employer,
            post=post,
            start=start,
            income=income,
            source="录入",
            condition=condition,
        )


def person_history(db: Database, project_id: int, person_id: int) -> list[EmploymentChange]:
    require(db, Need.READ, "查看就业经历")
    with db.read() as s:
        _project_person(s, project_id, person_id)
        rows = s.scalars(
            select(EmploymentRecord).where(EmploymentRecord.person_id == person_id).order_by(EmploymentRecord.id)
        )
        return [
            EmploymentChange(
                r.recorded_at.isoformat(sep=" ") if r.recorded_at else "",
                r.state,
                r.employer,
                r.post,
                r.start_date,
                r.monthly_income,
                r.source,
            )
            for r in rows
        ]


class _PersonRow(Protocol):
    @property
    def row(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def id_number(self) -> str: ...


R = TypeVar("R", bound=_PersonRow)


def matched_sheet(
    s: Session,
    project_id: int,
    what: str,
    read: SheetRead[R],
    *,
    key: Callable[[R], Hashable],
    column: str,
    twice: Callable[[int], str],
) -> tuple[dict[int, PersonFacts], list[SheetIssue]]:
    """A labour-office sheet's rows -> the project's people (row -> person) and the warnings; all or nothing.

    Unknown IDs, the sheet's own errors and rows that repeat another (the same ``key``; the
    error names ``column`` and says ``twice(first row)``) refuse the whole
    sheet with every problem; a name that differs from the register is a warning."""
    errors = list(read.errors)
    project_of(s, project_id)
    people = people_by_id_number(load_people(s, project_id, date.today()))
    id_column, name_column = read.columns.get("id_number", ""), read.columns.get("name", "")
    found: dict[int, PersonFacts] = {}
    warnings: list[SheetIssue] = []
    for r in read.rows:
        person = people.get(r.id_number)
        if person is None:
            errors.append(
                SheetIssue("error", read.sheet, r.row, id_column, f"身份证号码 {r.id_number} 不在本项目的登记册中")
            )
            continue
        if r.name and r.name != person.name:
            warnings.append(
                SheetIssue(
                    "warning",
                    read.sheet,
                    r.row,
                    name_column,
                    f"姓名「{r.name}」与登记册中的「{person.name}」不一致（按身份证号码导入）",
                )
            )
        found[r.row] = person
    seen: dict[Hashable, int] = {}
    for r in read.rows:
        k = key(r)
        if k in seen:
            errors.append(SheetIssue("error", read.sheet, r.row, read.columns.get(column, ""), twice(seen[k])))
        seen.setdefault(k, r.row)
    if errors:
        raise LivelihoodImportError(what, sorted(errors, key=lambda i: (i.row, i.column)))
    return found, warnings + read.warnings


def import_employment(
    db: Database, project_id: int, path: Path, *, progress: Progress = None, cancelled: CancelCheck = None
) -> ImportSummary:
    """The labour office's 就业 sheet, matched by ID; all or nothing."""
    require(db, Need.ENTER, "导入就业情况")
    read = read_employment(Path(path))
    with db.read() as s:
        found, warnings = matched_sheet(
            s,
            project_id,
            "就业表",
            read,
            key=lambda r: r.id_number,
            column="id_number",
            twice=lambda first: f"身份证号码与第 {first} 行重复",
        )
    added = changed = 0
    with db.write(reason=f"导入就业情况：{Path(path).name}") as s:
        for n, r in enumerate(read.rows, 1):
            check_cancel(cancelled)
            person = found[r.row]
            had = bool(person.state)
            if apply_state(
                s,
                person.id,
                r.state,
                employer=r.employer,
                post=r.post,
                start=r.start_date,
                income=r.monthly_income,
                source=f"导入 {Path(path).name}"[:50],
            ):
                changed += had
                added += not had
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
