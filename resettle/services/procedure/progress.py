"""Headline figures of the procedure area for a dashboard: what is overdue, late or too short."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from resettle.services.accounts.guard import Need, require
from resettle.services.procedure.agreements import gate_in
from resettle.services.procedure.steps import PROBLEM_STATUSES, steps_in
from resettle.store.database import Database
from resettle.store.procedure_models import Grievance

__all__ = ["ProcedureCounts", "procedure_counts"]


@dataclass(frozen=True)
class ProcedureCounts:
    open_grievances: int = 0
    overdue_grievances: int = 0  # open and past their due date: shown in red
    step_problems: tuple[str, ...] = ()  # "征收土地预公告（期限不足）" …
    agreements_allowed: bool = True


def procedure_counts(db: Database, project_id: int, today: date | None = None) -> ProcedureCounts:
    require(db, Need.READ, "查看征收程序进度")
    today = today or date.today()
    with db.read() as s:
        open_, overdue = s.execute(
            select(func.count(), func.coalesce(func.sum(Grievance.due_on < today), 0)).where(
                Grievance.project_id == project_id, Grievance.closed_on.is_(None)
            )
        ).one()
        problems = tuple(
            f"{v.name}（{v.status}）" for v in steps_in(s, project_id, today) if v.status in PROBLEM_STATUSES
        )
        gate = gate_in(s, project_id, today)
    return ProcedureCounts(int(open_ or 0), int(overdue or 0), problems, gate.allowed)
