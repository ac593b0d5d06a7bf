"""差价结算 and 模拟安置, transition fees (过渡费) and their statement, handover (交房).

Settlement is computed from the register each time (chosen flats, 安置人口, the published
standard, the compensation total), so it can never disagree with what it was computed from.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date
from decimal import Decimal
from itertools import combinations_with_replacement
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from resettle.domain.placement import (
    MODE_CASH,
    PlacementStandard,
    entitled_area,
    format_area,
    transition_fee,
)
from resettle.domain.placement import (
    settle as settle_flats,
)
from resettle.errors import NotFoundError, ValidationError
from resettle.io.housing_statement import write_transition_statement
from resettle.services.accounts.guard import Need, require
from resettle.services.common import CancelCheck, Progress, check_cancel, project_of, view_of
from resettle.services.housing.common import detail_in, household_in, release_chosen, scope_households
from resettle.services.housing.records import (
    HandoverInfo,
    HouseholdSettlement,
    SettlementReport,
    Simulation,
    SimulationOption,
    TransitionRow,
    TransitionStatement,
)
from resettle.services.housing.stock import project_standard, standard_of
from resettle.store.compensation_models import HouseholdCompensation
from resettle.store.database import Database
from resettle.store.housing_models import (
    FLAT_AVAILABLE,
    FLAT_HANDED_OVER,
    Estate,
    Flat,
    FlatSelection,
    Handover,
    PlacementExclusion,
    PlacementHousehold,
)
from resettle.store.models import Household, Person, Village, VillageGroup

__all__ = [
    "TITLE_STATUSES",
    "export_transition_statement",
    "get_handover",
    "hand_over",
    "set_title_status",
    "settle",
    "simulate",
    "transition_statement",
]

ZERO = Decimal("0.00")
TITLE_STATUSES = ("未办证", "办理中", "已办证")


def _standard(s: Session, project_id: int) -> PlacementStandard:
    rec = project_standard(s, project_id)
    if rec is None:
        raise ValidationError("本项目还没有发布的安置标准：请先导入并发布安置标准。", field="安置标准")
    return standard_of(rec)


def _by_households(s: Session, q: Any, column: Any, project_id: int, ids: Sequence[int]) -> Iterator[Any]:
    """Rows of ``q`` for the households ``ids``: by ``IN`` chunks for a few, by one join on the project for many."""
    if len(ids) > _CHUNK:
        wanted = set(ids)
        joined = q.join(Household, Household.id == column).where(Household.project_id == project_id)
        yield from (row for row in s.execute(joined) if int(row[0]) in wanted)
        return
    for chunk in _chunks(list(ids)):
        yield from s.execute(q.where(column.in_(chunk)))


def _persons(s: Session, project_id: int, ids: Sequence[int]) -> dict[int, int]:
    """安置人口 per household, set-based (members marked resettled and not excluded)."""
    counts: dict[int, int] = dict.fromkeys(ids, 0)
    q = (
        select(Person.household_id, func.count())
        .where(Person.resettled.is_(True), Person.id.not_in(select(PlacementExclusion.person_id)))
        .group_by(Person.household_id)
    )
    for hid, n in _by_households(s, q, Person.household_id, project_id, ids):
        counts[int(hid)] = int(n)
    return counts


_CHUNK = 900


def _chunks(ids: list[int], size: int = _CHUNK) -> list[list[int]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def _totals(s: Session, project_id: int, ids: Sequence[int]) -> dict[int, Decimal]:
    q = select(HouseholdCompensation.household_id, HouseholdCompensation.total)
    return {int(hid): total for hid, total in _by_households(s, q, HouseholdCompensation.household_id, project_id, ids)}


def _chosen(s: Session, project_id: int, ids: Sequence[int]) -> dict[int, list[tuple[str, Decimal]]]:
    out: dict[int, list[tuple[str, Decimal]]] = defaultdict(list)
    q = (
        select(FlatSelection.household_id, Flat.building, Flat.unit, Flat.room, Flat.area_m2)
        .join(Flat, Flat.id == FlatSelection.flat_id)
        .order_by(FlatSelection.household_id, FlatSelection.slot)
    )
    for hid, b, u, r, area in _by_households(s, q, FlatSelection.household_id, project_id, ids):
        out[int(hid)].append((f"{b}-{u}-{r}", area))
    return out


def _scope_names(s: Session, project_id: int, village_id: int | None) -> dict[int, tuple[str, str]]:
    """户号 and 户主 of the scope's households in 户号 order (columns only: no ORM objects)."""
    if village_id is not None:
        village = s.get(Village, village_id)
        if village is None or village.project_id != project_id:
            raise NotFoundError("本项目没有这个村。")
    q = select(Household.id, Household.household_no, Household.head_name).where(Household.project_id == project_id)
    if village_id is not None:
        q = q.join(VillageGroup, VillageGroup.id == Household.group_id).where(VillageGroup.village_id == village_id)
    return {int(hid): (str(no), str(head)) for hid, no, head in s.execute(q.order_by(Household.household_no))}


