"""Selection day: the queue in lottery order, choosing flats (or cash), skipping, cancelling, the paper record's import.

A flat is never given twice: the flat's row version is checked when its status changes
(a clerk who chose from a stale board gets a ConflictError), and ``flat_selection.flat_id``
is unique in the file, so two clerks saving at the same moment cannot both win.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from resettle.domain.placement import MODE_CASH, MODE_FLAT, MODES
from resettle.errors import ConflictError, NotFoundError, ValidationError
from resettle.io.housing_sheets import HousingCellIssue, HousingSheetError, read_choices
from resettle.services.accounts.guard import Need, require
from resettle.services.common import audit_reason, project_of
from resettle.services.housing.common import (
    detail_in,
    draw_for,
    flats_named,
    household_in,
    modes_of,
    placement_of,
    position_in,
    release_chosen,
    scope_key,
    selections_of,
)
from resettle.services.housing.records import (
    ChoiceResult,
    ChoicesImportResult,
    PlacementDetail,
    QueueEntry,
)
from resettle.store.database import Database
from resettle.store.housing_models import (
    DRAW_ACTIVE,
    FLAT_AVAILABLE,
    FLAT_CHOSEN,
    FLAT_FROZEN,
    Estate,
    Flat,
    FlatSelection,
    LotteryDraw,
)
from resettle.store.models import Household, VillageGroup

__all__ = ["cancel_choice", "choose_cash", "choose_flats", "import_choices", "next_household", "queue", "set_mode",
           "skip_household"]  # fmt: skip


def set_mode(db: Database, project_id: int, household_id: int, mode: str) -> PlacementDetail:
    """产权调换 / 货币安置 / 宅基地 / 集中供养; a household that chose flats must cancel them first."""
    require(db, Need.ENTER, "设定安置方式")
    if mode not in MODES:
        raise ValidationError(f"安置方式应为 {'、'.join(MODES)} 之一。", field="安置方式")
    with db.write(reason=f"安置方式：{mode}") as s:
        h = household_in(s, project_id, household_id)
        if mode != MODE_FLAT and selections_of(s, h.id):
            raise ValidationError(f"{h.household_no} 已选房，改为{mode}前须先撤销选房。")
        row = placement_of(s, h.id, create=True)
        assert row is not None
        row.mode = mode
        s.flush()
        return detail_in(s, project_id, household_id)


# -- selection day -----------------------------------------------------------------------------


def _queue(s: Session, project_id: int, village_id: int | None) -> list[QueueEntry]:
    project_of(s, project_id)
    d = s.scalars(
        select(LotteryDraw).where(
            LotteryDraw.scope_key == scope_key(project_id, village_id), LotteryDraw.status == DRAW_ACTIVE
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
    modes = modes_of(s, ids)
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
        if selections_of(s, h.id):
            raise ValidationError(f"{h.household_no} 已选房。")
        row = placement_of(s, h.id, create=True)
        assert row is not None
        row.skipped = True
        s.flush()


def _is_ahead(s: Session, h: Household) -> bool:
    d = draw_for(s, h)
    mine = position_in(d, h.household_no)
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
    row = placement_of(s, h.id, create=True)
    assert row is not None
    if row.mode != MODE_FLAT:
        raise ValidationError(f"{h.household_no} 的安置方式是{row.mode}，不能分配安置房。")
    if selections_of(s, h.id):
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
    with db.write(reason=audit_reason(reason, "撤销选房")) as s:
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
                found = flats_named(s, project_id, name)
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
                if selections_of(s, h.id):
                    issues.append(
                        HousingCellIssue(sheet, row.row, row.columns["household_no"], f"{h.household_no} 已选过房")
                    )
                else:
                    plan.append((h, row.mode, chosen))
        if issues:
            raise HousingSheetError("选房结果表", issues)
        for h, mode, chosen in plan:
            place = placement_of(s, h.id, create=True)
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
