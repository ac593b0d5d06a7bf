"""Projects, villages and village groups (the navigation tree), and each project's details.

A project's details: name, approval number and date (批准文号、批准日期), the cut-off
(预公告日), the reference date (基准日), the posting period (公示期, days) and township
details for its printed documents. Township fields left empty fall back to the office's
details in settings (:func:`township_for`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from resettle.domain.township import TownshipDetails
from resettle.errors import ConflictError, NotFoundError, ValidationError
from resettle.services.accounts.guard import Need, require
from resettle.services.register.records import GroupNode, ProjectNode, VillageNode
from resettle.services.register.settings import get_township
from resettle.store.database import Database
from resettle.store.models import Household, Project, Village, VillageGroup

MAX_POSTING_DAYS = 365


@dataclass(frozen=True)
class ProjectDetails:
    """What the clerk enters about a project (also what :func:`update_project` takes)."""

    name: str
    approval_no: str = ""
    approval_date: date | None = None
    cutoff_date: date | None = None
    reference_date: date | None = None
    posting_days: int | None = None
    township: TownshipDetails = dataclasses.field(default_factory=TownshipDetails)  # empty: the office default
    remarks: str = ""


@dataclass(frozen=True)
class ProjectRecord:
    id: int
    version: int
    details: ProjectDetails
    villages: tuple[tuple[int, str], ...] = ()


def _clean(details: ProjectDetails) -> ProjectDetails:
    name = details.name.strip()
    if not name:
        raise ValidationError("项目名称不能为空", field="项目名称")
    if details.posting_days is not None and not 1 <= details.posting_days <= MAX_POSTING_DAYS:
        raise ValidationError(f"公示期应为 1 至 {MAX_POSTING_DAYS} 天", field="公示期")
    town = TownshipDetails(**{k: str(v).strip() for k, v in dataclasses.asdict(details.township).items()})
    return dataclasses.replace(
        details, name=name, approval_no=details.approval_no.strip(), remarks=details.remarks.strip(), township=town
    )


def _refuse_duplicate_name(s: Session, name: str, except_id: int | None = None) -> None:
    q = select(Project.id).where(Project.name == name)
    if except_id is not None:
        q = q.where(Project.id != except_id)
    if s.scalar(q) is not None:
        raise ValidationError(f"已有名为「{name}」的项目，请换一个名称", field="项目名称")


def _apply(p: Project, d: ProjectDetails) -> None:
    p.name, p.approval_no, p.approval_date, p.cutoff_date = d.name, d.approval_no, d.approval_date, d.cutoff_date
    p.reference_date, p.posting_days, p.remarks = d.reference_date, d.posting_days, d.remarks
    t = d.township
    p.township, p.office, p.office_phone = t.township, t.office, t.phone
    p.signing_place, p.complaint_phone = t.signing_place, t.complaint_phone


def create_project(
    db: Database,
    name: str,
    approval_no: str = "",
    approval_date: date | None = None,
    cutoff_date: date | None = None,
    *,
    details: ProjectDetails | None = None,
) -> int:
    """A new project (one transaction, audited). ``details`` gives every field at once."""
    require(db, Need.ENTER, "新建项目")
    d = _clean(details or ProjectDetails(name, approval_no, approval_date, cutoff_date))
    with db.write(reason="新建项目") as s:
        _refuse_duplicate_name(s, d.name)
        p = Project()
        _apply(p, d)
        s.add(p)
        s.flush()
        return p.id


def _details_of(p: Project) -> ProjectDetails:
    town = TownshipDetails(p.township or "", p.office or "", p.office_phone or "", p.signing_place or "",
                           p.complaint_phone or "")  # fmt: skip
    return ProjectDetails(p.name, p.approval_no, p.approval_date, p.cutoff_date, p.reference_date, p.posting_days,
                          town, p.remarks)  # fmt: skip


def get_project(db: Database, project_id: int) -> ProjectRecord:
    require(db, Need.READ, "查看项目")
    with db.read() as s:
        p = s.get(Project, project_id)
        if p is None:
            raise NotFoundError(f"项目（编号 {project_id}）不存在。")
        villages = tuple((v.id, v.name) for v in p.villages)
        return ProjectRecord(p.id, p.version, _details_of(p), villages)


def update_project(
    db: Database, project_id: int, details: ProjectDetails, expected_version: int | None = None
) -> ProjectRecord:
    """Rename and describe a project (one transaction, audited).

    ``expected_version`` is the version the clerk's form was read at: a save made since is a conflict."""
    require(db, Need.ENTER, "修改项目信息")
    d = _clean(details)
    with db.write(reason=f"修改项目信息：{d.name}") as s:
        p = s.get(Project, project_id)
        if p is None:
            raise NotFoundError(f"项目（编号 {project_id}）不存在。")
        if expected_version is not None and p.version != expected_version:
            raise ConflictError(f"项目「{p.name}」已被其他人修改，请重新打开后再改。")
        _refuse_duplicate_name(s, d.name, except_id=project_id)
        if _details_of(p) != d:
            _apply(p, d)
            s.flush()
        return ProjectRecord(p.id, p.version, _details_of(p), tuple((v.id, v.name) for v in p.villages))


