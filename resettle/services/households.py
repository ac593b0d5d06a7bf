"""Household use cases: each public function is one user action in one transaction."""

from __future__ import annotations

from dataclasses import asdict, fields
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import Select, and_, case, func, select, union, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql.elements import ColumnElement

from resettle.domain import progress
from resettle.domain.pinyin import initials
from resettle.errors import ConflictError, NotFoundError, ValidationError
from resettle.services.accounts.guard import Need, require
from resettle.services.labels import FIELD_LABELS
from resettle.services.records import (
    AttachmentData,
    HistoryEntry,
    HouseholdData,
    HouseholdDetail,
    HouseholdQuery,
    HouseholdRow,
    Page,
    ParcelData,
    PersonData,
    StructureData,
)
from resettle.services.validation import validated
from resettle.store.accounts_models import Agreement
from resettle.store.compensation_models import STATUS_COMPUTED, STATUS_NONE, STATUS_REVIEWED, HouseholdCompensation
from resettle.store.database import Database
from resettle.store.models import (
    Attachment,
    AuditEntry,
    Household,
    LandParcel,
    Person,
    Structure,
    Village,
    VillageGroup,
)

SORT_COLUMNS: dict[str, Any] = {
    "household_no": (Household.household_no,),
    "head_name": (Household.head_name, Household.household_no),
    "group": (Household.group_id, Household.household_no),
    "phone": (Household.phone, Household.household_no),
    "status": (None, Household.household_no),  # None: the derived stage, see _stage()
}
TOP = "\U0010ffff"  # sorts after every character: col >= p AND col < p + TOP is a prefix search


# -- reading -------------------------------------------------------------------------------


def detail_of(h: Household) -> HouseholdDetail:
    data = HouseholdData(
        household_no=h.household_no,
        group_id=h.group_id,
        head_name=h.head_name,
        phone=h.phone,
        address=h.address,
        bank_name=h.bank_name,
        bank_account=h.bank_account,
        tags=h.tags,
        status=h.status,
        remarks=h.remarks,
        persons=tuple(
            PersonData(
                id=p.id,
                name=p.name,
                id_number=p.id_number,
                relation=p.relation,
                sex=p.sex,
                birth_date=p.birth_date,
                hukou_type=p.hukou_type,
                resettled=p.resettled,
            )
            for p in h.persons
        ),
        parcels=tuple(
            ParcelData(
                id=x.id,
                land_class=x.land_class,
                area_mu=x.area_mu,
                parcel_no=x.parcel_no,
                contract_no=x.contract_no,
            )
            for x in h.parcels
        ),
        structures=tuple(
            StructureData(
                id=s.id,
                structure_type=s.structure_type,
                floor_area_m2=s.floor_area_m2,
                use=s.use,
                legal_status=s.legal_status,
                year_built=s.year_built,
                decoration_value=s.decoration_value,
            )
            for s in h.structures
        ),
        attachments=tuple(
            AttachmentData(id=a.id, kind=a.kind, quantity=a.quantity, unit=a.unit, spec=a.spec) for a in h.attachments
        ),
    )
    return HouseholdDetail(
        id=h.id,
        version=h.version,
        project_id=h.project_id,
        village_id=h.group.village_id,
        village=h.group.village.name,
        group=h.group.name,
        data=data,
    )


def load_household(session: Session, household_id: int) -> Household:
    h = session.scalars(
        select(Household)
        .where(Household.id == household_id)
        .options(
            selectinload(Household.persons),
            selectinload(Household.parcels),
            selectinload(Household.structures),
            selectinload(Household.attachments),
            selectinload(Household.group).selectinload(VillageGroup.village),
        )
    ).one_or_none()
    if h is None:
        raise NotFoundError(f"户（编号 {household_id}）不存在，可能已被删除。")
    return h


