"""Household workbooks out: roster (花名册), public list (公示表), bank list (兑付清册).

Each function is one user action: it reads the register in one read transaction (one
consistent snapshot, however long the export takes), streams the households chunk by
chunk into :mod:`resettle.io.exports`, and returns what it wrote. Households come in the
register's order: village, group (as created), 户号.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from resettle.collector import long_lived_frozen
from resettle.domain.compensation_records import DetailLine, HouseholdTotalsRow
from resettle.domain.posting import posting_days, posting_period, posting_period_text
from resettle.errors import Cancelled as CancelledError
from resettle.errors import NotFoundError, ValidationError
from resettle.io.compensation_export import write_compensation_workbook
from resettle.io.exports.common import ExportInfo, RosterHousehold
from resettle.io.exports.disclosure import DisclosureOptions, write_disclosure
from resettle.io.exports.payments import PaymentRow, write_payments
from resettle.io.exports.roster import write_roster
from resettle.services.accounts.guard import Need, require
from resettle.services.compensation import rate_tables, summaries
from resettle.services.compensation.facts import Scope
from resettle.services.compensation.freshness import OUTDATED, outdated_in
from resettle.services.documents.data import chain_stamp
from resettle.services.register import projects
from resettle.services.register.export_rows import (
    ExportScope,
    count_households,
    group_counts,
    households_by_id,
    land_classes,
    ordered_ids,
    scope_households,
)
from resettle.store import compensation_models
from resettle.store.compensation_models import (
    STATUS_NONE,
    CompensationAdjustment,
    CompensationLine,
    HouseholdCompensation,
)
from resettle.store.database import Database
from resettle.store.models import (
    Household,
    Project,
    Village,
    VillageGroup,
)

__all__ = [
    "ExportScope",
    "export_compensation",
    "export_disclosure",
    "export_payments",
    "export_roster",
    "iter_roster",
    "resolve_scope",
]

Progress = Callable[[int, int], None] | None
Cancelled = Callable[[], bool] | None

HOUSEHOLD_PAYEE = "户"


def resolve_scope(
    db: Database,
    project: str | None = None,
    village: str | None = None,
    *,
    project_id: int | None = None,
    village_id: int | None = None,
    group_id: int | None = None,
) -> ExportScope:
    """Project by id, or by name or id text (default: the only one; refused with several), and optionally
    one village of it, by id or name, or one group by id. The window passes ids (what the clerk chose in
    the tree); the CLI names."""
    require(db, Need.READ, "导出")
    if project_id is None:
        project_id = projects.resolve_project(db, project)
    if village_id is None and village:
        village_id = summaries.find_village_id(db, project_id, village)
    with db.read() as s:
        name = s.scalar(select(Project.name).where(Project.id == project_id))
        if name is None:
            raise NotFoundError(f"项目 {project_id} 不存在。")
        group_name = ""
        if group_id is not None:
            group = s.execute(
                select(VillageGroup.name, VillageGroup.village_id).where(VillageGroup.id == group_id)
            ).first()
            if group is None or (village_id is not None and int(group[1]) != village_id):
                raise NotFoundError(f"村民小组 {group_id} 不在所选的村中。")
            group_name, village_id = str(group[0]), int(group[1])
        village_name = ""
        if village_id is not None:
            found = s.execute(select(Village.name, Village.project_id).where(Village.id == village_id)).first()
            if found is None or int(found[1]) != project_id:
                raise NotFoundError(f"村 {village_id} 不在项目「{name}」中。")
            village_name = str(found[0])
    return ExportScope(project_id, str(name), village_id, village_name, group_id, group_name)


# -- reading (resettle.services.register.export_rows) ----------------------------------------

_ordered_ids = ordered_ids
_households = households_by_id


def iter_roster(db: Database, scope: ExportScope) -> Iterator[RosterHousehold]:
    """Every household of the scope with its members, land, houses and attachments, in order.

    One read transaction for the whole iteration; close the iterator (or exhaust it) to end it.
    """
    require(db, Need.READ, "导出花名册")
    with db.read() as s, contextlib.closing(scope_households(s, scope)) as rows:
        for _, household in rows:
            yield household


# -- the three workbooks -------------------------------------------------------------------------


def _no_cycle_collection() -> contextlib.AbstractContextManager[None]:
    """The cycle collector paused while a workbook streams out: hundreds of thousands of small, acyclic
    rows and cells, which it would only scan again and again (about 5 % of an export); what existed
    before is frozen, so its first pass after the export scans only what the export left."""
    return long_lived_frozen(paused=True)


def export_roster(
    db: Database,
    out: Path | str,
    project: str | None = None,
    village: str | None = None,
    progress: Progress = None,
    cancelled: Cancelled = None,
    *,
    project_id: int | None = None,
    village_id: int | None = None,
    group_id: int | None = None,
) -> ExportInfo:
    """The survey-shaped roster: re-importing it gives back exactly what is stored."""
    require(db, Need.READ, "导出花名册")
    scope = resolve_scope(db, project, village, project_id=project_id, village_id=village_id, group_id=group_id)
    _stop_if(cancelled)  # a cancel before the first row (small exports tick too rarely to see it)
    with _no_cycle_collection(), db.read() as s, contextlib.closing(scope_households(s, scope)) as households:
        groups = group_counts(s, scope)
        rows = (h for _, h in households)
        return write_roster(out, groups, rows, project=scope.title, progress=progress, cancelled=cancelled)


def export_disclosure(
    db: Database,
    out: Path | str,
    project: str | None = None,
    village: str | None = None,
    *,
    with_amounts: bool = True,
    posting_period: str = "",
    complaint_phone: str = "",
    progress: Progress = None,
    cancelled: Cancelled = None,
    project_id: int | None = None,
    village_id: int | None = None,
    group_id: int | None = None,
) -> ExportInfo:
    """The public list with IDs and phones masked; amounts by item once compensation is computed."""
    require(db, Need.READ, "导出公示表")
    scope = resolve_scope(db, project, village, project_id=project_id, village_id=village_id, group_id=group_id)
    _stop_if(cancelled)  # a cancel before the first row (small exports tick too rarely to see it)
    items: list[str] = []
    amounts: dict[int, dict[str, Decimal]] = {}
    if with_amounts and _any_computed(db, scope):
        items, totals = summaries.household_totals(db, scope.project_id, scope.village_id)
        amounts = {row.household_id: row.by_item for row in totals if row.status != STATUS_NONE}
        if not amounts:
            items = []
        with db.read() as s:
            outdated = _outdated(s, scope) if amounts else set()
        if outdated:  # a public list shows what the families are owed now, never amounts of earlier facts
            raise ValidationError(
                f"公示表的金额须按现状计算：{len(outdated)} 户{OUTDATED}（{'、'.join(_first_named(db, outdated))}"
                f"{'等' if len(outdated) > 5 else ''}）。请先重新计算（F9），或导出不含金额的公示表。"
            )
    if not complaint_phone:  # the number the PDF 公示表 prints
        township = projects.township_for(db, scope.project_id)
        complaint_phone = township.complaint_phone or township.phone
    with db.read() as s:
        groups = group_counts(s, scope, with_persons=False)
        villages: list[tuple[str, int]] = []
        for g in groups:
            if villages and villages[-1][0] == g.village:
                villages[-1] = (g.village, villages[-1][1] + g.households)
            else:
                villages.append((g.village, g.households))
        options = DisclosureOptions(
            land_classes=land_classes(s, scope),
            items=tuple(items),
            posting_period=posting_period or _posting_period_text(s, scope.project_id),
            complaint_phone=complaint_phone,
            chain_head=chain_stamp(s.connection()),
        )
        parts = frozenset({"parcels", "structures"})
        with _no_cycle_collection(), contextlib.closing(scope_households(s, scope, parts)) as households:
            rows = ((h, amounts.get(hid)) for hid, h in households)
            return write_disclosure(
                out, rows, villages, options, project=scope.project_name, progress=progress, cancelled=cancelled
            )


def _posting_period_text(s: Session, project_id: int) -> str:
    """The period the PDF 公示表 would state if issued today: from today for the project's posting days."""
    project = s.get(Project, project_id)
    days = posting_days(project.posting_days if project is not None else None)
    return posting_period_text(*posting_period(date.today(), days))


