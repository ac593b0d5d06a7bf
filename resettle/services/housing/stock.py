"""Estates and flats (房源) and the placement standard (安置标准) of a project.

Each public function is one user action, names its project, checks the caller's role
first, and changes audited rows through the ORM only.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from resettle.domain.placement import PlacementStandard
from resettle.errors import NotFoundError, ValidationError
from resettle.io.housing_sheets import (
    HousingCellIssue,
    HousingSheetError,
    StockRow,
    read_standard,
    read_stock,
    write_stock,
)
from resettle.services.accounts.guard import Need, require
from resettle.services.common import (
    CancelCheck,
    Progress,
    audit_reason,
    check_cancel,
    check_version,
    project_of,
    view_of,
)
from resettle.services.housing.records import BoardInfo, EstateInfo, FlatInfo, StandardInfo, StockImportResult
from resettle.store.database import Database
from resettle.store.housing_models import (
    FLAT_AVAILABLE,
    FLAT_CHOSEN,
    FLAT_FROZEN,
    FLAT_HANDED_OVER,
    STANDARD_DRAFT,
    STANDARD_PUBLISHED,
    Estate,
    Flat,
    FlatSelection,
    PlacementStandardRecord,
)
from resettle.store.models import Household

__all__ = [
    "board",
    "current_standard",
    "estate_of",
    "export_stock",
    "flat_info",
    "freeze_flat",
    "import_standard",
    "import_stock",
    "list_estates",
    "list_standards",
    "project_standard",
    "publish_standard",
    "set_promised_handover",
    "standard_of",
    "unfreeze_flat",
]


def _estate_info(s: Session, e: Estate) -> EstateInfo:
    rows = s.execute(select(Flat.status, func.count()).where(Flat.estate_id == e.id).group_by(Flat.status)).all()
    by_status = {str(st): int(n) for st, n in rows}
    return EstateInfo(e.id, e.project_id, e.name, e.promised_handover_on, sum(by_status.values()), by_status)


def flat_info(f: Flat, estate: str, household_no: str = "") -> FlatInfo:
    return view_of(FlatInfo, f, estate=estate, household_no=household_no, row_version=f.version)


def estate_of(s: Session, project_id: int, estate_id: int) -> Estate:
    e = s.get(Estate, estate_id)
    if e is None or e.project_id != project_id:
        raise NotFoundError("本项目没有这个安置小区。")
    return e


def flat_of(s: Session, project_id: int, flat_id: int) -> tuple[Flat, Estate]:
    f = s.get(Flat, flat_id)
    if f is None:
        raise NotFoundError("没有这套房源。")
    e = s.get(Estate, f.estate_id)
    if e is None or e.project_id != project_id:
        raise NotFoundError("本项目没有这套房源。")
    return f, e


# -- stock -------------------------------------------------------------------------------------


def import_stock(
    db: Database, project_id: int, path: Path | str, *, progress: Progress = None, cancelled: CancelCheck = None
) -> StockImportResult:
    """The developer's stock list into the project: new flats added, known ones updated (all or nothing)."""
    require(db, Need.ENTER, "导入房源")
    path = Path(path)
    rows = read_stock(path)
    added = updated = frozen = 0
    with db.write(reason=f"导入房源表 {path.name}") as s:
        project_of(s, project_id)
        estates = {e.name: e for e in s.scalars(select(Estate).where(Estate.project_id == project_id))}
        existing: dict[tuple[int, str, str, str], Flat] = {}
        if estates:
            for f in s.scalars(select(Flat).where(Flat.estate_id.in_([e.id for e in estates.values()]))):
                existing[(f.estate_id, f.building, f.unit, f.room)] = f
        issues: list[HousingCellIssue] = []
        for done, row in enumerate(rows, start=1):
            check_cancel(cancelled)
            estate = estates.get(row.estate)
            if estate is None:
                estate = Estate(project_id=project_id, name=row.estate)
                s.add(estate)
                s.flush()
                estates[row.estate] = estate
            flat = existing.get((estate.id, row.building, row.unit, row.room))
            if flat is None:
                flat = Flat(
                    estate_id=estate.id,
                    building=row.building,
                    unit=row.unit,
                    floor=row.floor,
                    room=row.room,
                    layout=row.layout,
                    area_m2=row.area_m2,
                    status=row.status,
                    frozen_reason="房源表标为冻结" if row.status == FLAT_FROZEN else "",
                )
                s.add(flat)
                added += 1
            elif flat.status in (FLAT_CHOSEN, FLAT_HANDED_OVER):
                if flat.area_m2 != row.area_m2 or flat.layout != row.layout or row.status == FLAT_FROZEN:
                    issues.append(
                        HousingCellIssue(
                            "房源", row.row, "", f"{row.estate} {row.name} {flat.status}，不能再改面积、户型或冻结"
                        )
                    )
                continue
            else:
                changed = (flat.floor, flat.layout, flat.area_m2, flat.status) != (
                    row.floor,
                    row.layout,
                    row.area_m2,
                    row.status,
                )
                flat.floor, flat.layout, flat.area_m2 = row.floor, row.layout, row.area_m2
                if row.status != flat.status:
                    flat.frozen_reason = "房源表标为冻结" if row.status == FLAT_FROZEN else ""
                    flat.status = row.status
                updated += int(changed)
            frozen += int(row.status == FLAT_FROZEN)
            if progress is not None and done % 200 == 0:
                progress(done, len(rows))
        if issues:
            raise HousingSheetError("房源表", issues)
        names = tuple(sorted({r.estate for r in rows}))
    if progress is not None:
        progress(len(rows), len(rows))
    return StockImportResult(names, added, updated, frozen)