def township_for(db: Database, project_id: int) -> TownshipDetails:
    """The township details a project's documents print: its own where filled, else the office's."""
    office = get_township(db)
    own = get_project(db, project_id).details.township
    return TownshipDetails(**{k: v or getattr(office, k) for k, v in dataclasses.asdict(own).items()})


def _village_name(name: str) -> str:
    if not name.strip():
        raise ValidationError("村名不能为空", field="村名")
    return name.strip()


def create_village(db: Database, project_id: int, name: str) -> int:
    """A new village of the project (its groups are added with :func:`add_group` or an import)."""
    require(db, Need.ENTER, "新建村")
    name = _village_name(name)
    with db.write(reason=f"新建村：{name}") as s:
        if s.get(Project, project_id) is None:
            raise NotFoundError(f"项目（编号 {project_id}）不存在。")
        if s.scalar(select(Village.id).where(Village.project_id == project_id, Village.name == name)) is not None:
            raise ValidationError(f"本项目已有「{name}」", field="村名")
        v = Village(project_id=project_id, name=name)
        s.add(v)
        s.flush()
        return v.id


def rename_village(db: Database, project_id: int, village_id: int, name: str) -> None:
    """Rename a village of the project (households keep their village; documents print the new name)."""
    require(db, Need.ENTER, "修改村名")
    name = _village_name(name)
    with db.write(reason=f"修改村名为「{name}」") as s:
        v = s.get(Village, village_id)
        if v is None or v.project_id != project_id:
            raise NotFoundError(f"村（编号 {village_id}）不在该项目中。")
        if v.name == name:
            return
        taken = select(Village.id).where(Village.project_id == project_id, Village.name == name, Village.id != v.id)
        if s.scalar(taken) is not None:
            raise ValidationError(f"本项目已有「{name}」", field="村名")
        v.name = name


def rename_group(db: Database, project_id: int, group_id: int, name: str) -> None:
    """Rename a village group (村民小组) of the project."""
    require(db, Need.ENTER, "修改组名")
    if not name.strip():
        raise ValidationError("组名不能为空", field="组名")
    name = name.strip()
    with db.write(reason=f"修改组名为「{name}」") as s:
        g = s.get(VillageGroup, group_id)
        if g is None or g.village.project_id != project_id:
            raise NotFoundError(f"村民小组（编号 {group_id}）不在该项目中。")
        if g.name == name:
            return
        taken = select(VillageGroup.id).where(
            VillageGroup.village_id == g.village_id, VillageGroup.name == name, VillageGroup.id != g.id
        )
        if s.scalar(taken) is not None:
            raise ValidationError(f"「{g.village.name}」已有「{name}」", field="组名")
        g.name = name


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
    require(db, Need.ENTER, "新建村组")
    if not village.strip() or not group.strip():
        raise ValidationError("村名和组名都不能为空", field="村/组")
    with db.write(reason="新建村组") as s:
        return ensure_group(s, project_id, village.strip(), group.strip())


def resolve_project(db: Database, name_or_id: str | None) -> int:
    """A project by name or id. Without one: the only project; with several, a refusal listing them.

    A register holds several projects and printing or paying for the wrong one is the worst
    mistake the program could make, so it never guesses "the first"."""
    require(db, Need.READ, "查看项目")
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
    require(db, Need.READ, "查看项目")
    with db.read() as s:
        return {
            int(g): int(n) for g, n in s.execute(select(Household.group_id, func.count()).group_by(Household.group_id))
        }


def tree(db: Database, counts: dict[int, int] | None = None, with_counts: bool = True) -> list[ProjectNode]:
    """Project → village → group, with household counts unless ``with_counts`` is False (then 0)."""
    require(db, Need.READ, "查看项目")
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
