"""Households' placement: mode, 安置人口, the lottery, selection day (choose, skip, cancel), selection import.

A flat is never given twice: the flat's row version is checked when its status changes
(a clerk who chose from a stale board gets a ConflictError), and ``flat_selection.flat_id``
is unique in the file, so two clerks saving at the same moment cannot both win.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from resettle.domain.lottery import draw, lot_key
from resettle.domain.placement import MODE_CASH, MODE_FLAT, MODES, entitled_area
from resettle.errors import ConflictError, NotFoundError, ValidationError
from resettle.io.housing_sheets import HousingCellIssue, HousingSheetError, read_choices
from resettle.services.accounts.guard import Need, require
from resettle.services.common import project_of, row_of, view_of
from resettle.services.housing.records import (
    ChoiceResult,
    ChoicesImportResult,
    DrawInfo,
    DrawVerification,
    FlatInfo,
    MemberInfo,
    PlacementDetail,
    QueueEntry,
)
from resettle.services.housing.stock import flat_info, project_standard, standard_of
from resettle.store.compensation_models import HouseholdCompensation
from resettle.store.database import Database
from resettle.store.housing_models import (
    DRAW_ACTIVE,
    DRAW_REPLACED,
    FLAT_AVAILABLE,
    FLAT_CHOSEN,
    FLAT_FROZEN,
    Estate,
    Flat,
    FlatSelection,
    LotteryDraw,
    PlacementExclusion,
    PlacementHousehold,
)
from resettle.store.models import Household, Person, Village, VillageGroup

__all__ = [
    "cancel_choice",
    "choose_cash",
    "choose_flats",
    "current_draw",
    "draw_lottery",
    "exclude_member",
    "find_flat_id",
    "household_in",
    "import_choices",
    "include_member",
    "next_household",
    "placement_detail",
    "queue",
    "scope_households",
    "set_mode",
    "set_moved_out",
    "skip_household",
    "verify_lottery",
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


def _placement(s: Session, household_id: int, create: bool = False) -> PlacementHousehold | None:
    row = s.scalars(select(PlacementHousehold).where(PlacementHousehold.household_id == household_id)).first()
    if row is None and create:
        row = PlacementHousehold(household_id=household_id, mode=MODE_FLAT, skipped=False)
        s.add(row)
        s.flush()
    return row


def _modes(s: Session, ids: Sequence[int]) -> dict[int, PlacementHousehold]:
    if not ids:
        return {}
    rows = s.scalars(select(PlacementHousehold).where(PlacementHousehold.household_id.in_(list(ids))))
    return {r.household_id: r for r in rows}


def _excluded(s: Session, household_id: int) -> dict[int, str]:
    rows = s.execute(
        select(PlacementExclusion.person_id, PlacementExclusion.reason).where(
            PlacementExclusion.household_id == household_id
        )
    )
    return {int(pid): str(reason) for pid, reason in rows}


def members_of(s: Session, h: Household) -> tuple[MemberInfo, ...]:
    excluded = _excluded(s, h.id)
    out = []
    for p in h.persons:
        reason = excluded.get(p.id, "" if p.resettled else "登记为非安置人口")
        out.append(MemberInfo(p.id, p.name, p.relation, p.id_number, p.resettled and p.id not in excluded, reason))
    return tuple(out)


def _scope_key(project_id: int, village_id: int | None) -> str:
    return f"village:{village_id}" if village_id is not None else f"project:{project_id}"


def _draw_for(s: Session, h: Household) -> LotteryDraw | None:
    """The active draw that orders this household: its village's, else the project's."""
    group = s.get(VillageGroup, h.group_id)
    keys = [_scope_key(h.project_id, group.village_id if group else None), _scope_key(h.project_id, None)]
    for key in keys:
        d = s.scalars(
            select(LotteryDraw).where(LotteryDraw.scope_key == key, LotteryDraw.status == DRAW_ACTIVE)
        ).first()
        if d is not None and h.household_no in d.order_text.split("\n"):
            return d
    return None


def _position(d: LotteryDraw | None, household_no: str) -> int | None:
    if d is None:
        return None
    order = d.order_text.split("\n")
    return order.index(household_no) + 1 if household_no in order else None


def _selections(s: Session, household_id: int) -> list[FlatSelection]:
    q = select(FlatSelection).where(FlatSelection.household_id == household_id).order_by(FlatSelection.slot)
    return list(s.scalars(q))


def release_chosen(s: Session, h: Household, to: str, what: str) -> list[FlatSelection]:
    """The household's chosen flats move on to ``to`` (可选 again, or 已交付); refused when it chose none
    or a flat is no longer 已选 (``what``: the step, for the message). Returns the selections."""
    selections = _selections(s, h.id)
    if not selections:
        raise ValidationError(f"{h.household_no} 还没有选房，不能{what}。")
    for sel in selections:
        f = s.get(Flat, sel.flat_id)
        assert f is not None
        if f.status != FLAT_CHOSEN:
            raise ValidationError(f"{f.name} 当前为「{f.status}」，不能{what}。")
        f.status = to
    return selections


def _person_in(s: Session, project_id: int, person_id: int) -> Person:
    p = row_of(s, Person, person_id, "没有这位家庭成员。")
    household_in(s, project_id, p.household_id)
    return p


def _flat_named(s: Session, project_id: int, name: str) -> list[tuple[Flat, Estate]]:
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


def find_flat_id(db: Database, project_id: int, name: str) -> int:
    """A flat by its name ``楼号-单元-房号`` (``小区 楼号-单元-房号`` when the project has several estates)."""
    require(db, Need.READ, "查找房源")
    with db.read() as s:
        found = [f.id for f, _e in _flat_named(s, project_id, name)]
    if not found:
        raise NotFoundError(f"本项目没有房号「{name}」（应写成 楼号-单元-房号，如 3幢-1单元-502）。")
    if len(found) > 1:
        raise ValidationError(f"房号「{name}」在几个小区都有，请写成「小区 楼号-单元-房号」。")
    return found[0]


def _compensation_total(s: Session, household_id: int) -> Decimal:
    total = s.scalar(select(HouseholdCompensation.total).where(HouseholdCompensation.household_id == household_id))
    return total if total is not None else ZERO


# -- reading a household's placement -----------------------------------------------------------


def detail_in(s: Session, project_id: int, household_id: int) -> PlacementDetail:
    h = household_in(s, project_id, household_id)
    group = s.get(VillageGroup, h.group_id)
    village = s.get(Village, group.village_id) if group else None
    row = _placement(s, h.id)
    members = members_of(s, h)
    persons = sum(1 for m in members if m.counted)
    std = project_standard(s, project_id)
    by_id = {m.id: m for m in members}
    flats: list[FlatInfo] = []
    owners: list[tuple[MemberInfo, ...]] = []
    ahead = False
    for sel in _selections(s, h.id):
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
        position=_position(_draw_for(s, h), h.household_no),
        skipped=bool(row and row.skipped),
        ahead_of_order=ahead,
        moved_out_on=row.moved_out_on if row else None,
        compensation_total=_compensation_total(s, h.id),
    )


def placement_detail(db: Database, project_id: int, household_id: int) -> PlacementDetail:
    require(db, Need.READ, "查看安置情况")
    with db.read() as s:
        return detail_in(s, project_id, household_id)


def set_mode(db: Database, project_id: int, household_id: int, mode: str) -> PlacementDetail:
    """产权调换 / 货币安置 / 宅基地 / 集中供养; a household that chose flats must cancel them first."""
    require(db, Need.ENTER, "设定安置方式")
    if mode not in MODES:
        raise ValidationError(f"安置方式应为 {'、'.join(MODES)} 之一。", field="安置方式")
    with db.write(reason=f"安置方式：{mode}") as s:
        h = household_in(s, project_id, household_id)
        if mode != MODE_FLAT and _selections(s, h.id):
            raise ValidationError(f"{h.household_no} 已选房，改为{mode}前须先撤销选房。")
        row = _placement(s, h.id, create=True)
        assert row is not None
        row.mode = mode
        s.flush()
        return detail_in(s, project_id, household_id)


def set_moved_out(db: Database, project_id: int, household_id: int, day: date | None) -> PlacementDetail:
    """搬迁腾空日期: transition fees run from it."""
    require(db, Need.ENTER, "登记搬迁日期")
    with db.write(reason="登记搬迁腾空日期") as s:
        h = household_in(s, project_id, household_id)
        row = _placement(s, h.id, create=True)
        assert row is not None
        row.moved_out_on = day
        s.flush()
        return detail_in(s, project_id, household_id)


def exclude_member(db: Database, project_id: int, person_id: int, reason: str) -> PlacementDetail:
    """A member not recognised as 安置人口 (born after the cut-off, outsider …), with the reason."""
    require(db, Need.ENTER, "认定安置人口")
    if not reason.strip():
        raise ValidationError("不认定为安置人口须写明原因。", field="原因")
    with db.write(reason=f"不认定安置人口：{reason.strip()}") as s:
        p = _person_in(s, project_id, person_id)
        row = s.scalars(select(PlacementExclusion).where(PlacementExclusion.person_id == p.id)).first()
        if row is None:
            s.add(PlacementExclusion(household_id=p.household_id, person_id=p.id, reason=reason.strip()))
        else:
            row.reason = reason.strip()
        s.flush()
        return detail_in(s, project_id, p.household_id)


def include_member(db: Database, project_id: int, person_id: int, reason: str) -> PlacementDetail:
    require(db, Need.ENTER, "认定安置人口")
    with db.write(reason=f"认定为安置人口：{reason.strip()}") as s:
        p = _person_in(s, project_id, person_id)
        row = s.scalars(select(PlacementExclusion).where(PlacementExclusion.person_id == p.id)).first()
        if row is not None:
            s.delete(row)
        s.flush()
        return detail_in(s, project_id, p.household_id)


# -- lottery -------------------------------------------------------------------------------------


def _draw_info(s: Session, d: LotteryDraw) -> DrawInfo:
    order = d.order_text.split("\n")
    heads = dict(
        s.execute(
            select(Household.household_no, Household.head_name).where(
                Household.project_id == d.project_id, Household.household_no.in_(order)
            )
        ).all()
    )
    replaced = len(
        s.scalars(select(LotteryDraw.id).where(LotteryDraw.scope_key == d.scope_key, LotteryDraw.id != d.id)).all()
    )
    label = "全项目"
    if d.village_id is not None:
        v = s.get(Village, d.village_id)
        label = v.name if v else "本村"
    return view_of(
        DrawInfo,
        d,
        scope_label=label,
        order=tuple((i, no, heads.get(no, "")) for i, no in enumerate(order, start=1)),
        keys=tuple(lot_key(d.seed, no) for no in order),
        replaced=replaced,
    )


def _participants(s: Session, project_id: int, village_id: int | None) -> list[str]:
    households = scope_households(s, project_id, village_id)
    modes = _modes(s, [h.id for h in households])
    return [h.household_no for h in households if (modes[h.id].mode if h.id in modes else MODE_FLAT) == MODE_FLAT]


def draw_lottery(
    db: Database, project_id: int, seed: str, village_id: int | None = None, redraw_reason: str | None = None
) -> DrawInfo:
    """Record the draw for the project (or one village): once; a redraw needs a reason and keeps the first."""
    require(db, Need.ENTER, "抽签")
    if not seed.strip():
        raise ValidationError("请输入现场公开产生的抽签种子。", field="种子")
    with db.write(reason="抽签" if not redraw_reason else f"重新抽签：{redraw_reason.strip()}") as s:
        project_of(s, project_id)
        key = _scope_key(project_id, village_id)
        earlier = s.scalars(
            select(LotteryDraw).where(LotteryDraw.scope_key == key, LotteryDraw.status == DRAW_ACTIVE)
        ).first()
        if earlier is not None:
            if not (redraw_reason and redraw_reason.strip()):
                raise ConflictError(
                    f"本范围已于 {earlier.drawn_at:%Y-%m-%d %H:%M} 抽签（种子「{earlier.seed}」），不能再抽；"
                    "确需重抽请写明原因。"
                )
            if s.scalar(
                select(FlatSelection.id)
                .join(Household, Household.id == FlatSelection.household_id)
                .where(Household.household_no.in_(earlier.order_text.split("\n")), Household.project_id == project_id)
                .limit(1)
            ):
                raise ValidationError("已有户按这次抽签的顺序选了房，不能重抽。")
            earlier.status = DRAW_REPLACED
            s.flush()
        numbers = _participants(s, project_id, village_id)
        try:
            result = draw(seed, numbers)
        except ValueError as exc:
            raise ValidationError(f"{exc}（货币安置等不选房的户不参加抽签）。") from exc
        rec = LotteryDraw(
            project_id=project_id,
            village_id=village_id,
            scope_key=key,
            seed=result.seed,
            digest=result.digest,
            order_text="\n".join(result.order),
            status=DRAW_ACTIVE,
            redraw_reason=(redraw_reason or "").strip(),
            drawn_at=datetime.now(),
            drawn_by=db.actor.user,
        )
        s.add(rec)
        s.flush()
        return _draw_info(s, rec)


def current_draw(db: Database, project_id: int, village_id: int | None = None) -> DrawInfo | None:
    require(db, Need.READ, "查看抽签记录")
    with db.read() as s:
        project_of(s, project_id)
        d = s.scalars(
            select(LotteryDraw).where(
                LotteryDraw.scope_key == _scope_key(project_id, village_id), LotteryDraw.status == DRAW_ACTIVE
            )
        ).first()
        return None if d is None else _draw_info(s, d)


def verify_lottery(db: Database, project_id: int, seed: str, village_id: int | None = None) -> DrawVerification:
    """Redo the recorded draw from ``seed`` and its list of households, and compare order and digest."""
    require(db, Need.READ, "核验抽签")
    info = current_draw(db, project_id, village_id)
    if info is None:
        raise NotFoundError("本范围还没有抽签记录。")
    recorded = [no for _pos, no, _head in info.order]
    redo = draw(seed, recorded) if seed.strip() else None
    if redo is None or list(redo.order) != recorded or redo.digest != info.digest:
        got = redo.digest if redo else ""
        return DrawVerification(False, "用此种子重算的顺序与记录不符。", info.digest, got)
    return DrawVerification(
        True, f"用种子「{seed}」重算 {len(recorded)} 户，顺序与记录一致。", info.digest, redo.digest
    )


# -- selection day -----------------------------------------------------------------------------


def _queue(s: Session, project_id: int, village_id: int | None) -> list[QueueEntry]:
    project_of(s, project_id)
    d = s.scalars(
        select(LotteryDraw).where(
            LotteryDraw.scope_key == _scope_key(project_id, village_id), LotteryDraw.status == DRAW_ACTIVE
        )
    ).first()
    if d is None:
        return []
    order = d.order_text.split("\n")
    households = {
        h.household_no: h
        for h in s.scalars(
            select(Household).where(Household.project_id == project_id, Household.household_no.in_(order))
        )
    }
    ids = [h.id for h in households.values()]
    modes = _modes(s, ids)
    chosen = set(s.scalars(select(FlatSelection.household_id).where(FlatSelection.household_id.in_(ids))))
    out = []
    for i, no in enumerate(order, start=1):
        h = households.get(no)
        if h is None:
            continue
        row = modes.get(h.id)
        if h.id in chosen:
            state = "已选"
        elif row is not None and row.mode != MODE_FLAT:
            state = row.mode
        elif row is not None and row.skipped:
            state = "过号"
        else:
            state = "待选"
        out.append(QueueEntry(i, h.id, no, h.head_name, state))
    return out


def queue(db: Database, project_id: int, village_id: int | None = None) -> list[QueueEntry]:
    """The draw order with each household's state (待选 / 已选 / 过号 / 货币安置 …)."""
    require(db, Need.READ, "查看选房顺序")
    with db.read() as s:
        return _queue(s, project_id, village_id)