def _stock_rows(s: Session, project_id: int) -> list[StockRow]:
    q = (
        select(Flat, Estate.name)
        .join(Estate, Estate.id == Flat.estate_id)
        .where(Estate.project_id == project_id)
        .order_by(Estate.id, Flat.id)
    )
    return [view_of(StockRow, f, row=0, estate=name) for f, name in s.execute(q)]


def export_stock(db: Database, project_id: int, out: Path | str) -> int:
    """The project's flats as a 房源 workbook (the import's layout, with today's statuses)."""
    require(db, Need.READ, "导出房源")
    with db.read() as s:
        project_of(s, project_id)
        rows = _stock_rows(s, project_id)
    if not rows:
        raise ValidationError("本项目还没有房源。")
    write_stock(rows, out)
    return len(rows)


def list_estates(db: Database, project_id: int) -> list[EstateInfo]:
    require(db, Need.READ, "查看安置小区")
    with db.read() as s:
        project_of(s, project_id)
        return [
            _estate_info(s, e)
            for e in s.scalars(select(Estate).where(Estate.project_id == project_id).order_by(Estate.id))
        ]


def board(db: Database, project_id: int, estate_id: int) -> BoardInfo:
    """Every flat of an estate with its status and the household that chose it (the selection-day board)."""
    require(db, Need.READ, "查看房源")
    with db.read() as s:
        e = estate_of(s, project_id, estate_id)
        chosen = dict(
            s.execute(
                select(FlatSelection.flat_id, Household.household_no)
                .join(Household, Household.id == FlatSelection.household_id)
                .join(Flat, Flat.id == FlatSelection.flat_id)
                .where(Flat.estate_id == e.id)
            ).all()
        )
        flats = tuple(
            flat_info(f, e.name, str(chosen.get(f.id, "")))
            for f in s.scalars(select(Flat).where(Flat.estate_id == e.id).order_by(Flat.id))
        )
        info = _estate_info(s, e)
    return BoardInfo(info, flats)


def freeze_flat(
    db: Database, project_id: int, flat_id: int, reason: str, expected_version: int | None = None
) -> FlatInfo:
    """可选 → 冻结 (held back by the office); never without a reason."""
    require(db, Need.ENTER, "冻结房源")
    return _turn_flat(db, project_id, flat_id, reason, expected_version, "冻结房源", FLAT_FROZEN)


def unfreeze_flat(
    db: Database, project_id: int, flat_id: int, reason: str, expected_version: int | None = None
) -> FlatInfo:
    require(db, Need.ENTER, "解冻房源")
    return _turn_flat(db, project_id, flat_id, reason, expected_version, "解冻房源", FLAT_AVAILABLE)


def _turn_flat(
    db: Database, project_id: int, flat_id: int, reason: str, expected_version: int | None, what: str, to: str
) -> FlatInfo:
    """可选 ⇄ 冻结, with the reason kept on a frozen flat; refused when the flat is not in the other state."""
    with db.write(reason=audit_reason(reason, what)) as s:
        f, e = flat_of(s, project_id, flat_id)
        check_version(
            f.version, expected_version, f"房源 {f.name} 已被另一位用户改动（现为「{f.status}」），请刷新后再操作。"
        )
        if to == FLAT_FROZEN and f.status != FLAT_AVAILABLE:
            raise ValidationError(f"{e.name} {f.name} 当前为「{f.status}」，只有可选的房源能冻结。")
        if to == FLAT_AVAILABLE and f.status != FLAT_FROZEN:
            raise ValidationError(f"{e.name} {f.name} 当前为「{f.status}」，不是冻结状态。")
        f.status, f.frozen_reason = to, reason.strip() if to == FLAT_FROZEN else ""
        s.flush()
        return flat_info(f, e.name)