def settle(
    db: Database,
    project_id: int,
    village_id: int | None = None,
    household_ids: Sequence[int] | None = None,
    *,
    progress: Progress = None,
    cancelled: CancelCheck = None,
) -> SettlementReport:
    """差价结算 of every household of the scope that chose flats."""
    require(db, Need.READ, "查看差价结算")
    with db.read() as s:
        project_of(s, project_id)
        std = _standard(s, project_id)
        if household_ids is not None:
            names = {}
            for hid in household_ids:
                h = household_in(s, project_id, hid)
                names[h.id] = (h.household_no, h.head_name)
        else:
            names = _scope_names(s, project_id, village_id)
        ids = list(names)
        chosen = _chosen(s, project_id, ids)
        ids = [hid for hid in ids if hid in chosen]
        persons = _persons(s, project_id, ids)
        totals = _totals(s, project_id, ids)
    out = []
    for done, hid in enumerate(ids, start=1):
        check_cancel(cancelled)
        flats = chosen[hid]
        result = settle_flats(entitled_area(persons[hid], std), [a for _n, a in flats], std, totals.get(hid, ZERO))
        out.append(HouseholdSettlement(hid, names[hid][0], names[hid][1], tuple(n for n, _a in flats), result))
        if progress is not None and done % 500 == 0:
            progress(done, len(ids))
    return SettlementReport(tuple(out))


def simulate(db: Database, project_id: int, household_id: int) -> Simulation:
    """模拟安置: cash beside each available 户型 (one flat, or two), with price, refund and balance."""
    require(db, Need.READ, "模拟安置")
    with db.read() as s:
        std = _standard(s, project_id)
        detail = detail_in(s, project_id, household_id)
        types = sorted(
            {
                (layout, area)
                for layout, area in s.execute(
                    select(Flat.layout, Flat.area_m2)
                    .join(Estate, Estate.id == Flat.estate_id)
                    .where(Estate.project_id == project_id, Flat.status == FLAT_AVAILABLE)
                )
            },
            key=lambda t: (t[1], t[0]),
        )
    entitled = detail.entitled_m2 if detail.entitled_m2 is not None else entitled_area(detail.persons, std)
    total = detail.compensation_total
    options = [SimulationOption("货币安置", (), ZERO, None, total)]
    for combo in [(t,) for t in types] + [c for c in combinations_with_replacement(types, 2)]:
        areas = [a for _l, a in combo]
        result = settle_flats(entitled, areas, std, total)
        label = "一套" if len(combo) == 1 else "两套"
        desc = tuple(f"{layout} {format_area(area)} ㎡" for layout, area in combo)
        options.append(SimulationOption(label, desc, result.chosen_m2, result, result.balance))
    return Simulation(detail, tuple(options))


# -- transition fees -------------------------------------------------------------------------------


def _promised(s: Session, project_id: int) -> tuple[dict[int, date | None], date | None]:
    """Promised handover per household (its flat's estate), and the project's only estate's date."""
    estates = list(s.scalars(select(Estate).where(Estate.project_id == project_id)))
    only = estates[0].promised_handover_on if len(estates) == 1 else None
    per: dict[int, date | None] = {}
    q = (
        select(FlatSelection.household_id, Estate.promised_handover_on)
        .join(Flat, Flat.id == FlatSelection.flat_id)
        .join(Estate, Estate.id == Flat.estate_id)
        .where(Estate.project_id == project_id)
    )
    for hid, day in s.execute(q):
        per[int(hid)] = day
    return per, only


