"""What the placement services share: a project's household, its placement row and mode, its lottery
position, its chosen flats, a flat by name, and the placement detail the window shows."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from resettle.domain.placement import MODE_FLAT, entitled_area
from resettle.errors import NotFoundError, ValidationError
from resettle.services.common import row_of
from resettle.services.housing.records import (
    FlatInfo,
    MemberInfo,
    PlacementDetail,
)
from resettle.services.housing.stock import flat_info, project_standard, standard_of
from resettle.store.compensation_models import HouseholdCompensation
from resettle.store.housing_models import (
    DRAW_ACTIVE,
    FLAT_CHOSEN,
    Estate,
    Flat,
    FlatSelection,
    LotteryDraw,
    PlacementExclusion,
    PlacementHousehold,
)
from resettle.store.models import Household, Person, Village, VillageGroup

__all__ = [
    "compensation_total",
    "detail_in",
    "draw_for",
    "excluded_of",
    "flats_named",
    "household_in",
    "members_of",
    "modes_of",
    "person_in",
    "placement_of",
    "position_in",
    "release_chosen",
    "scope_households",
    "scope_key",
    "selections_of",
]

ZERO = Decimal("0.00")


# -- helpers -------------------------------------------------------------------------------------


def household_in(s: Session, project_id: int, household_id: int) -> Household:
    h = s.get(Household, household_id)
    if h is None or h.project_id != project_id:
        raise NotFoundError("本项目没有这一户。")
    return h


def scope_households(s: Session, project_id: int, village_id: int | None) -> list[Household]:
    q = select(Household).where(Household.project_id == project_id).order_by(Household.household_no)
    if village_id is not None:
        village = s.get(Village, village_id)
        if village is None or village.project_id != project_id:
            raise NotFoundError("本项目没有这个村。")
        q = q.join(VillageGroup, VillageGroup.id == Household.group_id).where(VillageGroup.village_id == village_id)
    return list(s.scalars(q))


def placement_of(s: Session, household_id: int, create: bool = False) -> PlacementHousehold | None:
    row = s.scalars(select(PlacementHousehold).where(PlacementHousehold.household_id == household_id)).first()
    if row is None and create:
        row = PlacementHousehold(household_id=household_id, mode=MODE_FLAT, skipped=False)
        s.add(row)
        s.flush()
    return row


def modes_of(s: Session, ids: Sequence[int]) -> dict[int, PlacementHousehold]:
    if not ids:
        return {}
    rows = s.scalars(select(PlacementHousehold).where(PlacementHousehold.household_id.in_(list(ids))))
    return {r.household_id: r for r in rows}


def excluded_of(s: Session, household_id: int) -> dict[int, str]:
    rows = s.execute(
        select(PlacementExclusion.person_id, PlacementExclusion.reason).where(
            PlacementExclusion.household_id == household_id
        )
    )
    return {int(pid): str(reason) for pid, reason in rows}


def members_of(s: Session, h: Household) -> tuple[MemberInfo, ...]:
    excluded = excluded_of(s, h.id)
    out = []
    for p in h.persons:
        reason = excluded.get(p.id, "" if p.resettled else "登记为非安置人口")
        out.append(MemberInfo(p.id, p.name, p.relation, p.id_number, p.resettled and p.id not in excluded, reason))
    return tuple(out)


def scope_key(project_id: int, village_id: int | None) -> str:
    return f"village:{village_id}" if village_id is not None else f"project:{project_id}"


def draw_for(s: Session, h: Household) -> LotteryDraw | None:
    """The active draw that orders this household: its village's, else the project's."""
    group = s.get(VillageGroup, h.group_id)
    keys = [scope_key(h.project_id, group.village_id if group else None), scope_key(h.project_id, None)]
    for key in keys:
        d = s.scalars(
            select(LotteryDraw).where(LotteryDraw.scope_key == key, LotteryDraw.status == DRAW_ACTIVE)
        ).first()
        if d is not None and h.household_no in d.order_text.split("\n"):
            return d
    return None


def position_in(d: LotteryDraw | None, household_no: str) -> int | None:
    if d is None:
        return None
    order = d.order_text.split("\n")
    return order.index(household_no) + 1 if household_no in order else None


def selections_of(s: Session, household_id: int) -> list[FlatSelection]:
    q = select(FlatSelection).where(FlatSelection.household_id == household_id).order_by(FlatSelection.slot)
    return list(s.scalars(q))


def release_chosen(s: Session, h: Household, to: str, what: str) -> list[FlatSelection]:
    """The household's chosen flats move on to ``to`` (可选 again, or 已交付); refused when it chose none
    or a flat is no longer 已选 (``what``: the step, for the message). Returns the selections."""
    selections = selections_of(s, h.id)
    if not selections:
        raise ValidationError(f"{h.household_no} 还没有选房，不能{what}。")
    for sel in selections:
        f = s.get(Flat, sel.flat_id)
        assert f is not None
        if f.status != FLAT_CHOSEN:
            raise ValidationError(f"{f.name} 当前为「{f.status}」，不能{what}。")
        f.status = to
    return selections


def person_in(s: Session, project_id: int, person_id: int) -> Person:
    p = row_of(s, Person, person_id, "没有这位家庭成员。")
    household_in(s, project_id, p.household_id)
    return p


def flats_named(s: Session, project_id: int, name: str) -> list[tuple[Flat, Estate]]:
    text = name.strip()
    estate_name = ""
    if "/" in text or " " in text:
        estate_name, _sep, text = text.replace("/", " ").rpartition(" ")
    parts = text.split("-")
    if len(parts) != 3:
        return []
    q = (
        select(Flat, Estate)
        .join(Estate, Estate.id == Flat.estate_id)
        .where(Estate.project_id == project_id, Flat.building == parts[0], Flat.unit == parts[1], Flat.room == parts[2])
    )
    if estate_name.strip():
        q = q.where(Estate.name == estate_name.strip())
    return [(f, e) for f, e in s.execute(q)]


def compensation_total(s: Session, household_id: int) -> Decimal:
    total = s.scalar(select(HouseholdCompensation.total).where(HouseholdCompensation.household_id == household_id))
    return total if total is not None else ZERO


# -- reading a household's placement -----------------------------------------------------------


def detail_in(s: Session, project_id: int, household_id: int) -> PlacementDetail:
    h = household_in(s, project_id, household_id)
    group = s.get(VillageGroup, h.group_id)
    village = s.get(Village, group.village_id) if group else None
    row = placement_of(s, h.id)
    members = members_of(s, h)
    persons = sum(1 for m in members if m.counted)
    std = project_standard(s, project_id)
    by_id = {m.id: m for m in members}
    flats: list[FlatInfo] = []
    owners: list[tuple[MemberInfo, ...]] = []
    ahead = False
    for sel in selections_of(s, h.id):
        f = s.get(Flat, sel.flat_id)
        assert f is not None
        e = s.get(Estate, f.estate_id)
        flats.append(flat_info(f, e.name if e else "", h.household_no))
        owners.append(tuple(by_id[int(i)] for i in sel.owner_ids.split(",") if i and int(i) in by_id))
        ahead = ahead or sel.ahead_of_order
    return PlacementDetail(
        household_id=h.id,
        household_no=h.household_no,
        head_name=h.head_name,
        village=village.name if village else "",
        group=group.name if group else "",
        mode=row.mode if row else MODE_FLAT,
        members=members,
        persons=persons,
        entitled_m2=None if std is None else entitled_area(persons, standard_of(std)),
        flats=tuple(flats),
        owners=tuple(owners),
        position=position_in(draw_for(s, h), h.household_no),
        skipped=bool(row and row.skipped),
        ahead_of_order=ahead,
        moved_out_on=row.moved_out_on if row else None,
        compensation_total=compensation_total(s, h.id),
    )
