"""Listing and searching the register: the paged, sorted, filtered table and search-as-you-type."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import Select, and_, case, func, select, union
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from resettle.domain import progress
from resettle.errors import ValidationError
from resettle.services.accounts.guard import Need, require
from resettle.services.register.records import HouseholdQuery, HouseholdRow, Page
from resettle.store.compensation_models import STATUS_COMPUTED, STATUS_NONE, STATUS_REVIEWED, HouseholdCompensation
from resettle.store.database import Database
from resettle.store.models import (
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