def get_household(db: Database, household_id: int) -> HouseholdDetail:
    require(db, Need.READ, "查看户")
    with db.read() as s:
        return detail_of(load_household(s, household_id))


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


# -- search and paging ----------------------------------------------------------------------


def _prefix(col: Any, text: str) -> ColumnElement[bool]:
    return and_(col >= text, col < text + TOP)


SEARCH_CAP = 2000  # per branch: a search that matches more is shown in part and the clerk types more


def _branches(text: str) -> list[Select[Any]]:
    t = "".join(text.replace("\u3000", " ").split())
    if not t:
        return []
    if t.isascii() and t.isalpha():
        return [
            select(Household.id).where(_prefix(Household.head_initials, t.lower())),
            select(Person.household_id).where(_prefix(Person.name_initials, t.lower())),
            select(Household.id).where(_prefix(Household.household_no, t)),
        ]
    if t.isascii() and t.rstrip("xX").isdigit():
        t = t.upper()
        return [
            select(Person.household_id).where(Person.id_number != "", _prefix(Person.id_number, t)),
            select(Household.id).where(_prefix(Household.phone, t)),
            select(Household.id).where(_prefix(Household.household_no, t)),
        ]
    return [
        select(Household.id).where(_prefix(Household.head_name, t)),
        select(Person.household_id).where(_prefix(Person.name, t)),
        select(Household.id).where(_prefix(Household.household_no, t)),
    ]


def search_ids(text: str) -> Any:
    """Ids of households matching what a clerk types: 户号, name, pinyin initials, ID or phone prefix.

    Each branch is an index range scan cut at SEARCH_CAP rows, so even a one-letter search does
    bounded work; queries start from this small set (a join on the primary key)."""
    branches = _branches(text)
    if not branches:
        return None
    limited = [b.limit(SEARCH_CAP).subquery() for b in branches]
    return union(*(select(sub.c[0].label("id")) for sub in limited)).subquery("matches")


def search_capped(db: Database, text: str) -> bool:
    """Whether a search matched more than the register shows (the clerk should type more)."""
    require(db, Need.READ, "查找户")
    branches = _branches(text)
    with db.read() as s:
        for b in branches:
            n = s.scalar(select(func.count()).select_from(b.limit(SEARCH_CAP).subquery())) or 0
            if n >= SEARCH_CAP:
                return True
    return False


def _filtered(query: HouseholdQuery) -> Select[Any]:
    matches = search_ids(query.text)
    q = select(Household.id)
    if matches is not None:
        q = select(Household.id).select_from(matches).join(Household, Household.id == matches.c[0])
    if query.group_id is not None:
        q = q.where(Household.group_id == query.group_id)
    elif query.village_id is not None:
        q = q.where(Household.group_id.in_(select(VillageGroup.id).where(VillageGroup.village_id == query.village_id)))
    if query.project_id is not None:
        q = q.where(Household.project_id == query.project_id)
    if query.status:
        q = q.where(_stage() == query.status)
    return q


def _compensation_status() -> Any:
    return (
        select(HouseholdCompensation.status).where(HouseholdCompensation.household_id == Household.id).scalar_subquery()
    )


def _stage() -> Any:
    """The household's stage: compensation's once computed, else what the survey recorded."""
    status = _compensation_status()
    return case(
        (status == STATUS_REVIEWED, progress.REVIEWED),
        (status == STATUS_COMPUTED, progress.COMPUTED),
        else_=Household.status,
    )


def _total() -> Any:
    return (
        select(HouseholdCompensation.total)
        .where(HouseholdCompensation.household_id == Household.id, HouseholdCompensation.status != STATUS_NONE)
        .scalar_subquery()
    )


def count_households(db: Database, query: HouseholdQuery) -> int:
    require(db, Need.READ, "查看户")
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(_filtered(query).subquery())) or 0)