def _outdated(s: Session, scope: ExportScope) -> set[int]:
    """Households of the scope whose stored amounts are of earlier facts or an earlier standard."""
    return outdated_in(s, Scope(scope.project_id, village_id=scope.village_id, group_id=scope.group_id))


def _any_computed(db: Database, scope: ExportScope) -> bool:
    """Whether any household of the project has computed compensation (else there is nothing to load)."""
    with db.read() as s:
        q = (
            select(HouseholdCompensation.id)
            .join(Household, HouseholdCompensation.household_id == Household.id)
            .where(Household.project_id == scope.project_id, HouseholdCompensation.status != STATUS_NONE)
            .limit(1)
        )
        return s.scalar(q) is not None


def _other_payees(s: Session, scope: ExportScope) -> dict[int, Decimal]:
    """Per household, the part of its compensation paid to others (collective, social security)."""
    out: dict[int, Decimal] = {}
    for model in (CompensationLine, CompensationAdjustment):
        q = (
            select(model.household_id, func.sum(model.amount))
            .join(Household, model.household_id == Household.id)
            .where(Household.project_id == scope.project_id, model.payee != HOUSEHOLD_PAYEE)
            .group_by(model.household_id)
        )
        for hid, amount in s.execute(q):  # sum() keeps the column's type: Decimal 元
            out[int(hid)] = out.get(int(hid), Decimal("0.00")) + (amount or Decimal("0.00"))
    return out


