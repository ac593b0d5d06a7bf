"""Projects, villages and village groups (the navigation tree)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from resettle.errors import NotFoundError, ValidationError
from resettle.services.records import GroupNode, ProjectNode, VillageNode
from resettle.store.database import Database
from resettle.store.models import Household, Project, Village, VillageGroup


def create_project(
    db: Database,
    name: str,
    approval_no: str = "",
    approval_date: date | None = None,
    cutoff_date: date | None = None,
) -> int:
    if not name.strip():
        raise ValidationError("项目名称不能为空", field="项目名称")
    with db.write(reason="新建项目") as s:
        p = Project(
            name=name.strip(),
            approval_no=approval_no.strip(),
            approval_date=approval_date,
            cutoff_date=cutoff_date,
        )
        s.add(p)
        s.flush()
        return p.id


def ensure_group(s: Session, project_id: int, village: str, group: str) -> int:
    """The id of village/group in the project, created when missing (inside the caller's transaction)."""
    v = s.scalars(select(Village).where(Village.project_id == project_id, Village.name == village)).first()
    if v is None:
        v = Village(project_id=project_id, name=village)
        s.add(v)
        s.flush()
    g = s.scalars(select(VillageGroup).where(VillageGroup.village_id == v.id, VillageGroup.name == group)).first()
    if g is None:
        g = VillageGroup(village_id=v.id, name=group)
        s.add(g)
        s.flush()
    return g.id


def add_group(db: Database, project_id: int, village: str, group: str) -> int:
    if not village.strip() or not group.strip():
        raise ValidationError("村名和组名都不能为空", field="村/组")
    with db.write(reason="新建村组") as s:
        return ensure_group(s, project_id, village.strip(), group.strip())


def resolve_project(db: Database, name_or_id: str | None) -> int:
    """A project by name or id. Without one: the only project; with several, a refusal listing them.

    A register holds several projects and printing or paying for the wrong one is the worst
    mistake the program could make, so it never guesses "the first"."""
    with db.read() as s:
        if name_or_id is None:
            rows = s.execute(select(Project.id, Project.name).order_by(Project.id)).all()
            if len(rows) == 1:
                return int(rows[0][0])
            if not rows:
                raise NotFoundError("数据库中还没有项目。")
            names = "、".join(f"{pid}「{name}」" for pid, name in rows)
            raise ValidationError(
                f"数据库中有 {len(rows)} 个项目，请用 --project 指明项目（名称或编号）：{names}", field="项目"
            )
        text = name_or_id.strip()
        pid = s.scalar(select(Project.id).where(Project.name == text))
        if pid is None and text.isdigit():
            pid = s.scalar(select(Project.id).where(Project.id == int(text)))
    if pid is None:
        raise NotFoundError(f"项目「{name_or_id}」不存在。")
    return int(pid)


def group_counts(db: Database) -> dict[int, int]:
    """Households per village group (one pass over an index; a few hundred ms at a million)."""
    with db.read() as s:
        return {
            int(g): int(n) for g, n in s.execute(select(Household.group_id, func.count()).group_by(Household.group_id))
        }


def tree(db: Database, counts: dict[int, int] | None = None, with_counts: bool = True) -> list[ProjectNode]:
    """Project → village → group, with household counts unless ``with_counts`` is False (then 0)."""
    if counts is None and with_counts:
        counts = group_counts(db)
    counts = counts or {}
    with db.read() as s:
        projects = s.execute(select(Project.id, Project.name, Project.approval_no).order_by(Project.id)).all()
        villages = s.execute(select(Village.id, Village.project_id, Village.name).order_by(Village.id)).all()
        groups = s.execute(
            select(VillageGroup.id, VillageGroup.village_id, VillageGroup.name).order_by(VillageGroup.id)
        ).all()
    by_village: dict[int, list[GroupNode]] = {}
    for gid, vid, name in groups:
        by_village.setdefault(vid, []).append(GroupNode(gid, name, counts.get(gid, 0)))
    by_project: dict[int, list[VillageNode]] = {}
    for vid, pid, name in villages:
        nodes = by_village.get(vid, [])
        by_project.setdefault(pid, []).append(VillageNode(vid, name, sum(g.households for g in nodes), nodes))
    return [
        ProjectNode(pid, name, approval_no, sum(v.households for v in by_project.get(pid, [])), by_project.get(pid, []))
        for pid, name, approval_no in projects
    ]