def list_households(
    db: Database, query: HouseholdQuery, offset: int = 0, limit: int = 200, with_total: bool = False
) -> Page:
    """One page of the register, sorted by the database (never in Python)."""
    require(db, Need.READ, "查看户")
    if query.sort not in SORT_COLUMNS:
        raise ValidationError(f"不能按「{query.sort}」排序", field="排序")
    keys = [_stage() if c is None else c for c in SORT_COLUMNS[query.sort]]
    order = [c.desc() if query.descending else c.asc() for c in keys]
    with db.read() as s:
        ids = list(s.scalars(_filtered(query).order_by(*order, Household.id).offset(offset).limit(limit)))
        rows = _rows(s, ids, query.text)
        total = None
        if with_total:
            total = int(s.scalar(select(func.count()).select_from(_filtered(query).subquery())) or 0)
    return Page(rows=rows, offset=offset, total=total)


def _rows(s: Session, ids: list[int], text: str = "") -> list[HouseholdRow]:
    if not ids:
        return []
    matched = _matched_members(s, ids, text)
    base = s.execute(
        select(
            Household.id,
            Household.household_no,
            Household.head_name,
            Village.name,
            VillageGroup.name,
            Household.phone,
            _stage(),
            Household.version,
            _total(),
        )
        .join(VillageGroup, Household.group_id == VillageGroup.id)
        .join(Village, VillageGroup.village_id == Village.id)
        .where(Household.id.in_(ids))
    ).all()
    persons = dict(
        s.execute(
            select(Person.household_id, func.count()).where(Person.household_id.in_(ids)).group_by(Person.household_id)
        ).all()
    )
    land = _sums(s, LandParcel.area_mu, LandParcel.household_id, ids)
    floor = _sums(s, Structure.floor_area_m2, Structure.household_id, ids)
    by_id = {r[0]: r for r in base}
    out: list[HouseholdRow] = []
    for hid in ids:
        r = by_id[hid]
        out.append(
            HouseholdRow(
                id=r[0],
                household_no=r[1],
                head_name=r[2],
                village=r[3],
                group=r[4],
                persons=int(persons.get(hid, 0)),
                phone=r[5],
                land_mu=land.get(hid, Decimal("0.00")),
                floor_area_m2=floor.get(hid, Decimal("0.00")),
                status=r[6],
                version=r[7],
                compensation_total=r[8],
                matched=matched.get(hid, ""),
            )
        )
    return out


def _matched_members(s: Session, ids: list[int], text: str) -> dict[int, str]:
    """Per household of the page: the member (not the head) a name, initials or ID search matched."""
    t = "".join(text.replace("\u3000", " ").split())
    if not t or not ids:
        return {}
    if t.isascii() and t.isalpha():
        cond = _prefix(Person.name_initials, t.lower())
    elif t.isascii() and t.rstrip("xX").isdigit():
        cond = and_(Person.id_number != "", _prefix(Person.id_number, t.upper()))
    else:
        cond = _prefix(Person.name, t)
    found: dict[int, str] = {}
    rows = s.execute(
        select(Person.household_id, Person.name, Person.relation, Household.head_name)
        .join(Household, Household.id == Person.household_id)
        .where(Person.household_id.in_(ids), cond)
        .order_by(Person.household_id, Person.seq)
    ).all()
    heads = {int(hid) for hid, name, relation, head in rows if relation == "户主" or name == head}
    for hid, name, relation, _head in rows:
        if int(hid) in heads or int(hid) in found:
            continue
        found[int(hid)] = f"{name}（{relation}）" if relation else str(name)
    return found


def _sums(s: Session, col: Any, key: Any, ids: list[int]) -> dict[int, Decimal]:
    """Exact per-household sums of a scaled INTEGER column (summed as integers by SQLite)."""
    raw = s.execute(select(key, func.sum(col)).where(key.in_(ids)).group_by(key)).all()
    out: dict[int, Decimal] = {}
    for hid, total in raw:
        out[int(hid)] = total.quantize(Decimal("0.01"), ROUND_HALF_UP) if total is not None else Decimal("0.00")
    return out