def _first_named(db: Database, household_ids: set[int], most: int = 5) -> list[str]:
    """「户号 户主」 of the first few of ``household_ids`` (for a message)."""
    with db.read() as s:
        rows = s.execute(
            select(Household.household_no, Household.head_name)
            .where(Household.id.in_(sorted(household_ids)[:most]))
            .order_by(Household.household_no)
        )
        return [f"{no} {head}" for no, head in rows]


def _payment_note(h: RosterHousehold, status: str | None, total: Decimal, others: Decimal, outdated: bool) -> str:
    notes = []
    if outdated:
        notes.append(f"{OUTDATED}：本表金额是改动前的，请重新计算后再导出")
    if status is None or status == STATUS_NONE:
        notes.append("尚未计算补偿，金额暂为 0")
    elif status == compensation_models.STATUS_COMPUTED:
        notes.append("补偿未复核")
    if others:
        notes.append(f"补偿合计 {total:,} 元，其中 {others:,} 元付集体/社保，不在本表")
    if not h.bank_account:
        notes.append("缺少银行账号")
    return "；".join(notes)


def export_payments(
    db: Database,
    out: Path | str,
    project: str | None = None,
    village: str | None = None,
    progress: Progress = None,
    cancelled: Cancelled = None,
    *,
    project_id: int | None = None,
    village_id: int | None = None,
    group_id: int | None = None,
) -> ExportInfo:
    """The bank's batch-transfer list: per household payee, full ID and account, amount.

    The amount is the household's compensation total (summaries.household_totals) less
    what is paid to the collective or social security; 0 with a note while not computed.
    """
    require(db, Need.READ, "导出兑付清册")
    scope = resolve_scope(db, project, village, project_id=project_id, village_id=village_id, group_id=group_id)
    _stop_if(cancelled)  # a cancel before the first row (small exports tick too rarely to see it)
    by_id: dict[int, HouseholdTotalsRow] = {}
    if _any_computed(db, scope):
        _, totals = summaries.household_totals(db, scope.project_id, scope.village_id)
        by_id = {row.household_id: row for row in totals}
    with (
        _no_cycle_collection(),
        db.read() as s,
        contextlib.closing(scope_households(s, scope, frozenset())) as households,
    ):
        others = _other_payees(s, scope)
        outdated = _outdated(s, scope) if by_id else set()
        count = count_households(s, scope)
        chain = chain_stamp(s.connection())

        def rows() -> Iterator[PaymentRow]:
            for hid, h in households:
                found = by_id.get(hid)
                status = found.status if found else None
                total = found.total if found and found.status != STATUS_NONE else Decimal("0.00")
                other = others.get(hid, Decimal("0.00")) if total else Decimal("0.00")
                yield PaymentRow(h, total - other, _payment_note(h, status, total, other, hid in outdated))

        return write_payments(
            out, rows(), count, project=scope.title, chain_head=chain, progress=progress, cancelled=cancelled
        )