def set_promised_handover(db: Database, project_id: int, estate_id: int, day: date | None) -> EstateInfo:
    """The handover date promised for an estate (past it, transition fees are paid at the overdue rate)."""
    require(db, Need.ENTER, "设定承诺交房日期")
    with db.write(reason="设定承诺交房日期") as s:
        e = estate_of(s, project_id, estate_id)
        e.promised_handover_on = day
        s.flush()
        return _estate_info(s, e)


# -- placement standard ------------------------------------------------------------------------


def _join(values: tuple[Decimal, ...]) -> str:
    return ";".join(f"{v:f}" for v in values)


def _split(text: str) -> tuple[Decimal, ...]:
    return tuple(Decimal(p) for p in text.split(";") if p)


def standard_of(rec: PlacementStandardRecord) -> PlacementStandard:
    return view_of(PlacementStandard, rec, band_widths=_split(rec.band_widths), band_prices=_split(rec.band_prices))


def _standard_info(rec: PlacementStandardRecord) -> StandardInfo:
    return view_of(StandardInfo, rec, standard=standard_of(rec))


def import_standard(db: Database, project_id: int, path: Path | str, publish: bool = False) -> StandardInfo:
    """A new version of the project's placement standard from sheet 安置标准 (a draft, or published at once)."""
    require(db, Need.ENTER, "导入安置标准")
    path = Path(path)
    std = read_standard(path)
    with db.write(reason=f"导入安置标准 {path.name}") as s:
        project_of(s, project_id)
        last = s.scalar(
            select(func.max(PlacementStandardRecord.revision)).where(PlacementStandardRecord.project_id == project_id)
        )
        rec = PlacementStandardRecord(
            project_id=project_id,
            revision=int(last or 0) + 1,
            status=STANDARD_DRAFT,
            area_per_person=std.area_per_person,
            minimum_area=std.minimum_area,
            price_within=std.price_within,
            band_widths=_join(std.band_widths),
            band_prices=_join(std.band_prices),
            refund_price=std.refund_price,
            transition_rate=std.transition_rate,
            overdue_multiplier=std.overdue_multiplier,
            fitout_months=std.fitout_months,
            source_file=path.name,
            created_at=datetime.now(),
        )
        s.add(rec)
        s.flush()
        if publish:
            _publish(s, rec, db.actor.user)
        return _standard_info(rec)


def _publish(s: Session, rec: PlacementStandardRecord, user: str) -> None:
    rec.status = STANDARD_PUBLISHED
    rec.published_at = datetime.now()
    rec.published_by = user
    s.flush()


def publish_standard(db: Database, project_id: int, standard_id: int) -> StandardInfo:
    """Publish a draft: from now on it is frozen and settlements use it."""
    require(db, Need.ENTER, "发布安置标准")
    with db.write(reason="发布安置标准") as s:
        rec = s.get(PlacementStandardRecord, standard_id)
        if rec is None or rec.project_id != project_id:
            raise NotFoundError("本项目没有这个版本的安置标准。")
        if rec.status == STANDARD_PUBLISHED:
            raise ValidationError(f"安置标准第 {rec.revision} 版已经发布。")
        _publish(s, rec, db.actor.user)
        return _standard_info(rec)


def list_standards(db: Database, project_id: int) -> list[StandardInfo]:
    require(db, Need.READ, "查看安置标准")
    with db.read() as s:
        project_of(s, project_id)
        q = (
            select(PlacementStandardRecord)
            .where(PlacementStandardRecord.project_id == project_id)
            .order_by(PlacementStandardRecord.revision)
        )
        return [_standard_info(r) for r in s.scalars(q)]


def project_standard(s: Session, project_id: int) -> PlacementStandardRecord | None:
    """The newest published version (what settlements and fees are computed with)."""
    q = (
        select(PlacementStandardRecord)
        .where(
            PlacementStandardRecord.project_id == project_id,
            PlacementStandardRecord.status == STANDARD_PUBLISHED,
        )
        .order_by(PlacementStandardRecord.revision.desc())
        .limit(1)
    )
    return s.scalars(q).first()


def current_standard(db: Database, project_id: int) -> StandardInfo | None:
    require(db, Need.READ, "查看安置标准")
    with db.read() as s:
        project_of(s, project_id)
        rec = project_standard(s, project_id)
        return None if rec is None else _standard_info(rec)
