"""The dashboard shows open and overdue grievances of its project (the procedure area's figures)."""

from __future__ import annotations

from datetime import date

from resettle.services.livelihood import dashboard
from resettle.services.procedure.grievances import GrievanceInput, add_grievance
from resettle.services.register import projects
from resettle.store.database import Database


def test_overdue_grievances_are_on_the_dashboard_of_their_project_only(demo_db: Database) -> None:
    db = demo_db
    first = projects.resolve_project(db, None)
    second = projects.create_project(db, "德源村项目")
    add_grievance(db, first, GrievanceInput("王芳", "来访", date(2026, 3, 2), content="补偿面积有误"))
    add_grievance(db, first, GrievanceInput("李明", "来访", date.today(), content="过渡费"))
    add_grievance(db, second, GrievanceInput("赵兰", "来访", date(2026, 3, 2)))
    data = dashboard.dashboard(db, first)
    assert (data.grievances_open, data.grievances_overdue) == (2, 1)
    other = dashboard.dashboard(db, second)
    assert (other.grievances_open, other.grievances_overdue) == (1, 1)