def _detail_stream(db: Database, project_id: int, village_id: int | None) -> Iterator[DetailLine]:
    """Detail lines village by village, so a whole project never sits in memory at once."""
    if village_id is not None:
        yield from summaries.detail_lines(db, project_id, village_id)
        return
    for project in projects.tree(db, with_counts=False):
        if project.id == project_id:
            for village in project.villages:
                yield from summaries.detail_lines(db, project_id, village.id)


def _stop_if(cancelled: Cancelled) -> None:
    if cancelled is not None and cancelled():
        raise CancelledError("导出已取消，未生成文件")


def _ticking(lines: Iterator[DetailLine], total: int, progress: Progress, cancelled: Cancelled) -> Iterator[DetailLine]:
    """The detail lines with progress counted in households and a cancel check at each new one."""
    done, last = 0, None
    for line in lines:
        key = (line.village, line.group, line.household_no)
        if key != last:
            last = key
            if cancelled is not None and cancelled():
                raise CancelledError("导出已取消，未生成文件")
            if progress is not None and done % 200 == 0:
                progress(done, total)
            done += 1
        yield line


def export_compensation(
    db: Database,
    out: Path | str,
    project: str | None = None,
    village: str | None = None,
    progress: Progress = None,
    cancelled: Cancelled = None,
    *,
    project_id: int | None = None,
    village_id: int | None = None,
    group_id: int | None = None,
) -> ExportInfo:
    """Per-household summary (户号, 户主, one column per item, 合计(元)) and the per-line detail sheet.

    Written to a temporary file and renamed at the end: a cancel (``cancelled()`` checked at
    each household of the detail sheet) leaves no file."""
    require(db, Need.READ, "导出补偿汇总")
    scope = resolve_scope(db, project, village, project_id=project_id, village_id=village_id, group_id=group_id)
    _stop_if(cancelled)  # a cancel before the first row (small exports tick too rarely to see it)
    current = rate_tables.get_project_rate_table(db, scope.project_id)
    items, rows = summaries.household_totals(db, scope.project_id, scope.village_id)
    stream = _detail_stream(db, scope.project_id, scope.village_id)
    if scope.group_id is not None:
        with db.read() as s:
            wanted = set(_ordered_ids(s, scope))
        rows = [r for r in rows if r.household_id in wanted]
        stream = (line for line in stream if line.group == scope.group_name)
    if cancelled is not None and cancelled():
        raise CancelledError("导出已取消，未生成文件")
    lines = _ticking(stream, len(rows), progress, cancelled)
    with _no_cycle_collection():
        count = write_compensation_workbook(
            out,
            title=scope.project_name + scope.village_name + scope.group_name,
            table_label=current.table.label if current else "",
            items=items,
            rows=rows,
            lines=lines,
        )
    if progress is not None:
        progress(len(rows), len(rows))
    total = sum((r.total for r in rows), Decimal("0.00"))
    return ExportInfo(Path(out), sheets=["补偿汇总", "补偿明细"], households=len(rows), rows=count, total=total)