def transition_statement(
    db: Database, project_id: int, until: date, since: date | None = None, village_id: int | None = None
) -> TransitionStatement:
    """过渡费 of each household that moved out: for the period after ``since`` (or from move-out) up to ``until``."""
    require(db, Need.READ, "查看过渡费")
    if since is not None and since >= until:
        raise ValidationError("发放期的开始日期须早于截止日期。", field="日期")
    with db.read() as s:
        project_of(s, project_id)
        std = _standard(s, project_id)
        households = {h.id: (h.household_no, h.head_name) for h in scope_households(s, project_id, village_id)}
        moved: dict[int, date | None] = {
            r.household_id: r.moved_out_on
            for r in s.scalars(
                select(PlacementHousehold).where(
                    PlacementHousehold.household_id.in_(list(households)), PlacementHousehold.moved_out_on.is_not(None)
                )
            )
            if r.mode != MODE_CASH
        }
        ids = sorted(moved, key=lambda hid: households[hid][0])
        persons = _persons(s, project_id, ids)
        handed = {
            h.household_id: h.handed_over_on
            for h in s.scalars(select(Handover).where(Handover.project_id == project_id))
        }
        promised, only = _promised(s, project_id)
        villages = dict(
            s.execute(
                select(Household.id, Village.name)
                .join(VillageGroup, VillageGroup.id == Household.group_id)
                .join(Village, Village.id == VillageGroup.village_id)
                .where(Household.project_id == project_id)
            ).all()
        )
    rows = []
    for hid in ids:
        household_no, head_name = households[hid]
        out_on = moved[hid]
        assert out_on is not None
        if out_on >= until:
            continue
        due = promised.get(hid, only)
        fee = transition_fee(persons[hid], std, out_on, until, due, handed.get(hid))
        months, amount = fee.months, fee.total
        if since is not None:
            before = transition_fee(persons[hid], std, out_on, since, due, handed.get(hid)) if since > out_on else None
            if before is not None:
                months, amount = months - before.months, amount - before.total
        if amount == 0 and months == 0:
            continue
        rows.append(
            TransitionRow(
                hid,
                household_no,
                head_name,
                villages.get(hid, ""),
                persons[hid],
                out_on,
                due,
                handed.get(hid),
                fee,
                months,
                amount,
            )
        )
    return TransitionStatement(since, until, tuple(rows))


def export_transition_statement(
    db: Database,
    project_id: int,
    until: date,
    out: Path | str,
    since: date | None = None,
    village_id: int | None = None,
) -> TransitionStatement:
    """The 过渡费发放表 as xlsx (one row per household, signature column, total)."""
    statement = transition_statement(db, project_id, until, since, village_id)
    if not statement.rows:
        raise ValidationError("所选期间没有应发的过渡费（请先登记搬迁日期）。")
    with db.read() as s:
        title = project_of(s, project_id).name
    write_transition_statement(statement, title, out)
    return statement


# -- handover ------------------------------------------------------------------------------------


def _handover_info(s: Session, h: Household, rec: Handover) -> HandoverInfo:
    names = tuple(
        f"{b}-{u}-{r}"
        for b, u, r in s.execute(
            select(Flat.building, Flat.unit, Flat.room)
            .join(FlatSelection, FlatSelection.flat_id == Flat.id)
            .where(FlatSelection.household_id == h.id)
            .order_by(FlatSelection.slot)
        )
    )
    return view_of(
        HandoverInfo, rec, household_id=h.id, household_no=h.household_no, head_name=h.head_name, flats=names
    )


def hand_over(
    db: Database,
    project_id: int,
    household_id: int,
    day: date,
    *,
    keys: int = 0,
    water: Decimal | None = None,
    power: Decimal | None = None,
    gas: Decimal | None = None,
) -> HandoverInfo:
    """交房: the flats become 已交付, the 入住通知单 gets the project's next serial number; fees stop."""
    require(db, Need.ENTER, "交房")
    if keys < 0:
        raise ValidationError("钥匙数不能为负数。", field="钥匙")
    with db.write(reason="交房") as s:
        h = household_in(s, project_id, household_id)
        if s.scalars(select(Handover).where(Handover.household_id == h.id)).first() is not None:
            raise ValidationError(f"{h.household_no} 已经交房。")
        release_chosen(s, h, FLAT_HANDED_OVER, "交房")
        serial = int(s.scalar(select(func.max(Handover.serial)).where(Handover.project_id == project_id)) or 0) + 1
        rec = Handover(
            household_id=h.id,
            project_id=project_id,
            handed_over_on=day,
            keys=keys,
            water_reading=water,
            power_reading=power,
            gas_reading=gas,
            serial=serial,
            notice_no=f"安入〔{day.year}〕第 {serial} 号",
            title_status=TITLE_STATUSES[0],
        )
        s.add(rec)
        s.flush()
        return _handover_info(s, h, rec)


def get_handover(db: Database, project_id: int, household_id: int) -> HandoverInfo | None:
    require(db, Need.READ, "查看交房")
    with db.read() as s:
        h = household_in(s, project_id, household_id)
        rec = s.scalars(select(Handover).where(Handover.household_id == h.id)).first()
        return None if rec is None else _handover_info(s, h, rec)


def set_title_status(db: Database, project_id: int, household_id: int, status: str) -> HandoverInfo:
    """办证 status after handover: 未办证 → 办理中 → 已办证."""
    require(db, Need.ENTER, "登记办证")
    if status not in TITLE_STATUSES:
        raise ValidationError(f"办证状态应为 {'、'.join(TITLE_STATUSES)} 之一。", field="办证")
    with db.write(reason=f"办证：{status}") as s:
        h = household_in(s, project_id, household_id)
        rec = s.scalars(select(Handover).where(Handover.household_id == h.id)).first()
        if rec is None:
            raise NotFoundError(f"{h.household_no} 还没有交房。")
        rec.title_status = status
        s.flush()
        return _handover_info(s, h, rec)
