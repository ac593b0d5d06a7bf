"""A household's life in the register: read, create, edit with optimistic locking, delete, history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from resettle.domain.household import HouseholdData
from resettle.errors import ConflictError, NotFoundError, ValidationError
from resettle.services.accounts.guard import Need, require
from resettle.services.register.labels import FIELD_LABELS
from resettle.services.register.mapping import SCALARS, detail_of, whole_household, write_into
from resettle.services.register.records import HistoryEntry, HouseholdDetail
from resettle.services.register.validation import validated
from resettle.store.accounts_models import Agreement
from resettle.store.database import Database
from resettle.store.models import (
    AuditEntry,
    Household,
    Person,
    Project,
    Village,
    VillageGroup,
)


def load_household(session: Session, household_id: int) -> Household:
    h = session.scalars(select(Household).where(Household.id == household_id).options(*whole_household())).one_or_none()
    if h is None:
        raise NotFoundError(f"户（编号 {household_id}）不存在，可能已被删除。")
    return h


def get_household(db: Database, household_id: int) -> HouseholdDetail:
    require(db, Need.READ, "查看户")
    with db.read() as s:
        detail = detail_of(load_household(s, household_id))
        status = s.scalar(select(Agreement.status).where(Agreement.household_id == household_id, Agreement.seq == 0))
    return replace(detail, agreement_status=status or "")


def find_household_id(db: Database, household_no: str, project_id: int | None = None) -> int:
    require(db, Need.READ, "查找户")
    with db.read() as s:
        q = select(Household.id).where(Household.household_no == household_no.strip())
        if project_id is not None:
            q = q.where(Household.project_id == project_id)
        hid = s.scalars(q).first()
    if hid is None:
        raise NotFoundError(f"户号 {household_no} 不存在。")
    return int(hid)


def _check_ids_free(s: Session, data: HouseholdData, household_id: int | None) -> None:
    numbers = [p.id_number for p in data.persons if p.id_number]
    if not numbers:
        return
    q = (
        select(Person.id_number, Person.name, Household.household_no, Household.head_name)
        .join(Household, Person.household_id == Household.id)
        .where(Person.id_number.in_(numbers))
    )
    if household_id is not None:
        q = q.where(Person.household_id != household_id)
    clash = s.execute(q).first()
    if clash is not None:
        raise ValidationError(
            f"身份证号码 {clash[0]} 已登记在户 {clash[2]}（户主 {clash[3]}）的成员 {clash[1]} 名下，"
            "同一人不能属于两户。",
            field="身份证号码",
        )


def _check_household_no_free(s: Session, project_id: int, household_no: str, household_id: int | None) -> None:
    q = select(Household.id, Household.head_name).where(
        Household.project_id == project_id, Household.household_no == household_no
    )
    if household_id is not None:
        q = q.where(Household.id != household_id)
    clash = s.execute(q).first()
    if clash is not None:
        raise ValidationError(f"户号 {household_no} 已被户主 {clash[1]} 使用。", field="户号")


def _project_of_group(s: Session, group_id: int) -> int:
    row = s.execute(
        select(Village.project_id)
        .join(VillageGroup, VillageGroup.village_id == Village.id)
        .where(VillageGroup.id == group_id)
    ).first()
    if row is None:
        raise ValidationError("所选村民小组不存在", field="村民小组")
    return int(row[0])


def create_household(db: Database, data: HouseholdData, reason: str = "") -> HouseholdDetail:
    require(db, Need.ENTER, "新增户")
    data = validated(data)
    with db.write(reason=reason or "新建") as s:
        project_id = _project_of_group(s, data.group_id)
        _check_household_no_free(s, project_id, data.household_no, None)
        _check_ids_free(s, data, None)
        h = Household(project_id=project_id, group_id=data.group_id, household_no=data.household_no)
        h.persons, h.parcels, h.structures, h.attachments = [], [], [], []
        write_into(s, h, data)
        s.add(h)
        s.flush()
        hid = h.id
    return get_household(db, hid)


def diff_details(before: HouseholdDetail, after: HouseholdDetail) -> list[tuple[str, str, str]]:
    """(field, before, after) in the clerk's words, for conflict and review messages."""
    out: list[tuple[str, str, str]] = []
    if before.group != after.group or before.village != after.village:
        out.append(("村民小组", f"{before.village}{before.group}", f"{after.village}{after.group}"))
    a, b = asdict(before.data), asdict(after.data)
    for key in (k for k in SCALARS if k != "group_id"):  # the group is told above, by name
        if a[key] != b[key]:
            out.append((FIELD_LABELS[key], str(a[key]), str(b[key])))
    for coll, title, label_key in (
        ("persons", "成员", "name"),
        ("parcels", "地块", "land_class"),
        ("structures", "房屋", "structure_type"),
        ("attachments", "附着物", "kind"),
    ):
        old_items = {i["id"]: i for i in a[coll]}
        new_items = {i["id"]: i for i in b[coll]}
        for iid, old in old_items.items():
            new = new_items.get(iid)
            if new is None:
                out.append((f"{title}", f"{old[label_key]}", "（已删除）"))
                continue
            for k, v in old.items():
                if k != "id" and new[k] != v:
                    out.append((f"{title} {new[label_key]} · {FIELD_LABELS.get(k, k)}", _show(v), _show(new[k])))
        for iid, new in new_items.items():
            if iid not in old_items:
                out.append((f"{title}", "（无）", f"{new[label_key]}（新增）"))
    return out


