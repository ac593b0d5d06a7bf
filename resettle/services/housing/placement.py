"""Households' placement: mode is chosen on selection day (:mod:`~resettle.services.housing.selection`),
安置人口 rulings, the moving-out date, and the lottery that orders selection day."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from resettle.domain.lottery import draw, lot_key
from resettle.domain.placement import MODE_FLAT
from resettle.errors import ConflictError, NotFoundError, ValidationError
from resettle.services.accounts.guard import Need, require
from resettle.services.common import audit_reason, project_of, view_of
from resettle.services.housing.common import (
    detail_in,
    flats_named,
    household_in,
    modes_of,
    person_in,
    placement_of,
    scope_households,
    scope_key,
)
from resettle.services.housing.records import (
    DrawInfo,
    DrawVerification,
    PlacementDetail,
)
from resettle.services.housing.selection import (  # selection day's calls, named here too for the window and the CLI
    cancel_choice as cancel_choice,
)
from resettle.services.housing.selection import (
    choose_cash as choose_cash,
)
from resettle.services.housing.selection import (
    choose_flats as choose_flats,
)
from resettle.services.housing.selection import (
    import_choices as import_choices,
)
from resettle.services.housing.selection import (
    next_household as next_household,
)
from resettle.services.housing.selection import (
    queue as queue,
)
from resettle.services.housing.selection import (
    set_mode as set_mode,
)
from resettle.services.housing.selection import (
    skip_household as skip_household,
)
from resettle.store.database import Database
from resettle.store.housing_models import (
    DRAW_ACTIVE,
    DRAW_REPLACED,
    FlatSelection,
    LotteryDraw,
    PlacementExclusion,
)
from resettle.store.models import Household, Village

__all__ = [
    "current_draw",
    "draw_lottery",
    "exclude_member",
    "find_flat_id",
    "include_member",
    "placement_detail",
    "set_moved_out",
    "verify_lottery",
]


def find_flat_id(db: Database, project_id: int, name: str) -> int:
    """A flat by its name ``楼号-单元-房号`` (``小区 楼号-单元-房号`` when the project has several estates)."""
    require(db, Need.READ, "查找房源")
    with db.read() as s:
        found = [f.id for f, _e in flats_named(s, project_id, name)]
    if not found:
        raise NotFoundError(f"本项目没有房号「{name}」（应写成 楼号-单元-房号，如 3幢-1单元-502）。")
    if len(found) > 1:
        raise ValidationError(f"房号「{name}」在几个小区都有，请写成「小区 楼号-单元-房号」。")
    return found[0]


def placement_detail(db: Database, project_id: int, household_id: int) -> PlacementDetail:
    require(db, Need.READ, "查看安置情况")
    with db.read() as s:
        return detail_in(s, project_id, household_id)


def set_moved_out(db: Database, project_id: int, household_id: int, day: date | None) -> PlacementDetail:
    """搬迁腾空日期: transition fees run from it."""
    require(db, Need.ENTER, "登记搬迁日期")
    with db.write(reason="登记搬迁腾空日期") as s:
        h = household_in(s, project_id, household_id)
        row = placement_of(s, h.id, create=True)
        assert row is not None
        row.moved_out_on = day
        s.flush()
        return detail_in(s, project_id, household_id)


def exclude_member(db: Database, project_id: int, person_id: int, reason: str) -> PlacementDetail:
    """A member not recognised as 安置人口 (born after the cut-off, outsider …), with the reason."""
    require(db, Need.ENTER, "认定安置人口")
    with db.write(reason=audit_reason(reason, "不认定安置人口", "不认定为安置人口须写明原因。")) as s:
        p = person_in(s, project_id, person_id)
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
        p = person_in(s, project_id, person_id)
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
    modes = modes_of(s, [h.id for h in households])
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
        key = scope_key(project_id, village_id)
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
                LotteryDraw.scope_key == scope_key(project_id, village_id), LotteryDraw.status == DRAW_ACTIVE
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
