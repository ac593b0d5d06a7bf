"""What the compensation services share: the project's standard, a household's view, amounts in 元."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from decimal import Decimal

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from resettle.domain.compensation_records import (
    AdjustmentView,
    ComputeResult,
    HouseholdCompensationView,
    LineView,
)
from resettle.domain.money import to_yuan
from resettle.errors import NotFoundError, ValidationError
from resettle.services.compensation.bulk import (
    Scope,
    compute_scope,
)
from resettle.services.compensation.freshness import fingerprint_if_current
from resettle.services.compensation.rate_tables import (
    domain_table,
    load_table,
)
from resettle.store.audit import Actor
from resettle.store.compensation_models import (
    STATUS_NONE,
    CompensationAdjustment,
    CompensationLine,
    HouseholdCompensation,
    ProjectRateTable,
    RateTableRecord,
)
from resettle.store.models import Household

Progress = Callable[[int, int], None]


Cancelled = Callable[[], bool]


ADJUSTMENT_CODE = "调整"


def yuan(fen: int | None) -> Decimal:
    return to_yuan(int(fen or 0))


def project_link(s: Session, project_id: int) -> tuple[ProjectRateTable, RateTableRecord]:
    link = s.scalars(select(ProjectRateTable).where(ProjectRateTable.project_id == project_id)).one_or_none()
    if link is None:
        raise ValidationError("该项目尚未选定补偿标准，请先导入并发布补偿标准，再为项目选用。", field="补偿标准")
    return link, load_table(s, link.rate_table_id)


def household_of(s: Session, household_id: int) -> Household:
    h = s.get(Household, household_id)
    if h is None:
        raise NotFoundError(f"户（编号 {household_id}）不存在，可能已被删除。")
    return h


def names_of(s: Session, household_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    ids = list(household_ids)
    out: dict[int, tuple[str, str]] = {}
    for start in range(0, len(ids), 500):
        rows = s.execute(
            select(Household.id, Household.household_no, Household.head_name).where(
                Household.id.in_(ids[start : start + 500])
            )
        ).all()
        out.update({int(r[0]): (r[1], r[2]) for r in rows})
    return out


def view_of(s: Session, household_id: int) -> HouseholdCompensationView:
    h = household_of(s, household_id)
    state = s.scalars(select(HouseholdCompensation).where(HouseholdCompensation.household_id == household_id)).first()
    lines = s.scalars(
        select(CompensationLine).where(CompensationLine.household_id == household_id).order_by(CompensationLine.seq)
    ).all()
    adjustments = s.scalars(
        select(CompensationAdjustment)
        .where(CompensationAdjustment.household_id == household_id)
        .order_by(CompensationAdjustment.id)
    ).all()
    label = ""
    if state is not None and state.rate_table_id is not None:
        table = s.get(RateTableRecord, state.rate_table_id)
        label = f"{table.name}（第{table.revision}版）" if table is not None else ""
    by_payee: dict[str, Decimal] = defaultdict(lambda: Decimal("0.00"))
    for amount_payee in [*((ln.amount, ln.payee) for ln in lines), *((a.amount, a.payee) for a in adjustments)]:
        by_payee[amount_payee[1]] += amount_payee[0]
    total = sum((ln.amount for ln in lines), Decimal("0.00")) + sum((a.amount for a in adjustments), Decimal("0.00"))
    return HouseholdCompensationView(
        household_id=h.id,
        household_no=h.household_no,
        head_name=h.head_name,
        status=state.status if state else STATUS_NONE,
        rate_table_id=state.rate_table_id if state else None,
        table_label=label,
        lines=tuple(
            LineView(
                ln.id,
                ln.rule_code,
                ln.item,
                ln.basis,
                ln.quantity,
                ln.unit,
                ln.unit_price,
                ln.amount,
                ln.payee,
                ln.table_version,
                ln.formula,
            )
            for ln in lines
        ),
        adjustments=tuple(
            AdjustmentView(a.id, a.item, a.amount, a.payee, a.reason, a.created_by, a.created_at, a.version)
            for a in adjustments
        ),
        total=total,
        by_payee=dict(by_payee),
        computed_at=state.computed_at if state else None,
        computed_by=state.computed_by if state else "",
        reviewed_by=state.reviewed_by if state else "",
        reviewed_at=state.reviewed_at if state else None,
        signed_on=state.signed_on if state else None,
        transition_months=state.transition_months if state else None,
        version=state.version if state else 0,
        outdated=state is not None
        and state.status != STATUS_NONE
        and fingerprint_if_current(s, h.project_id, household_id) is None,
    )


def run_compute(
    actor: Actor,
    conn: Connection,
    scope: Scope,
    link: ProjectRateTable,
    rec: RateTableRecord,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ComputeResult:
    label = f"{rec.name}（第{rec.revision}版）"
    totals = compute_scope(
        conn,
        scope,
        domain_table(rec),
        rec.id,
        link.transition_months,
        actor,
        f"计算补偿：{label}",
        progress,
        cancelled,
    )
    return ComputeResult(
        totals.households, totals.changed, totals.reviews_reset, yuan(totals.grand_total_fen), rec.id, label
    )


def recompute_current(s: Session, actor: Actor, project_id: int, household_ids: Iterable[int]) -> int:
    """Compute again, in the caller's transaction, households whose result was current before the
    caller changed their facts (``freshness.current_among`` asked before the change): an edit or a
    re-import never leaves amounts of the earlier facts on screen or paper. Lines that come out the
    same keep their review; changed ones go back to 已计算. Returns how many were computed."""
    ids = tuple(sorted(set(household_ids)))
    if not ids:
        return 0
    link, rec = project_link(s, project_id)
    run_compute(actor, s.connection(), Scope(project_id, household_ids=ids), link, rec)
    return len(ids)