def _show(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "是" if v else "否"
    return str(v)


def update_household(db: Database, original: HouseholdDetail, data: HouseholdData, reason: str = "") -> HouseholdDetail:
    """Save an edit of ``original``; if someone else saved since, raise ConflictError listing their changes."""
    require(db, Need.ENTER, "修改户")
    data = validated(data)
    with db.write(reason=reason or "修改") as s:
        h = load_household(s, original.id)
        if h.version != original.version:
            current = detail_of(h)
            raise ConflictError(
                f"户 {original.data.household_no} 已被他人修改（版本 {original.version} → {h.version}），"
                "您的修改未保存。",
                changes=diff_details(original, current),
            )
        project_id = _project_of_group(s, data.group_id)
        _check_household_no_free(s, project_id, data.household_no, h.id)
        _check_ids_free(s, data, h.id)
        from resettle.services.compensation import common, freshness  # not before the window's first paint

        was_current = freshness.current_among(s, h.project_id, [h.id]) if project_id == h.project_id else set()
        h.project_id = project_id
        write_into(s, h, data)
        s.flush()
        common.recompute_current(s, db.actor, project_id, was_current)  # the amounts follow the edit
    return get_household(db, original.id)


def delete_household(db: Database, household_id: int, reason: str, expected_version: int | None = None) -> None:
    require(db, Need.ENTER, "删除户")
    if not reason.strip():
        raise ValidationError("删除一户必须填写原因", field="原因")
    with db.write(reason=reason.strip()) as s:
        h = load_household(s, household_id)
        if expected_version is not None and h.version != expected_version:
            raise ConflictError(f"户 {h.household_no} 已被他人修改，未删除。请刷新后再试。")
        if s.scalar(select(Agreement.id).where(Agreement.household_id == household_id).limit(1)) is not None:
            raise ValidationError(
                f"户 {h.household_no} 已签订补偿安置协议，不能删除；如有错误请签补充协议。", field="户"
            )
        s.delete(h)
        try:
            s.flush()
        except IntegrityError as exc:  # other records that must outlive it (选房, 兑付, 文书 …)
            raise ValidationError(
                f"户 {h.household_no} 已有选房、兑付或已出具的文书等记录，不能删除。", field="户"
            ) from exc


def history(db: Database, household_id: int, limit: int = 1000) -> list[HistoryEntry]:
    """The audit trail of one household (its own fields and its members, land, houses…), newest first."""
    require(db, Need.READ, "查看修改记录")
    with db.read() as s:
        rows = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.household_id == household_id)
            .order_by(AuditEntry.id.desc())
            .limit(limit)
        ).all()
        names = _reference_names(s, rows)
        return [
            HistoryEntry(
                id=r.id,
                ts=r.ts,
                user=r.user,
                host=r.host,
                action=r.action,
                entity=r.entity,
                entity_id=r.entity_id,
                field=r.field,
                old=names.get((r.field, r.old), r.old),
                new=names.get((r.field, r.new), r.new),
                reason=r.reason,
                batch_id=r.batch_id,
            )
            for r in rows
        ]


# Fields of the trail that hold another record's id: what the clerk knows it by instead (户号, a name).
_REFERENCES: dict[str, tuple[Any, Any]] = {
    "household_id": (Household.id, Household.household_no),
    "project_id": (Project.id, Project.name),
    "village_id": (Village.id, Village.name),
    "person_id": (Person.id, Person.name),
}


def _reference_names(s: Session, rows: Sequence[AuditEntry]) -> dict[tuple[str, str | None], str]:
    """(field, stored id text) -> the referenced record's 户号 or name, for the entries' id fields
    (a grievance's 户 showed "241", its 项目 "1"). Other ids whose record is gone stay as they are."""
    wanted: dict[str, set[int]] = {}
    for r in rows:
        if r.field in _REFERENCES:
            for value in (r.old, r.new):
                if value and value.isdigit():
                    wanted.setdefault(r.field, set()).add(int(value))
    out: dict[tuple[str, str | None], str] = {}
    for r in rows:  # a deleted household is still known by the 户号 its own entries recorded
        if r.entity == "household" and r.field == "household_no" and (r.new or r.old):
            out.setdefault(("household_id", str(r.entity_id)), str(r.new or r.old))
    for field, ids in wanted.items():
        key, label = _REFERENCES[field]
        for row_id, name in s.execute(select(key, label).where(key.in_(sorted(ids)))):
            out[(field, str(row_id))] = str(name)
    return out