def next_household(db: Database, project_id: int, village_id: int | None = None) -> QueueEntry | None:
    """The first household in order still to choose (过号 households choose later)."""
    return next((q for q in queue(db, project_id, village_id) if q.state == "待选"), None)


def skip_household(db: Database, project_id: int, household_id: int) -> None:
    """过号: not present at its turn; it may choose later."""
    require(db, Need.ENTER, "过号")
    with db.write(reason="过号") as s:
        h = household_in(s, project_id, household_id)
        if _selections(s, h.id):
            raise ValidationError(f"{h.household_no} 已选房。")
        row = _placement(s, h.id, create=True)
        assert row is not None
        row.skipped = True
        s.flush()


def _is_ahead(s: Session, h: Household) -> bool:
    d = _draw_for(s, h)
    mine = _position(d, h.household_no)
    if d is None or mine is None:
        return False
    group = s.get(VillageGroup, h.group_id)
    village_id = group.village_id if group and d.village_id is not None else None
    first = next((q for q in _queue(s, h.project_id, village_id) if q.state == "待选"), None)
    return first is not None and first.position < mine


@dataclass(frozen=True)
class _Chosen:
    flat: Flat
    estate: Estate


def _choose_in(
    s: Session,
    db: Database,
    h: Household,
    flats: Sequence[_Chosen],
    owners: Sequence[Sequence[int]] | None,
    expected_versions: dict[int, int] | None,
    source: str,
) -> ChoiceResult:
    if not 1 <= len(flats) <= 2:
        raise ValidationError("每户选一套或两套房。")
    if len({c.flat.id for c in flats}) != len(flats):
        raise ValidationError("两套房不能是同一套。")
    row = _placement(s, h.id, create=True)
    assert row is not None
    if row.mode != MODE_FLAT:
        raise ValidationError(f"{h.household_no} 的安置方式是{row.mode}，不能分配安置房。")
    if _selections(s, h.id):
        raise ValidationError(f"{h.household_no} 已选过房；要改选须先撤销原选房。")
    members = {p.id for p in h.persons}
    head = next((p.id for p in h.persons if p.relation == "户主"), h.persons[0].id if h.persons else None)
    ahead = _is_ahead(s, h)
    for slot, c in enumerate(flats, start=1):
        f = c.flat
        if expected_versions is not None and f.id in expected_versions and f.version != expected_versions[f.id]:
            raise ConflictError(
                f"{c.estate.name} {f.name} 刚被另一位用户改动（现为「{f.status}」），请刷新房源后重选。"
            )
        if f.status == FLAT_FROZEN:
            raise ValidationError(f"{c.estate.name} {f.name} 已冻结（{f.frozen_reason}），不能选。")
        if f.status != FLAT_AVAILABLE:
            raise ConflictError(f"{c.estate.name} {f.name} {f.status}，不能再选。")
        chosen_owners = list(owners[slot - 1]) if owners and len(owners) >= slot and owners[slot - 1] else []
        if not chosen_owners and head is not None:
            chosen_owners = [head]
        strangers = [o for o in chosen_owners if o not in members]
        if strangers:
            raise ValidationError("产权人只能从本户家庭成员中选。", field="产权人")
        f.status = FLAT_CHOSEN
        s.add(
            FlatSelection(
                household_id=h.id,
                flat_id=f.id,
                slot=slot,
                owner_ids=",".join(str(o) for o in chosen_owners),
                ahead_of_order=ahead,
                source=source,
                chosen_at=datetime.now(),
                chosen_by=db.actor.user,
            )
        )
    row.skipped = False
    try:
        s.flush()
    except IntegrityError as exc:
        raise ConflictError("所选房源刚被另一位用户选走，本次未保存。请刷新房源后重选。") from exc
    return ChoiceResult(h.household_no, tuple(c.flat.name for c in flats), ahead, MODE_FLAT)