# -- writing --------------------------------------------------------------------------------


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


def _apply_scalars(target: Any, source: Any, names: list[str]) -> None:
    for name in names:
        value = getattr(source, name)
        if getattr(target, name) != value:
            setattr(target, name, value)


def _sync_children(
    existing: list[Any], wanted: tuple[Any, ...], factory: type[Any], s: Session, extra: dict[str, Any]
) -> None:
    """Update children matched by id, add new ones, remove the ones no longer listed."""
    wanted_ids = {item.id for item in wanted if item.id is not None}
    gone = [c for c in existing if c.id not in wanted_ids]
    if gone:
        # Deleted first (the ORM flushes inserts before deletes): a member removed and entered
        # again in one edit would otherwise collide with its own ID number.
        existing[:] = [c for c in existing if c.id in wanted_ids]
        for obj in gone:
            s.delete(obj)
        s.flush()
    by_id = {c.id: c for c in existing}
    names = [f.name for f in fields(wanted[0])] if wanted else []
    names = [n for n in names if n != "id"]
    keep: list[Any] = []
    for seq, item in enumerate(wanted, start=1):
        obj = by_id.pop(item.id, None) if item.id is not None else None
        if obj is None:
            obj = factory(**{n: getattr(item, n) for n in names}, seq=seq, **extra)
        else:
            _apply_scalars(obj, item, names)
            if obj.seq != seq:
                obj.seq = seq
        keep.append(obj)
    existing[:] = keep


def write_into(s: Session, h: Household, data: HouseholdData) -> None:
    """Copy validated data onto a loaded household and its children (inside the caller's transaction)."""
    _apply_scalars(
        h,
        data,
        [
            "household_no",
            "group_id",
            "head_name",
            "phone",
            "address",
            "bank_name",
            "bank_account",
            "tags",
            "status",
            "remarks",
        ],
    )
    h.head_initials = initials(data.head_name)
    h.updated_at = datetime.now()
    _release_changing_ids(s, h, data)
    _sync_children(h.persons, data.persons, Person, s, {})
    for p in h.persons:
        want = initials(p.name)
        if p.name_initials != want:
            p.name_initials = want
    _sync_children(h.parcels, data.parcels, LandParcel, s, {})
    _sync_children(h.structures, data.structures, Structure, s, {})
    _sync_children(h.attachments, data.attachments, Attachment, s, {})


def _release_changing_ids(s: Session, h: Household, data: HouseholdData) -> None:
    """Members whose ID numbers change (e.g. two swapped) would meet the unique index mid-flush.

    Their stored numbers are blanked first in the same transaction; the ORM then writes the new
    ones, so the audit trail records old → new exactly once and the row seals are recomputed."""
    wanted = {p.id: p.id_number for p in data.persons if p.id is not None}
    changing = [p.id for p in h.persons if p.id in wanted and wanted[p.id] != p.id_number and p.id_number]
    if len(changing) > 0 and any(wanted[pid] in {q.id_number for q in h.persons if q.id != pid} for pid in changing):
        s.execute(update(Person).where(Person.id.in_(changing)).values(id_number=""),
                  execution_options={"synchronize_session": False})  # fmt: skip


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
    for key in (
        "household_no",
        "head_name",
        "phone",
        "address",
        "bank_name",
        "bank_account",
        "tags",
        "status",
        "remarks",
    ):
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
        h.project_id = project_id
        write_into(s, h, data)
        s.flush()
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
                old=r.old,
                new=r.new,
                reason=r.reason,
                batch_id=r.batch_id,
            )
            for r in rows
        ]


__all__ = [
    "FIELD_LABELS",
    "count_households",
    "create_household",
    "delete_household",
    "diff_details",
    "get_household",
    "history",
    "list_households",
    "update_household",
]
