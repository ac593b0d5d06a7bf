"""Follow-up visits (回访): record a visit; who is due (never visited, or the last visit is older than the interval)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from resettle.domain.labour import EMPLOYMENT_STATES
from resettle.errors import NotFoundError, ValidationError
from resettle.services.accounts.guard import Need, require
from resettle.services.livelihood.common import load_people, project_name, reference_date, settings_of
from resettle.store.database import Database
from resettle.store.livelihood_models import FollowUpVisit
from resettle.store.models import Household, Person

__all__ = ["DueVisit", "VisitView", "add_months", "add_visit", "list_visits", "visits_due"]


@dataclass(frozen=True)
class VisitView:
    id: int
    person_id: int
    visit_date: date
    state: str
    monthly_income: Decimal | None
    note: str


@dataclass(frozen=True)
class DueVisit:
    person_id: int
    name: str
    id_number: str
    village: str
    household_no: str
    state: str
    last_visit: date | None
    due: date


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it is shorter)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_visit(
    db: Database,
    project_id: int,
    person_id: int,
    visit_date: date,
    state: str,
    monthly_income: Decimal | None = None,
    note: str = "",
) -> int:
    require(db, Need.ENTER, "登记回访")
    if state and state not in EMPLOYMENT_STATES:
        raise ValidationError(f"回访时的就业状态「{state}」无效", field="就业状态")
    if monthly_income is not None and monthly_income < 0:
        raise ValidationError("月收入不能为负数", field="月收入")
    with db.write(reason="登记回访") as s:
        person = s.get(Person, person_id)
        household = s.get(Household, person.household_id) if person is not None else None
        if household is None or household.project_id != project_id:
            raise NotFoundError(f"本项目中没有编号为 {person_id} 的人员")
        visit = FollowUpVisit(
            person_id=person_id, visit_date=visit_date, state=state, monthly_income=monthly_income, note=note.strip()
        )
        s.add(visit)
        s.flush()
        return visit.id


def list_visits(db: Database, project_id: int, person_id: int) -> list[VisitView]:
    require(db, Need.READ, "查看回访记录")
    with db.read() as s:
        project_name(s, project_id)
        rows = s.scalars(
            select(FollowUpVisit)
            .join(Person, FollowUpVisit.person_id == Person.id)
            .join(Household, Person.household_id == Household.id)
            .where(FollowUpVisit.person_id == person_id, Household.project_id == project_id)
            .order_by(FollowUpVisit.visit_date, FollowUpVisit.id)
        )
        return [VisitView(v.id, v.person_id, v.visit_date, v.state, v.monthly_income, v.note) for v in rows]


def visits_due(db: Database, project_id: int, on: date | None = None) -> list[DueVisit]:
    """Working-age land-lost persons whose next visit (last visit + interval) falls on or before ``on``."""
    require(db, Need.READ, "查看待回访人员")
    with db.read() as s:
        project_name(s, project_id)
        day = reference_date(s, project_id, on) if on is None else on
        settings = settings_of(s, project_id)
        interval = settings.visit_interval_months if settings is not None else 6
        last = dict(
            s.execute(
                select(FollowUpVisit.person_id, func.max(FollowUpVisit.visit_date))
                .join(Person, FollowUpVisit.person_id == Person.id)
                .join(Household, Person.household_id == Household.id)
                .where(Household.project_id == project_id)
                .group_by(FollowUpVisit.person_id)
            ).all()
        )
        out: list[DueVisit] = []
        for p in load_people(s, project_id, day):
            if not (p.land_lost and p.working_age):
                continue
            previous = last.get(p.id)
            due = add_months(previous, interval) if previous is not None else day
            if due <= day:
                out.append(DueVisit(p.id, p.name, p.id_number, p.village, p.household_no, p.state, previous, due))
        return out