def choose_flats(
    db: Database,
    project_id: int,
    household_id: int,
    flat_ids: Sequence[int],
    owners: Sequence[Sequence[int]] | None = None,
    *,
    expected_versions: dict[int, int] | None = None,
) -> ChoiceResult:
    """选房: one or two available flats for the household, with the owners on each title (default 户主).

    ``expected_versions`` (flat id → row version seen on the board) turns a choice made from a
    stale board into a ConflictError. Choosing ahead of the draw order is allowed and recorded."""
    require(db, Need.ENTER, "选房")
    with db.write(reason="选房") as s:
        h = household_in(s, project_id, household_id)
        chosen = []
        for fid in flat_ids:
            f = s.get(Flat, fid)
            e = s.get(Estate, f.estate_id) if f else None
            if f is None or e is None or e.project_id != project_id:
                raise NotFoundError("本项目没有所选的房源。")
            chosen.append(_Chosen(f, e))
        return _choose_in(s, db, h, chosen, owners, expected_versions, "现场")


def choose_cash(db: Database, project_id: int, household_id: int) -> ChoiceResult:
    """The household takes money instead of a flat (货币安置)."""
    set_mode(db, project_id, household_id, MODE_CASH)
    with db.read() as s:
        h = household_in(s, project_id, household_id)
        return ChoiceResult(h.household_no, (), False, MODE_CASH)


def cancel_choice(db: Database, project_id: int, household_id: int, reason: str) -> None:
    """Undo a selection (the flats become 可选 again); never without a reason, and not after handover."""
    require(db, Need.ENTER, "撤销选房")
    if not reason.strip():
        raise ValidationError("撤销选房须写明原因。", field="原因")
    with db.write(reason=f"撤销选房：{reason.strip()}") as s:
        h = household_in(s, project_id, household_id)
        for sel in release_chosen(s, h, FLAT_AVAILABLE, "撤销"):
            s.delete(sel)
        s.flush()


def import_choices(db: Database, project_id: int, path: Path | str) -> ChoicesImportResult:
    """Results typed from the day's paper record (sheet 选房结果), all or nothing; each bad row named."""
    require(db, Need.ENTER, "导入选房结果")
    path = Path(path)
    sheet, rows, issues = read_choices(path)
    households = flats_done = cash = 0
    with db.write(reason=f"导入选房结果 {path.name}") as s:
        project_of(s, project_id)
        by_no = {
            h.household_no: h
            for h in s.scalars(
                select(Household).where(Household.project_id == project_id).options(selectinload(Household.persons))
            )
        }
        used: dict[int, int] = {}
        seen_households: dict[str, int] = {}
        plan: list[tuple[Household, str, list[_Chosen]]] = []
        for row in rows:
            bad = len(issues)
            h = by_no.get(row.household_no)
            if h is None:
                issues.append(
                    HousingCellIssue(
                        sheet, row.row, row.columns["household_no"], f"本项目没有户号「{row.household_no}」"
                    )
                )
            elif row.household_no in seen_households:
                issues.append(
                    HousingCellIssue(
                        sheet,
                        row.row,
                        row.columns["household_no"],
                        f"户号与第 {seen_households[row.household_no]} 行重复",
                    )
                )
            else:
                seen_households[row.household_no] = row.row
            if row.mode == MODE_FLAT and not row.flats:
                issues.append(HousingCellIssue(sheet, row.row, row.columns["flat1"], "产权调换须填房号"))
            if row.mode != MODE_FLAT and row.flats:
                issues.append(HousingCellIssue(sheet, row.row, row.columns["flat1"], f"{row.mode}的户不能分配安置房"))
            chosen: list[_Chosen] = []
            for key, name in zip(("flat1", "flat2"), row.flats, strict=False):
                found = _flat_named(s, project_id, name)
                column = row.columns[key]
                if not found:
                    issues.append(HousingCellIssue(sheet, row.row, column, f"本项目没有房号「{name}」"))
                    continue
                if len(found) > 1:
                    issues.append(HousingCellIssue(sheet, row.row, column, f"房号「{name}」在几个小区都有，请写明小区"))
                    continue
                f, e = found[0]
                if f.id in used:
                    issues.append(HousingCellIssue(sheet, row.row, column, f"房号「{name}」与第 {used[f.id]} 行重复"))
                    continue
                used[f.id] = row.row
                if f.status == FLAT_FROZEN:
                    issues.append(HousingCellIssue(sheet, row.row, column, f"房号「{name}」已冻结"))
                elif f.status != FLAT_AVAILABLE:
                    issues.append(HousingCellIssue(sheet, row.row, column, f"房号「{name}」{f.status}"))
                chosen.append(_Chosen(f, e))
            if h is not None and len(issues) == bad:
                if _selections(s, h.id):
                    issues.append(
                        HousingCellIssue(sheet, row.row, row.columns["household_no"], f"{h.household_no} 已选过房")
                    )
                else:
                    plan.append((h, row.mode, chosen))
        if issues:
            raise HousingSheetError("选房结果表", issues)
        for h, mode, chosen in plan:
            place = _placement(s, h.id, create=True)
            assert place is not None
            place.mode = mode
            s.flush()
            if mode == MODE_FLAT:
                _choose_in(s, db, h, chosen, None, None, "导入")
                flats_done += len(chosen)
            else:
                cash += int(mode == MODE_CASH)
            households += 1
    return ChoicesImportResult(households, flats_done, cash)
